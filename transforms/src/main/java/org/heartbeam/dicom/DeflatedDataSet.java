package org.heartbeam.dicom;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Measures a Deflated Explicit VR Little Endian data set (raw deflate after the meta information),
 * so a truncated one can be told from a complete one: PixelMed inflates it silently either way.
 */
final class DeflatedDataSet {
  /** A guard against deflate bombs: no cardiac series file inflates anywhere near this. */
  private static final long MAX_INFLATED_BYTES = 1L << 31;

  private DeflatedDataSet() {}

  static long inflatedLength(byte[] bytes, int offset) throws DicomDecodeException {
    if (offset < 0 || offset > bytes.length) {
      throw new DicomDecodeException("truncated DICOM file: it ends inside its meta information");
    }
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes, offset, bytes.length - offset);
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        total += n;
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DicomDecodeException("truncated deflated data set: the compressed stream ends early");
        }
        if (total > MAX_INFLATED_BYTES) {
          throw new DicomDecodeException("deflated data set inflates beyond 2 GiB: refused");
        }
      }
      return total;
    } catch (DataFormatException e) {
      throw new DicomDecodeException("corrupt deflated data set: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }
}
