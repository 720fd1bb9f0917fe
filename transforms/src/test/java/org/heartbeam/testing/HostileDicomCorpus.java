package org.heartbeam.testing;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What hostile or broken senders and disks produce, beyond {@link MalformedDicomCorpus}: a valid image cut
 * at many offsets, wrong VRs and lengths, huge declared dimensions, zero-length values, non-image SOP
 * classes, compressed transfer syntaxes whose data cannot be decoded, multi-frame headers that disagree
 * with their pixels, and data sets without preamble. Each case says whether a reader must refuse it
 * ({@link Expect#REFUSED}) or must read it ({@link Expect#READ}: raw data sets PixelMed can parse, as real
 * archives hold them); either way it never crashes a pipeline.
 */
public final class HostileDicomCorpus {
  private HostileDicomCorpus() {}

  public enum Expect { REFUSED, READ }

  private static final int SIZE = 64;

  /** Writes every case into {@code dir}; file name to what a reader must do with it. */
  public static Map<String, Expect> writeTo(Path dir) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, Expect> expect = new LinkedHashMap<>();
    byte[] good = image().bytes();

    // Cut at many offsets: inside the preamble, at "DICM", inside the meta group, inside the data set, in
    // the pixels, one byte short.
    int pixelsStart = good.length - SIZE * SIZE * 2;
    int[] cuts = {1, 64, 127, 128, 130, 132, 136, 144, 160, 200, 260, 320, pixelsStart - 8, pixelsStart - 2,
        pixelsStart + 1, pixelsStart + 2000, good.length / 2 + 1001, good.length - 100, good.length - 1};
    for (int cut : cuts) {
      add(files, expect, "cut-at-" + cut + ".dcm", Arrays.copyOf(good, cut), Expect.REFUSED);
    }

    add(files, expect, "rows-as-decimal-string.dcm", wrongVrRows(), Expect.REFUSED);
    add(files, expect, "element-length-past-end.dcm", lengthPastEnd(good), Expect.REFUSED);
    add(files, expect, "odd-huge-length.dcm", hugeOddLength(good), Expect.REFUSED);
    add(files, expect, "huge-dimensions.dcm", image().put(TagFromName.Rows, "65535")
        .put(TagFromName.Columns, "65535").bytes(), Expect.REFUSED);
    add(files, expect, "zero-rows.dcm", image().put(TagFromName.Rows, "0").bytes(), Expect.REFUSED);
    add(files, expect, "empty-rows.dcm", image().put(TagFromName.Rows).bytes(), Expect.REFUSED);
    add(files, expect, "empty-columns.dcm", image().put(TagFromName.Columns).bytes(), Expect.REFUSED);
    add(files, expect, "empty-pixel-spacing.dcm", image().put(TagFromName.PixelSpacing).bytes(), Expect.REFUSED);
    add(files, expect, "zero-pixel-spacing.dcm", image().put(TagFromName.PixelSpacing, "0", "0").bytes(),
        Expect.REFUSED);
    add(files, expect, "negative-pixel-spacing.dcm", image().put(TagFromName.PixelSpacing, "-1", "-1").bytes(),
        Expect.REFUSED);
    add(files, expect, "empty-bits-allocated.dcm", image().put(TagFromName.BitsAllocated).bytes(), Expect.REFUSED);
    add(files, expect, "bits-stored-above-allocated.dcm", image().put(TagFromName.BitsStored, "24")
        .put(TagFromName.HighBit, "23").bytes(), Expect.REFUSED);
    add(files, expect, "zero-samples-per-pixel.dcm", image().put(TagFromName.SamplesPerPixel, "0").bytes(),
        Expect.REFUSED);
    add(files, expect, "empty-pixel-data.dcm", image().pixels16(true).bytes(), Expect.REFUSED);

    add(files, expect, "rt-structure-set.dcm", nonImage(SOPClass.RTStructureSetStorage, "RTSTRUCT"), Expect.REFUSED);
    add(files, expect, "encapsulated-pdf.dcm", nonImage(SOPClass.EncapsulatedPDFStorage, "DOC"), Expect.REFUSED);
    add(files, expect, "key-object-selection.dcm", nonImage(SOPClass.KeyObjectSelectionDocumentStorage, "KO"),
        Expect.REFUSED);

    add(files, expect, "garbage-jpeg2000.dcm", encapsulated(TransferSyntax.JPEG2000), Expect.REFUSED);
    add(files, expect, "garbage-jpeg-ls.dcm", encapsulated(TransferSyntax.JPEGLS), Expect.REFUSED);
    add(files, expect, "garbage-rle.dcm", encapsulated(TransferSyntax.RLE), Expect.REFUSED);
    add(files, expect, "garbage-deflate.dcm", garbageDeflate(), Expect.REFUSED);

    add(files, expect, "frames-declared-10-holds-3.dcm", multiFrame("10", 3), Expect.REFUSED);
    add(files, expect, "frames-declared-0.dcm", multiFrame("0", 2), Expect.REFUSED);
    add(files, expect, "frames-declared-negative.dcm", multiFrame("-4", 2), Expect.REFUSED);
    add(files, expect, "frames-declared-not-a-number.dcm", multiFrame("many", 2), Expect.REFUSED);

    add(files, expect, "raw-implicit-no-preamble.dcm", raw(TransferSyntax.ImplicitVRLittleEndian), Expect.READ);
    add(files, expect, "raw-explicit-no-preamble.dcm", raw(TransferSyntax.ExplicitVRLittleEndian), Expect.READ);

    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        Files.write(dir.resolve(file.getKey()), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return expect;
  }

  private static TestDicomFile image() {
    short[] pixels = new short[SIZE * SIZE];
    Random random = new Random(3);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (short) random.nextInt(800);
    }
    return TestDicomFile.mr(SIZE, SIZE, pixels);
  }

  private static void add(Map<String, byte[]> files, Map<String, Expect> expect, String name, byte[] bytes, Expect e) {
    files.put(name, bytes);
    expect.put(name, e);
  }

  /** Rows written with VR DS and a value that is no number (explicit VR keeps the wrong VR on disk). */
  private static byte[] wrongVrRows() {
    try {
      TestDicomFile file = image();
      DecimalStringAttribute rows = new DecimalStringAttribute(TagFromName.Rows);
      rows.addValue("abc");
      file.attributes().put(rows);
      return file.bytes();
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first data-set element after the meta group claims a length far past the end of the file. */
  private static byte[] lengthPastEnd(byte[] good) {
    byte[] bad = good.clone();
    int element = metaEnd(good);
    // Explicit VR short form: tag (4), VR (2), 2-byte length.
    ByteBuffer.wrap(bad, element + 6, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0xfff0);
    return bad;
  }

  /** Pixel Data (a 4-byte-length VR) claiming an odd length of almost 4 GB. */
  private static byte[] hugeOddLength(byte[] good) {
    byte[] bad = good.clone();
    int pixelHeader = good.length - SIZE * SIZE * 2 - 12;
    ByteBuffer.wrap(bad, pixelHeader + 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xfffffffb);
    return bad;
  }

  private static int metaEnd(byte[] file) {
    return 132 + 12 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static byte[] nonImage(String sopClass, String modality) {
    return image().remove(TagFromName.PixelData).put(TagFromName.SOPClassUID, sopClass)
        .put(TagFromName.Modality, modality).bytes();
  }

  /** An 8-bit image in a compressed transfer syntax with one fragment of random bytes. */
  private static byte[] encapsulated(String transferSyntaxUid) {
    try {
      AttributeList list = TestDicomFile.mr(8, 8).pixels8(new byte[64]).attributes();
      list.remove(TagFromName.PixelData);
      FileMetaInformation.addFileMetaInformation(list, SOPClass.MRImageStorage,
          "1.2.826.0.1.3680043.10.543.81", transferSyntaxUid, "HEARTBEAMTEST");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      byte[] fragment = new byte[48];
      new Random(transferSyntaxUid.hashCode()).nextBytes(fragment);
      ByteBuffer pixels = ByteBuffer.allocate(12 + 8 + 8 + fragment.length + 8).order(ByteOrder.LITTLE_ENDIAN);
      pixels.putShort((short) 0x7fe0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'B').putShort((short) 0)
          .putInt(0xffffffff);
      pixels.putShort((short) 0xfffe).putShort((short) 0xe000).putInt(0);
      pixels.putShort((short) 0xfffe).putShort((short) 0xe000).putInt(fragment.length).put(fragment);
      pixels.putShort((short) 0xfffe).putShort((short) 0xe0dd).putInt(0);
      out.write(pixels.array());
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Meta information naming Deflated Explicit VR Little Endian, then bytes that do not inflate. */
  private static byte[] garbageDeflate() {
    try {
      AttributeList list = image().attributes();
      FileMetaInformation.addFileMetaInformation(list, SOPClass.MRImageStorage,
          "1.2.826.0.1.3680043.10.543.82", TransferSyntax.DeflatedExplicitVRLittleEndian, "HEARTBEAMTEST");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // Meta group only (PixelMed writes the meta group in explicit VR), then garbage for the data set.
      AttributeList meta = new AttributeList();
      for (Object tag : list.keySet()) {
        com.pixelmed.dicom.AttributeTag t = (com.pixelmed.dicom.AttributeTag) tag;
        if (t.getGroup() == 0x0002) {
          meta.put(list.get(t));
        }
      }
      meta.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      byte[] garbage = new byte[512];
      new Random(19).nextBytes(garbage);
      out.write(garbage);
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A multi-frame image whose NumberOfFrames says {@code declared} but whose pixels hold {@code frames}. */
  private static byte[] multiFrame(String declared, int frames) {
    short[] pixels = new short[SIZE * SIZE * frames];
    return TestDicomFile.mr(SIZE, SIZE, pixels).put(TagFromName.NumberOfFrames, declared).bytes();
  }

  /** A valid MR data set with neither preamble nor meta information, as some archives store them. */
  private static byte[] raw(String transferSyntaxUid) {
    try {
      AttributeList list = image().attributes();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, transferSyntaxUid, false, false);
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
