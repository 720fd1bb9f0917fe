package org.heartbeam.dicom.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The A-ASSOCIATE-RQ PDU (PS3.8 9.3.2) a peer opened with, read before PixelMed sees the connection, so
 * the receiver can refuse an association (calling AE title, limits, disk) with a proper A-ASSOCIATE-RJ
 * instead of PixelMed's abort, or hand PixelMed a socket that replays what was read.
 */
final class AssociationRequest {
  private static final int ASSOCIATE_RQ = 0x01;
  /** Far above any real A-ASSOCIATE-RQ (a few KB); a bigger length is not a DICOM peer. */
  private static final int MAX_REQUEST_BYTES = 1 << 20;

  private final Socket socket;
  private final byte[] pdu;

  private AssociationRequest(Socket socket, byte[] pdu) {
    this.socket = socket;
    this.pdu = pdu;
  }

  /**
   * Reads the request; the socket's read timeout bounds a peer that connects and says nothing.
   *
   * @throws IOException if the peer does not open with an A-ASSOCIATE-RQ (the socket is closed)
   */
  static AssociationRequest read(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] header = new byte[6];
    in.readFully(header);
    long length = ((header[2] & 0xffL) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
        | (header[5] & 0xff);
    if ((header[0] & 0xff) != ASSOCIATE_RQ || length < 68 || length > MAX_REQUEST_BYTES) {
      socket.close();
      throw new IOException("not an A-ASSOCIATE-RQ (PDU type " + (header[0] & 0xff) + ", length " + length + ")");
    }
    byte[] pdu = new byte[6 + (int) length];
    System.arraycopy(header, 0, pdu, 0, 6);
    in.readFully(pdu, 6, (int) length);
    return new AssociationRequest(socket, pdu);
  }

  /** Bytes 26..41 of the PDU: after type, reserved, length, version, reserved and the called AE. */
  String callingAeTitle() {
    return callingAeTitle(pdu);
  }

  static String callingAeTitle(byte[] pdu) {
    return new String(pdu, 26, 16, StandardCharsets.US_ASCII).trim();
  }

  /** Answers A-ASSOCIATE-RJ with this reason and closes the connection. */
  void reject(AssociationRejection why) throws IOException {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(why.pdu());
      out.flush();
    } finally {
      socket.close();
    }
  }

  /** The connection for PixelMed, its input starting again with this request. */
  Socket replay() throws IOException {
    return new ReplayingSocket(socket, pdu);
  }
}
