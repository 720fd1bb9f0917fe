package org.heartbeam.dicom;

import com.pixelmed.dicom.Attribute;
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
 * by default): RLE Lossless with its own decoder, the JPEG family only through an ImageIO reader on
 * the classpath. Only the JDK's own JPEG reader is here, so 8-bit baseline JPEG decodes (lossy) and
 * JPEG Lossless, JPEG-LS, JPEG 2000 and 12-bit JPEG fail; they are reported by transfer syntax.
 * Deflated explicit VR is inflated by {@link DicomInputStream} itself.
 */
public final class DicomDataSet {
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
    AttributeList meta = metaInformation(bytes);
    String transferSyntaxUid = AttributeListValues.string(meta, TagFromName.TransferSyntaxUID);
    TransferSyntax transferSyntax = new TransferSyntax(transferSyntaxUid);
    // PixelMed 20220618 does not count Deflated among the "recognized" ones, though it reads it.
    if (!transferSyntaxUid.isEmpty() && !transferSyntax.isRecognized() && !transferSyntax.isDeflated()) {
      throw new DicomDecodeException("unknown transfer syntax " + printable(transferSyntaxUid)
          + ": convert the file to explicit VR little endian (e.g. dcmconv +te)");
    }
    long dataSetLength = dataSetLength(bytes, meta, transferSyntax);
    AttributeList list = new BoundedAttributeList(dataSetLength);
    list.setDecompressPixelData(decompress);
    long bytesRead;
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      bytesRead = list.read(in);
    } catch (EOFException e) {
      throw new DicomDecodeException("truncated DICOM file: it ends in the middle of an attribute", e);
    } catch (DicomException | IOException | RuntimeException e) {
      if (isEncapsulated(transferSyntaxUid) && !(e instanceof BoundedAttributeList.ValueTooLongException)) {
        throw new DicomDecodeException("cannot decode compressed pixel data in transfer syntax "
            + describeTransferSyntax(transferSyntaxUid) + ": convert to explicit VR little endian"
            + " (e.g. dcmdjpeg, dcmdjpls); " + oneLine(e), e);
      }
      throw new DicomDecodeException("corrupt or truncated DICOM file: " + oneLine(e), e);
    }
    if (bytesRead < dataSetLength) {
      throw new DicomDecodeException("truncated or corrupt DICOM file: only " + bytesRead + " of " + dataSetLength
          + " bytes could be read");
    }
    if (decompress && list.getPixelData() == null && isEncapsulated(transferSyntaxUid)
        && read(bytes, false).getPixelData() != null) {
      // PixelMed logs and drops pixel data its codec fails on, rather than throwing.
      throw new DicomDecodeException("cannot decode compressed pixel data in transfer syntax "
          + describeTransferSyntax(transferSyntaxUid) + ": the codec refused it (corrupt, or an unsupported"
          + " variant); convert to explicit VR little endian");
    }
    return list;
  }

  /**
   * How many bytes PixelMed must account for when it has read the whole file. It is lenient: at the
   * end of the data it stops without an exception, and it skips (and only logs) attributes it cannot
   * read, so a truncated file comes back as a shorter list; its read() returns the offset up to which
   * attributes were read, and anything short of this length is refused. With a deflated data set it
   * counts inflated data-set bytes only; encapsulated pixel data counts a few bytes more than the
   * file holds, hence "at least".
   */
  private static long dataSetLength(byte[] bytes, AttributeList meta, TransferSyntax transferSyntax)
      throws DicomDecodeException {
    if (transferSyntax.isDeflated()) {
      long start = metaInformationEnd(meta);
      if (start > bytes.length) { // a corrupt group length must not wrap into a plausible offset
        throw new DicomDecodeException("FileMetaInformationGroupLength points past the end of the file");
      }
      return DeflatedDataSet.inflatedLength(bytes, (int) start);
    }
    return bytes.length;
  }

  /** The offset where the data set starts: preamble, "DICM", then the group 0002 length says the rest. */
  private static long metaInformationEnd(AttributeList meta) throws DicomDecodeException {
    long groupLength = Attribute.getSingleLongValueOrDefault(meta, TagFromName.FileMetaInformationGroupLength, -1);
    if (groupLength < 0) {
      throw new DicomDecodeException("deflated DICOM file without FileMetaInformationGroupLength: cannot find"
          + " where its data set starts");
    }
    return PREAMBLE_BYTES + MAGIC.length + 12 + groupLength;
  }

  private static boolean isEncapsulated(String transferSyntaxUid) {
    return !transferSyntaxUid.isEmpty() && TransferSyntax.isEncapsulated(transferSyntaxUid);
  }

  /** "1.2.840.10008.1.2.4.70 (JPEG Lossless ...)" for messages. */
  static String describeTransferSyntax(String uid) {
    TransferSyntax transferSyntax = new TransferSyntax(uid);
    String description = transferSyntax.isDeflated() ? "Deflated Explicit VR Little Endian"
        : transferSyntax.isRecognized() ? transferSyntax.getDescription() : "";
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

  /** The file meta information (group 0002); empty for a bare data set. */
  private static AttributeList metaInformation(byte[] bytes) throws DicomDecodeException {
    AttributeList meta = new BoundedAttributeList(bytes.length);
    if (!hasPreamble(bytes)) {
      return meta;
    }
    try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bytes))) {
      meta.readOnlyMetaInformationHeader(in);
    } catch (DicomException | IOException | RuntimeException e) {
      throw new DicomDecodeException("truncated or corrupt DICOM file meta information: " + oneLine(e), e);
    }
    return meta;
  }

  /** A UID read from a corrupt file can hold any byte; messages get only printable ASCII. */
  static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }

  public static String oneLine(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
  }
}
