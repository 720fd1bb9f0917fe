package org.heartbeam.transforms.tfrecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing: each record is {@code uint64 length, uint32 masked CRC32C(length), data,
 * uint32 masked CRC32C(data)}, all little-endian, where mask(c) = rotate-right(c, 15) + 0xa282ead8
 * (TensorFlow's {@code crc32c::Mask}).
 *
 * <p>Reading checks both CRCs. A bad data CRC loses only that record: the length was verified, so
 * the next record starts where it should. A bad length CRC, a truncated record, an impossible length
 * or a failing stream (corrupt gzip) loses the framing: nothing after it can be located, so the reader
 * reports it once and stops.
 */
public final class TfRecordFraming {
  private static final int MASK_DELTA = 0xa282ead8;
  private static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;
  private static final int FOOTER_BYTES = Integer.BYTES;
  /** Java arrays stop near 2^31; a longer length is taken as garbage rather than tried. */
  static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

  private TfRecordFraming() {}

  /** TensorFlow's masked CRC32C of {@code length} bytes of {@code data} from {@code offset}. */
  public static int maskedCrc32c(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + MASK_DELTA;
  }

  /** Writes one framed record. */
  public static void write(OutputStream out, byte[] data) throws IOException {
    out.write(frame(data));
  }

  /** One framed record: header, data and footer. */
  public static byte[] frame(byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + data.length + FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(data.length);
    buffer.putInt(maskedCrc32c(buffer.array(), 0, Long.BYTES));
    buffer.put(data);
    buffer.putInt(maskedCrc32c(data, 0, data.length));
    return buffer.array();
  }

  /** Reads frames from a stream; the caller closes the stream. */
  public static Reader reader(InputStream in) { return new Reader(in); }

  /** Reads one file's frames in order. Never throws: stream failures become a LOST_FRAMING frame. */
  public static final class Reader {
    private final InputStream in;
    private int index;
    private long offset;
    private boolean done;

    private Reader(InputStream in) { this.in = in; }

    /** The next frame, or null at the end of the file (or after framing was lost). */
    public TfRecordFrame next() {
      if (done) {
        return null;
      }
      try {
        return readFrame();
      } catch (IOException e) {
        return lose("read error (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
      }
    }

    private TfRecordFrame readFrame() throws IOException {
      byte[] header = in.readNBytes(HEADER_BYTES);
      if (header.length == 0) {
        done = true;
        return null;
      }
      if (header.length < HEADER_BYTES) {
        return lose("truncated record header (" + header.length + " of " + HEADER_BYTES + " bytes)");
      }
      ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
      long length = h.getLong();
      if (h.getInt() != maskedCrc32c(header, 0, Long.BYTES)) {
        return lose("length CRC mismatch");
      }
      if (length < 0 || length > MAX_RECORD_BYTES) {
        return lose("record length " + Long.toUnsignedString(length) + " is impossible");
      }
      // readNBytes grows its buffer as bytes arrive, so a truncated file claiming a huge length
      // does not allocate that length up front.
      byte[] data = in.readNBytes((int) length);
      byte[] footer = data.length < length ? new byte[0] : in.readNBytes(FOOTER_BYTES);
      if (data.length < length || footer.length < FOOTER_BYTES) {
        return lose("truncated record (" + data.length + " of " + length + " data bytes, "
            + footer.length + " of " + FOOTER_BYTES + " CRC bytes)");
      }
      int expected = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt();
      long start = offset;
      offset += HEADER_BYTES + length + FOOTER_BYTES;
      int position = index++;
      if (expected != maskedCrc32c(data, 0, data.length)) {
        return TfRecordFrame.badRecord(position, "data CRC mismatch in record at byte " + start);
      }
      return TfRecordFrame.record(position, data);
    }

    private TfRecordFrame lose(String what) {
      done = true;
      String rest = index == 0 ? "whole file unreadable" : "rest of file unreadable after record " + (index - 1);
      return TfRecordFrame.lostFraming(index, what + " at byte " + offset + "; " + rest);
    }
  }
}
