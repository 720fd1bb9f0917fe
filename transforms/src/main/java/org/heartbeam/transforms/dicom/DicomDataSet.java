package org.heartbeam.transforms.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses the bytes of one DICOM file into a PixelMed {@link AttributeList}, turning every way that can
 * go wrong into a {@link DicomDecodeException} with a reason a user can act on.
 *
 * <p>PixelMed decompresses encapsulated pixel data while reading ({@code AttributeList} decompresses
 * by default): RLE Lossless with its own decoder, the JPEG family only through an ImageIO codec
 * on the classpath (none is here, so those fail and are reported by transfer syntax). Deflated
 * explicit VR is inflated by {@link DicomInputStream} itself.
 */
final class DicomDataSet {
  private static final int PREAMBLE_BYTES = 128;
  private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

  private DicomDataSet() {}

  /**
   * @param decompress false to keep encapsulated pixel data as is (describing a file needs no pixels)
   */
  static AttributeList read(byte[] bytes, boolean decompress) throws DicomDecodeException {
    if (bytes == null || bytes.length == 0) {
      throw new DicomDecodeException("empty file (0 bytes)");
    }
    if (!hasPreamble(bytes) && !looksLikeRawDataSet(bytes)) {
      throw new DicomDecodeException("not a DICOM file (no 'DICM' marker at byte 128)");
    }
    String transferSyntaxUid = transferSyntaxOf(bytes);
    if (!transferSyntaxUid.isEmpty() && !new TransferSyntax(transferSyntaxUid).isRecognized()) {
      throw new DicomDecodeException("unknown transfer syntax " + transferSyntaxUid
          + ": convert the file to explicit VR little endian (e.g. dcmconv +te)");
    }
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(decompress);
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      list.read(in);
    } catch (EOFException e) {
      throw new DicomDecodeException("truncated DICOM file: it ends in the middle of an attribute", e);
    } catch (DicomException | IOException | RuntimeException e) {
      if (!transferSyntaxUid.isEmpty() && TransferSyntax.isEncapsulated(transferSyntaxUid)) {
        throw new DicomDecodeException("cannot decode compressed pixel data in transfer syntax "
            + describeTransferSyntax(transferSyntaxUid) + ": convert to explicit VR little endian"
            + " (e.g. dcmdjpeg, dcmdjpls) — " + oneLine(e), e);
      }
      throw new DicomDecodeException("corrupt or truncated DICOM file: " + oneLine(e), e);
    }
    return list;
  }

  /** "1.2.840.10008.1.2.4.70 (JPEG Lossless ...)" for messages. */
  static String describeTransferSyntax(String uid) {
    String description = new TransferSyntax(uid).getDescription();
    return description == null || description.isEmpty() ? uid : uid + " (" + description + ")";
  }

  static boolean hasPreamble(byte[] bytes) {
    if (bytes.length < PREAMBLE_BYTES + MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[PREAMBLE_BYTES + i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Old files are sometimes a bare data set with no preamble; they start with a group 0002 or 0008
   * tag. Anything else without "DICM" (text, PNG, ...) is refused before PixelMed guesses at it,
   * because PixelMed would happily read garbage as implicit VR.
   */
  private static boolean looksLikeRawDataSet(byte[] bytes) {
    if (bytes.length < 8) {
      return false;
    }
    int group = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
    return group == 0x0002 || group == 0x0008;
  }

  private static String transferSyntaxOf(byte[] bytes) throws DicomDecodeException {
    if (!hasPreamble(bytes)) {
      return "";
    }
    AttributeList meta = new AttributeList();
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      meta.readOnlyMetaInformationHeader(in);
    } catch (DicomException | IOException | RuntimeException e) {
      throw new DicomDecodeException("truncated or corrupt DICOM file meta information: " + oneLine(e), e);
    }
    return AttributeListValues.string(meta, TagFromName.TransferSyntaxUID);
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
  }
}
