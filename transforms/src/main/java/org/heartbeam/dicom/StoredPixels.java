package org.heartbeam.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * The stored values of a greyscale image's pixels, all frames one after another, as ints: the
 * BitsStored bits under HighBit of each BitsAllocated-wide sample, sign-extended when
 * PixelRepresentation is 1. Rescale is not applied here (it can differ per frame).
 */
final class StoredPixels {
  private StoredPixels() {}

  static int[] read(AttributeList list, int rows, int columns, int frames) throws DicomDecodeException {
    int bitsAllocated = AttributeListValues.integer(list, TagFromName.BitsAllocated, -1);
    int bitsStored = AttributeListValues.integer(list, TagFromName.BitsStored, bitsAllocated);
    int highBit = AttributeListValues.integer(list, TagFromName.HighBit, bitsStored - 1);
    int representation = AttributeListValues.integer(list, TagFromName.PixelRepresentation, 0);
    if (bitsAllocated != 8 && bitsAllocated != 16) {
      throw new DicomDecodeException("BitsAllocated " + bitsAllocated + " is not supported (8 or 16 only)");
    }
    if (bitsStored < 1 || bitsStored > bitsAllocated || highBit >= bitsAllocated || highBit < bitsStored - 1) {
      throw new DicomDecodeException("inconsistent pixel bits: BitsAllocated " + bitsAllocated
          + ", BitsStored " + bitsStored + ", HighBit " + highBit);
    }
    if (representation != 0 && representation != 1) {
      throw new DicomDecodeException("PixelRepresentation " + representation + " is not 0 or 1");
    }
    long samples = (long) rows * columns * frames;
    if (samples > Integer.MAX_VALUE - 8) {
      throw new DicomDecodeException("image too large: " + rows + "x" + columns + "x" + frames + " pixels");
    }
    int[] raw = bitsAllocated == 16
        ? words(list.getPixelData(), (int) samples)
        : bytes(list.getPixelData(), (int) samples);
    int shift = highBit + 1 - bitsStored;
    int mask = (1 << bitsStored) - 1;
    int signBit = 1 << (bitsStored - 1);
    boolean signed = representation == 1;
    for (int i = 0; i < raw.length; i++) {
      int v = (raw[i] >>> shift) & mask;
      raw[i] = signed && (v & signBit) != 0 ? v - (1 << bitsStored) : v;
    }
    return raw;
  }

  // Each reader checks the length before allocating: Rows, Columns and NumberOfFrames of a corrupt
  // file can promise billions of samples.

  /** 16-bit samples, unsigned, in PixelMed's host order (it swaps on read). */
  private static int[] words(Attribute pixelData, int samples) throws DicomDecodeException {
    try {
      if (pixelData instanceof OtherByteAttribute) {
        // 16-bit pixels wrongly sent as OB: little-endian pairs.
        byte[] b = pixelData.getByteValues();
        checkLength(b == null ? 0 : b.length, 2L * samples, 2);
        int[] out = new int[samples];
        for (int i = 0; i < samples; i++) {
          out[i] = (b[2 * i] & 0xff) | (b[2 * i + 1] & 0xff) << 8;
        }
        return out;
      }
      short[] s = pixelData.getShortValues();
      checkLength(s == null ? 0 : 2L * s.length, 2L * samples, 2);
      int[] out = new int[samples];
      for (int i = 0; i < samples; i++) {
        out[i] = s[i] & 0xffff;
      }
      return out;
    } catch (DicomException e) {
      throw new DicomDecodeException("cannot read pixel data: " + DicomDataSet.oneLine(e), e);
    }
  }

  /** 8-bit samples; OW (implicit VR) holds them two per little-endian word. */
  private static int[] bytes(Attribute pixelData, int samples) throws DicomDecodeException {
    try {
      if (pixelData instanceof OtherByteAttribute) {
        byte[] b = pixelData.getByteValues();
        checkLength(b == null ? 0 : b.length, samples, 1);
        int[] out = new int[samples];
        for (int i = 0; i < samples; i++) {
          out[i] = b[i] & 0xff;
        }
        return out;
      }
      short[] s = pixelData.getShortValues();
      checkLength(s == null ? 0 : 2L * s.length, samples, 1);
      int[] out = new int[samples];
      for (int i = 0; i < samples; i++) {
        int word = s[i / 2] & 0xffff;
        out[i] = (i % 2 == 0 ? word : word >>> 8) & 0xff;
      }
      return out;
    } catch (DicomException e) {
      throw new DicomDecodeException("cannot read pixel data: " + DicomDataSet.oneLine(e), e);
    }
  }

  /** Exact length, allowing only the one padding byte DICOM adds to odd lengths. */
  private static void checkLength(long actualBytes, long expectedBytes, int bytesPerSample)
      throws DicomDecodeException {
    long padded = expectedBytes + (expectedBytes % 2);
    if (actualBytes != expectedBytes && actualBytes != padded) {
      throw new DicomDecodeException("pixel data length " + actualBytes + " bytes does not match Rows x Columns"
          + " x NumberOfFrames x " + bytesPerSample + " = " + expectedBytes + " bytes");
    }
  }
}
