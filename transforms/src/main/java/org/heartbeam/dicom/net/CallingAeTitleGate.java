package org.heartbeam.dicom.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses associations from calling AE titles that are not on the allowed list, before PixelMed sees
 * them: PixelMed 20220618 checks the called AE title but cannot restrict calling ones. The gate reads
 * the A-ASSOCIATE-RQ PDU (PS3.8 9.3.2), and either answers A-ASSOCIATE-RJ (permanent, service user,
 * "calling AE title not recognized") or hands PixelMed a socket that replays the PDU it read.
 */
final class CallingAeTitleGate {
  private static final int ASSOCIATE_RQ = 0x01;
  /** Far above any real A-ASSOCIATE-RQ (a few KB); a bigger length is not a DICOM peer. */
  private static final int MAX_REQUEST_BYTES = 1 << 20;
  private static final int READ_TIMEOUT_MILLIS = 30_000;
  private static final byte[] REJECT_CALLING_AE = {
      0x03, 0x00, 0x00, 0x00, 0x00, 0x04, // A-ASSOCIATE-RJ, length 4
      0x00, 0x01, 0x01, 0x03};             // reserved, permanent, service user, calling AE not recognized

  private final Set<String> allowed;

  /** @param allowed calling AE titles let through (trimmed, case-sensitive as DICOM says) */
  CallingAeTitleGate(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /**
   * The socket to give PixelMed, or empty when the association was refused (the reject is sent and
   * the socket closed).
   */
  Optional<Socket> admit(Socket socket) throws IOException {
    int timeout = socket.getSoTimeout();
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
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
    socket.setSoTimeout(timeout);
    String calling = callingAeTitle(pdu);
    if (!allowed.contains(calling)) {
      OutputStream out = socket.getOutputStream();
      out.write(REJECT_CALLING_AE);
      out.flush();
      socket.close();
      return Optional.empty();
    }
    return Optional.of(new ReplayingSocket(socket, pdu));
  }

  /** Bytes 26..41 of the PDU: after type, reserved, length, version, reserved and the called AE. */
  static String callingAeTitle(byte[] pdu) {
    return new String(pdu, 26, 16, StandardCharsets.US_ASCII).trim();
  }
}
