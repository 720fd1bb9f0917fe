package org.heartbeam.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.testing.MalformedDicomCorpus;
import org.heartbeam.testing.TestDicomFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per decoder behaviour, on files built in memory with PixelMed. */
class DicomFrameDecoderTest {

  private static CardiacImage single(TestDicomFile file) throws DicomDecodeException {
    List<CardiacImage> images = DicomFrameDecoder.decode(file.bytes(), "mem://test.dcm");
    assertEquals(1, images.size());
    return images.get(0);
  }

  @Test
  void signedSixteenBitKeepsNegativeValuesAndMetadata() throws Exception {
    CardiacImage image = single(TestDicomFile.mr(2, 3, (short) -32768, (short) -1, (short) 0, (short) 1,
        (short) 1234, (short) 32767));

    assertArrayEquals(new float[] {-32768, -1, 0, 1, 1234, 32767}, image.pixels());
    assertEquals(2, image.rows());
    assertEquals(3, image.columns());
    ImageGeometry g = image.geometry();
    assertEquals(1.5, g.rowSpacingMm());
    assertEquals(1.25, g.columnSpacingMm());
    assertEquals(8, g.sliceThicknessMm());
    assertArrayEquals(new double[] {-100, -90.5, 30}, g.imagePositionPatient());
    assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, g.imageOrientationPatient());
    assertEquals(30, g.sliceLocationMm());
    assertEquals("TEST-PATIENT-42", image.patientId());
    assertEquals("1.2.826.0.1.3680043.10.543.2", image.studyInstanceUid());
    assertEquals("1.2.826.0.1.3680043.10.543.3", image.seriesInstanceUid());
    assertTrue(image.sopInstanceUid().startsWith("1.2.826.0.1.3680043.10.543.1."));
    assertTrue(image.instanceNumber() > 0);
    assertEquals(0, image.frameIndex());
    assertEquals("mem://test.dcm", image.sourceUri());
    assertEquals(-1, image.phaseIndex());
    assertTrue(Double.isNaN(image.triggerTimeMs()));
  }

  @Test
  void unsignedSixteenBitReadsValuesAbove32767() throws Exception {
    CardiacImage image = single(TestDicomFile.mr(1, 3).pixels16(false, (short) 0, (short) 40000, (short) 65535));
    assertArrayEquals(new float[] {0, 40000, 65535}, image.pixels());
  }

  @Test
  void eightBitIsUnsigned() throws Exception {
    CardiacImage image = single(TestDicomFile.mr(1, 3).pixels8((byte) 0, (byte) 127, (byte) 255));
    assertArrayEquals(new float[] {0, 127, 255}, image.pixels());
  }

  @Test
  void sixteenBitPixelsSentAsObAreLittleEndianPairs() throws Exception {
    // Some writers label 16-bit pixel data OB in explicit VR; the bytes are still little-endian words.
    CardiacImage image = single(TestDicomFile.mr(1, 2).pixels8((byte) 0x34, (byte) 0x12, (byte) 0xff, (byte) 0xff)
        .put(TagFromName.BitsAllocated, "16").put(TagFromName.BitsStored, "16").put(TagFromName.HighBit, "15")
        .put(TagFromName.PixelRepresentation, "1"));
    assertArrayEquals(new float[] {0x1234, -1}, image.pixels());
  }

  @Test
  void twelveBitsStoredIgnoresHighBitsAndSignExtends() throws Exception {
    // 0xF800 holds 0x800 in its low 12 bits: -2048 as a signed 12-bit value; high bits are garbage.
    CardiacImage image = single(TestDicomFile.mr(1, 3, (short) 0xF800, (short) 0x07ff, (short) 0x1001)
        .put(TagFromName.BitsStored, "12").put(TagFromName.HighBit, "11"));
    assertArrayEquals(new float[] {-2048, 2047, 1}, image.pixels());
  }

  @Test
  void rescaleIsApplied() throws Exception {
    CardiacImage image = single(TestDicomFile.mr(1, 3, (short) -2, (short) 0, (short) 10)
        .put(TagFromName.RescaleSlope, "2.5").put(TagFromName.RescaleIntercept, "-1024"));
    assertArrayEquals(new float[] {-1029, -1024, -999}, image.pixels());
  }

  @Test
  void triggerTimeAndTemporalPositionGivePhase() throws Exception {
    CardiacImage image = single(TestDicomFile.mr(1, 1, (short) 5)
        .put(TagFromName.TriggerTime, "412.5").put(DicomTags.TEMPORAL_POSITION_IDENTIFIER, "7"));
    assertEquals(412.5, image.triggerTimeMs());
    assertEquals(6, image.phaseIndex());
  }

  @Test
  void computedTomographyAndSecondaryCaptureDecodeWhenTheyCarryPixels() throws Exception {
    CardiacImage ct = single(TestDicomFile.mr(1, 2, (short) 0, (short) 1000)
        .put(TagFromName.SOPClassUID, SOPClass.CTImageStorage).put(TagFromName.Modality, "CT")
        .put(TagFromName.RescaleIntercept, "-1024").put(TagFromName.RescaleSlope, "1"));
    assertArrayEquals(new float[] {-1024, -24}, ct.pixels());

    CardiacImage sc = single(TestDicomFile.mr(1, 2).pixels8((byte) 3, (byte) 200)
        .put(TagFromName.SOPClassUID, SOPClass.SecondaryCaptureImageStorage).put(TagFromName.Modality, "OT")
        .remove(TagFromName.ImagePositionPatient).remove(TagFromName.ImageOrientationPatient));
    assertArrayEquals(new float[] {3, 200}, sc.pixels());
    assertFalse(sc.geometry().hasPosition());
  }

  @Test
  void legacyMultiFrameIsSplitInOrderWithTopLevelGeometry() throws Exception {
    TestDicomFile file = TestDicomFile.mr(2, 2, (short) 0, (short) 1, (short) 2, (short) 3,
            (short) 10, (short) 11, (short) 12, (short) 13, (short) -20, (short) -21, (short) -22, (short) -23)
        .put(TagFromName.NumberOfFrames, "3");
    List<CardiacImage> frames = DicomFrameDecoder.decode(file.bytes(), "file:/a/cine.dcm");

    assertEquals(3, frames.size());
    assertArrayEquals(new float[] {0, 1, 2, 3}, frames.get(0).pixels());
    assertArrayEquals(new float[] {10, 11, 12, 13}, frames.get(1).pixels());
    assertArrayEquals(new float[] {-20, -21, -22, -23}, frames.get(2).pixels());
    for (int f = 0; f < 3; f++) {
      assertEquals(f, frames.get(f).frameIndex());
      assertEquals("file:/a/cine.dcm#frame=" + f, frames.get(f).sourceUri());
      assertArrayEquals(new double[] {-100, -90.5, 30}, frames.get(f).geometry().imagePositionPatient());
    }
    assertFalse(frames.get(0).imageKey().equals(frames.get(1).imageKey()));
  }

  @Test
  void enhancedMrTakesPerFrameGroupsOverSharedOnes() throws Exception {
    List<CardiacImage> frames = DicomFrameDecoder.decode(EnhancedMr.twoFrames().bytes(), "mem://enhanced.dcm");

    assertEquals(2, frames.size());
    CardiacImage first = frames.get(0);
    CardiacImage second = frames.get(1);
    // Rescale: shared (x2 - 10) for frame 0, per frame (x3 - 500) for frame 1, whose last stored value
    // is 40000 unsigned.
    assertArrayEquals(new float[] {-10, -8, -6, -4}, first.pixels());
    assertArrayEquals(new float[] {-200, -350, -500, 119500}, second.pixels());
    // Pixel measures: shared for frame 0, overridden per frame for frame 1.
    assertEquals(0.7, first.geometry().rowSpacingMm());
    assertEquals(0.8, first.geometry().columnSpacingMm());
    assertEquals(6, first.geometry().sliceThicknessMm());
    assertEquals(0.9, second.geometry().rowSpacingMm());
    assertEquals(0.9, second.geometry().columnSpacingMm());
    // Orientation: shared; position, trigger and phase: per frame.
    assertArrayEquals(new double[] {0, 1, 0, 0, 0, -1}, first.geometry().imageOrientationPatient());
    assertArrayEquals(new double[] {0, 1, 0, 0, 0, -1}, second.geometry().imageOrientationPatient());
    assertArrayEquals(new double[] {1, 2, 3}, first.geometry().imagePositionPatient());
    assertArrayEquals(new double[] {1, 2, 13}, second.geometry().imagePositionPatient());
    assertEquals(0, first.triggerTimeMs());
    assertEquals(45.5, second.triggerTimeMs());
    assertEquals(0, first.phaseIndex());
    assertEquals(1, second.phaseIndex());
    assertEquals("mem://enhanced.dcm#frame=1", second.sourceUri());
    assertTrue(Double.isNaN(first.geometry().sliceLocationMm()));
  }

  @Test
  void noPixelSpacingIsRefused() {
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> DicomFrameDecoder.decode(
        TestDicomFile.mr(1, 1, (short) 1).remove(TagFromName.PixelSpacing).bytes(), "mem://x"));
    assertTrue(e.getMessage().contains("no pixel spacing"), e.getMessage());
  }

  @Test
  void invalidGeometryBecomesADecodeException() {
    DicomDecodeException e = assertThrows(DicomDecodeException.class, () -> DicomFrameDecoder.decode(
        TestDicomFile.mr(1, 1, (short) 1).put(TagFromName.PixelSpacing, "0", "1").bytes(), "mem://x"));
    assertTrue(e.getMessage().contains("row spacing must be > 0"), e.getMessage());
  }

  @Test
  void reasonsNeverCarryThePatientId() throws Exception {
    for (byte[] bytes : List.of(TestDicomFile.mr(1, 1, (short) 1).remove(TagFromName.PixelSpacing).bytes(),
        TestDicomFile.mr(1, 1, (short) 1).remove(TagFromName.PixelData).bytes())) {
      DicomDecodeException e = assertThrows(DicomDecodeException.class,
          () -> DicomFrameDecoder.decode(bytes, "mem://x"));
      assertFalse(e.getMessage().contains("TEST-PATIENT-42"), e.getMessage());
    }
  }

  @Test
  void everyMalformedFileIsRefusedWithItsReason(@TempDir Path dir) throws Exception {
    Map<String, String> corpus = MalformedDicomCorpus.writeTo(dir);
    assertTrue(corpus.size() >= 12);
    for (Map.Entry<String, String> entry : corpus.entrySet()) {
      byte[] bytes = Files.readAllBytes(dir.resolve(entry.getKey()));
      DicomDecodeException e = assertThrows(DicomDecodeException.class,
          () -> DicomFrameDecoder.decode(bytes, entry.getKey()), entry.getKey());
      assertFalse(e.getMessage().isBlank(), entry.getKey());
      assertTrue(e.getMessage().toLowerCase().contains(entry.getValue()),
          entry.getKey() + ": expected '" + entry.getValue() + "' in: " + e.getMessage());
    }
  }

  @Test
  void randomBytesAfterAValidHeaderOnlyEverThrowDecodeExceptions() {
    byte[] good = TestDicomFile.mr(8, 8, new short[64]).bytes();
    Random random = new Random(1);
    for (int trial = 0; trial < 150; trial++) {
      byte[] bad = good.clone();
      for (int flips = 0; flips < 1 + random.nextInt(8); flips++) {
        bad[132 + random.nextInt(bad.length - 132)] = (byte) random.nextInt();
      }
      byte[] cut = Arrays.copyOf(bad, random.nextInt(bad.length + 1));
      for (byte[] input : List.of(bad, cut)) {
        try {
          DicomFrameDecoder.decode(input, "mem://fuzz");
        } catch (DicomDecodeException expected) {
          assertFalse(expected.getMessage().isBlank());
        }
      }
    }
  }
}
