package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfRecordFramingTest {
  private static final byte[] A = "first".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] B = "second record".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] C = new byte[0];

  @Test
  void masksCrc32cAsTensorFlowDoes() {
    // CRC32C("123456789") = 0xe3069283 (RFC 3720 check value); masked by hand:
    // rotate right by 15 = 0x2507c60d, + 0xa282ead8 = 0xc78ab0e5.
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0xc78ab0e5, TfRecordFraming.maskedCrc32c(check, 0, check.length));
  }

  @Test
  void framesAsLengthCrcDataCrc() {
    byte[] framed = TfRecordFraming.frame(A);
    assertEquals(8 + 4 + A.length + 4, framed.length);
    assertEquals(A.length, framed[0]);
    assertArrayEquals(A, Arrays.copyOfRange(framed, 12, 12 + A.length));
  }

  @Test
  void readsBackWhatItWrites() throws IOException {
    List<TfRecordFrame> frames = readAll(concat(TfRecordFraming.frame(A), TfRecordFraming.frame(B),
        TfRecordFraming.frame(C)));
    assertEquals(3, frames.size());
    assertArrayEquals(A, frames.get(0).data());
    assertArrayEquals(B, frames.get(1).data());
    assertArrayEquals(C, frames.get(2).data());
    assertEquals(2, frames.get(2).index());
  }

  @Test
  void badDataCrcLosesOnlyThatRecord() throws IOException {
    byte[] bad = TfRecordFraming.frame(B);
    bad[14] ^= 0x20; // a data byte
    List<TfRecordFrame> frames = readAll(concat(TfRecordFraming.frame(A), bad, TfRecordFraming.frame(C)));

    assertEquals(List.of(TfRecordFrame.Kind.RECORD, TfRecordFrame.Kind.BAD_RECORD, TfRecordFrame.Kind.RECORD),
        frames.stream().map(TfRecordFrame::kind).toList());
    assertEquals("data CRC mismatch in record at byte " + (12 + A.length + 4), frames.get(1).reason());
    assertEquals(2, frames.get(2).index());
  }

  @Test
  void badLengthCrcStopsTheFile() throws IOException {
    byte[] bad = TfRecordFraming.frame(B);
    bad[8] ^= 0x01; // the length CRC
    List<TfRecordFrame> frames = readAll(concat(TfRecordFraming.frame(A), bad, TfRecordFraming.frame(C)));

    assertEquals(2, frames.size());
    assertEquals(TfRecordFrame.Kind.LOST_FRAMING, frames.get(1).kind());
    assertEquals(1, frames.get(1).index());
    assertEquals("length CRC mismatch at byte " + (12 + A.length + 4) + "; rest of file unreadable after record 0",
        frames.get(1).reason());
  }

  @Test
  void truncationStopsTheFile() throws IOException {
    byte[] framed = TfRecordFraming.frame(B);
    for (int keep = 1; keep < framed.length; keep++) {
      List<TfRecordFrame> frames = readAll(Arrays.copyOf(framed, keep));
      assertEquals(1, frames.size(), "kept " + keep);
      assertEquals(TfRecordFrame.Kind.LOST_FRAMING, frames.get(0).kind());
      assertTrue(frames.get(0).reason().startsWith(keep < 12 ? "truncated record header" : "truncated record ("),
          frames.get(0).reason());
      assertTrue(frames.get(0).reason().endsWith("; whole file unreadable"), frames.get(0).reason());
    }
  }

  @Test
  void aFailingStreamBecomesLostFraming() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };
    TfRecordFraming.Reader reader = TfRecordFraming.reader(failing);
    TfRecordFrame frame = reader.next();
    assertEquals(TfRecordFrame.Kind.LOST_FRAMING, frame.kind());
    assertTrue(frame.reason().startsWith("read error (IOException: disk on fire)"), frame.reason());
    assertNull(reader.next());
  }

  @Test
  void emptyStreamHasNoFrames() {
    assertEquals(List.of(), readAll(new byte[0]));
  }

  static List<TfRecordFrame> readAll(byte[] bytes) {
    TfRecordFraming.Reader reader = TfRecordFraming.reader(new ByteArrayInputStream(bytes));
    List<TfRecordFrame> frames = new ArrayList<>();
    for (TfRecordFrame f = reader.next(); f != null; f = reader.next()) {
      frames.add(f);
    }
    return frames;
  }

  private static byte[] concat(byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p);
    }
    return out.toByteArray();
  }
}
