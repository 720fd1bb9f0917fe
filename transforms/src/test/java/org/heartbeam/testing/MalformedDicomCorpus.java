package org.heartbeam.testing;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Files a DICOM reader meets in real archives and must refuse, one per way of being wrong, each with
 * the fragment its refusal reason must contain. Readers' tests assert that every one becomes exactly
 * one dead letter and nothing else.
 */
public final class MalformedDicomCorpus {
  private MalformedDicomCorpus() {}

  /**
   * Writes the corpus into {@code dir}.
   *
   * @return file name to a fragment (lower case) of the expected refusal reason
   */
  public static Map<String, String> writeTo(Path dir) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, String> expected = new LinkedHashMap<>();
    byte[] good = TestDicomFile.mr(16, 16, new short[256]).bytes();

    add(files, expected, "zero-length.dcm", new byte[0], "empty file");
    add(files, expected, "plain-text.dcm", "patient notes, not an image\n".repeat(20)
        .getBytes(StandardCharsets.UTF_8), "not a dicom file");
    add(files, expected, "picture.png", png(), "not a dicom file");
    add(files, expected, "truncated-in-header.dcm", Arrays.copyOf(good, 150), "truncated");
    add(files, expected, "truncated-in-pixel-data.dcm", Arrays.copyOf(good, good.length - 200), "truncated");
    add(files, expected, "no-pixel-data.dcm",
        TestDicomFile.mr(16, 16, new short[256]).remove(TagFromName.PixelData).bytes(), "no pixeldata");
    add(files, expected, "basic-text-sr.dcm", TestDicomFile.mr(16, 16, new short[256])
        .remove(TagFromName.PixelData).put(TagFromName.SOPClassUID, SOPClass.BasicTextSRStorage)
        .put(TagFromName.Modality, "SR").bytes(), "structured report");
    add(files, expected, "DICOMDIR", dicomdir(), "dicomdir");
    add(files, expected, "presentation-state.dcm", TestDicomFile.mr(16, 16, new short[256])
        .remove(TagFromName.PixelData).put(TagFromName.SOPClassUID, SOPClass.GrayscaleSoftcopyPresentationStateStorage)
        .put(TagFromName.Modality, "PR").bytes(), "presentation state");
    add(files, expected, "pixel-length-mismatch.dcm", TestDicomFile.mr(16, 16, new short[200]).bytes(),
        "does not match");
    add(files, expected, "colour-rgb.dcm", TestDicomFile.mr(4, 4).pixels8(new byte[48])
        .put(TagFromName.SamplesPerPixel, "3").put(TagFromName.PhotometricInterpretation, "RGB")
        .put(TagFromName.PlanarConfiguration, "0").bytes(), "colour image");
    add(files, expected, "no-pixel-spacing.dcm",
        TestDicomFile.mr(16, 16, new short[256]).remove(TagFromName.PixelSpacing).bytes(), "no pixel spacing");
    add(files, expected, "monochrome1.dcm", TestDicomFile.mr(16, 16, new short[256])
        .put(TagFromName.PhotometricInterpretation, "MONOCHROME1").bytes(), "monochrome1");
    add(files, expected, "bits-allocated-32.dcm", TestDicomFile.mr(4, 4, new short[32])
        .put(TagFromName.BitsAllocated, "32").put(TagFromName.BitsStored, "32").put(TagFromName.HighBit, "31")
        .bytes(), "bitsallocated 32");
    add(files, expected, "orientation-not-unit.dcm", TestDicomFile.mr(16, 16, new short[256])
        .put(TagFromName.ImageOrientationPatient, "2", "0", "0", "0", "1", "0").bytes(), "unit vectors");
    add(files, expected, "unknown-transfer-syntax.dcm", withTransferSyntax("1.2.3.4.5.6.7"),
        "unknown transfer syntax 1.2.3.4.5.6.7");
    add(files, expected, "garbage-jpeg-baseline.dcm", encapsulatedGarbage(TransferSyntax.JPEGBaseline),
        "transfer syntax " + TransferSyntax.JPEGBaseline);
    add(files, expected, "garbage-in-tags.dcm", garbageAfterPreamble(), "corrupt");

    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(dir.resolve(file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expected;
  }

  private static void add(Map<String, byte[]> files, Map<String, String> expected, String name, byte[] bytes,
      String reason) {
    files.put(name, bytes);
    expected.put(name, reason);
  }

  private static byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A media directory: meta information of the DICOMDIR SOP class, an empty record sequence. */
  private static byte[] dicomdir() {
    try {
      AttributeList list = new AttributeList();
      list.put(TestDicomFile.attribute(TagFromName.FileSetID, "HEARTBEAM"));
      list.put(new SequenceAttribute(TagFromName.DirectoryRecordSequence));
      FileMetaInformation.addFileMetaInformation(list, SOPClass.MediaStorageDirectoryStorage,
          "1.2.826.0.1.3680043.10.543.77", TransferSyntax.ExplicitVRLittleEndian, "HEARTBEAMTEST");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid image whose meta information names a transfer syntax nobody defines. */
  private static byte[] withTransferSyntax(String transferSyntaxUid) {
    try {
      AttributeList list = TestDicomFile.mr(16, 16, new short[256]).attributes();
      FileMetaInformation.addFileMetaInformation(list, SOPClass.MRImageStorage,
          "1.2.826.0.1.3680043.10.543.78", transferSyntaxUid, "HEARTBEAMTEST");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An 8-bit image in a compressed transfer syntax whose one fragment is random bytes: the data set
   * is written by PixelMed without pixels, then encapsulated Pixel Data is appended by hand.
   */
  private static byte[] encapsulatedGarbage(String transferSyntaxUid) {
    try {
      AttributeList list = TestDicomFile.mr(8, 8).pixels8(new byte[64]).attributes();
      list.remove(TagFromName.PixelData);
      FileMetaInformation.addFileMetaInformation(list, SOPClass.MRImageStorage,
          "1.2.826.0.1.3680043.10.543.79", transferSyntaxUid, "HEARTBEAMTEST");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      byte[] fragment = new byte[32];
      new Random(7).nextBytes(fragment);
      ByteBuffer pixels = ByteBuffer.allocate(12 + 8 + 8 + fragment.length + 8).order(ByteOrder.LITTLE_ENDIAN);
      pixels.putShort((short) 0x7fe0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'B').putShort((short) 0)
          .putInt(0xffffffff);
      pixels.putShort((short) 0xfffe).putShort((short) 0xe000).putInt(0); // empty basic offset table
      pixels.putShort((short) 0xfffe).putShort((short) 0xe000).putInt(fragment.length).put(fragment);
      pixels.putShort((short) 0xfffe).putShort((short) 0xe0dd).putInt(0);
      out.write(pixels.array());
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid preamble and meta information followed by random bytes: the worst a disk can do. */
  private static byte[] garbageAfterPreamble() {
    byte[] good = TestDicomFile.mr(16, 16, new short[256]).bytes();
    byte[] bad = good.clone();
    Random random = new Random(11);
    int metaEnd = 132 + 12 + ByteBuffer.wrap(good, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    for (int i = metaEnd; i < bad.length; i++) {
      bad[i] = (byte) random.nextInt();
    }
    return bad;
  }
}
