package org.heartbeam.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.transforms.output.SourceDicomHeader;
import org.heartbeam.transforms.output.Dciodvfy;
import org.heartbeam.transforms.output.PhantomSegmentations;
import org.heartbeam.dicom.DicomTags;

class DicomSegWriterTest {
  private static final LocalDateTime CREATED = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
  private static List<LabeledImage> phantom;

  @BeforeAll
  static void phantom(@TempDir Path dir) throws Exception {
    phantom = PhantomSegmentations.labelled(dir);
  }

  /** The series shuffled, as a runner may deliver it. */
  private static List<SegmentedImage> shuffledSeries() {
    List<SegmentedImage> series = new ArrayList<>(PhantomSegmentations.shifted(phantom));
    Collections.shuffle(series, new java.util.Random(3));
    return series;
  }

  private static Path writeSeg(Path dir, List<SegmentedImage> series, Optional<AttributeList> header) throws Exception {
    Path file = dir.resolve("seg.dcm");
    Files.write(file, DicomSegWriter.write(series, header, CREATED));
    return file;
  }

  @Test
  void segFromTheSourceHeaderHasNoDciodvfyErrors(@TempDir Path dir) throws Exception {
    List<SegmentedImage> series = shuffledSeries();
    Optional<AttributeList> header = SourceDicomHeader.read(series.get(0).image());
    assertTrue(header.isPresent(), "the phantom's own file must be readable");
    Path seg = writeSeg(dir, series, header);
    List<String> lines = Dciodvfy.run(seg);
    lines.stream().filter(l -> l.startsWith("Warning")).distinct().forEach(w -> System.out.println("dciodvfy: " + w));
    assertEquals(List.of(), Dciodvfy.errors(seg), String.join("\n", lines));
  }

  @Test
  void segWithoutSourceHeaderHasNoDciodvfyErrors(@TempDir Path dir) throws Exception {
    Path seg = writeSeg(dir, shuffledSeries(), Optional.empty());
    List<String> lines = Dciodvfy.run(seg);
    assertEquals(List.of(), Dciodvfy.errors(seg), String.join("\n", lines));
  }

  @Test
  void framesHoldTheMasksInSliceThenPhaseOrder(@TempDir Path dir) throws Exception {
    List<SegmentedImage> series = shuffledSeries();
    Path seg = writeSeg(dir, series, SourceDicomHeader.read(series.get(0).image()));
    AttributeList read = new AttributeList();
    read.read(seg.toFile());
    int frames = Attribute.getSingleIntegerValueOrDefault(read, TagFromName.NumberOfFrames, -1);
    assertEquals(series.size(), frames);
    int rows = Attribute.getSingleIntegerValueOrDefault(read, TagFromName.Rows, -1);
    int cols = Attribute.getSingleIntegerValueOrDefault(read, TagFromName.Columns, -1);
    byte[] packed = read.get(TagFromName.PixelData).getByteValues();
    assertTrue(packed.length >= (rows * cols * frames + 7) / 8);

    // Expected order computed here, independently of SegmentFrameOrder: slice position, then phase.
    List<SegmentedImage> expected = new ArrayList<>(series);
    expected.sort((a, b) -> {
      double pa = a.image().geometry().positionAlongNormalMm();
      double pb = b.image().geometry().positionAlongNormalMm();
      return pa != pb ? Double.compare(pa, pb) : Integer.compare(a.image().phaseIndex(), b.image().phaseIndex());
    });
    SequenceAttribute perFrame = (SequenceAttribute) read.get(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    for (int f = 0; f < frames; f++) {
      Mask mask = expected.get(f).predicted();
      byte[] bits = new byte[rows * cols];
      for (int p = 0; p < bits.length; p++) {
        long bit = (long) f * rows * cols + p;
        bits[p] = (byte) ((packed[(int) (bit >>> 3)] >> (bit & 7)) & 1);
      }
      assertArrayEquals(mask.values(), bits, "frame " + f);

      AttributeList groups = perFrame.getItem(f).getAttributeList();
      AttributeList derivation = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          groups, DicomTags.DERIVATION_IMAGE_SEQUENCE);
      AttributeList source = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          derivation, TagFromName.SourceImageSequence);
      CardiacImage image = expected.get(f).image();
      assertEquals(image.sopInstanceUid(),
          Attribute.getSingleStringValueOrEmptyString(source, TagFromName.ReferencedSOPInstanceUID));
      assertEquals("1.2.840.10008.5.1.4.1.1.4",
          Attribute.getSingleStringValueOrEmptyString(source, TagFromName.ReferencedSOPClassUID));
      AttributeList position = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          groups, DicomTags.PLANE_POSITION_SEQUENCE);
      assertArrayEquals(image.geometry().imagePositionPatient(),
          read.get(TagFromName.ImagePositionPatient) == null
              ? position.get(TagFromName.ImagePositionPatient).getDoubleValues() : null, 1e-4);
    }
  }

  @Test
  void copiesPatientAndStudyAndReferencesTheWholeSeries(@TempDir Path dir) throws Exception {
    List<SegmentedImage> series = shuffledSeries();
    CardiacImage any = series.get(0).image();
    AttributeList header = SourceDicomHeader.read(any).orElseThrow();
    AttributeList seg = DicomSegWriter.build(series, Optional.of(header), CREATED);
    for (var tag : List.of(TagFromName.PatientID, TagFromName.PatientName, TagFromName.StudyDate,
        TagFromName.FrameOfReferenceUID)) {
      String source = Attribute.getSingleStringValueOrEmptyString(header, tag);
      assertTrue(!source.isEmpty());
      assertEquals(source, Attribute.getSingleStringValueOrEmptyString(seg, tag));
    }
    assertEquals(any.studyInstanceUid(), Attribute.getSingleStringValueOrEmptyString(seg, TagFromName.StudyInstanceUID));
    assertEquals(DicomSegWriter.SEGMENTATION_STORAGE, Attribute.getSingleStringValueOrEmptyString(seg, TagFromName.SOPClassUID));
    AttributeList referenced = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
        seg, TagFromName.ReferencedSeriesSequence);
    assertEquals(any.seriesInstanceUid(), Attribute.getSingleStringValueOrEmptyString(referenced, TagFromName.SeriesInstanceUID));
    SequenceAttribute instances = (SequenceAttribute) referenced.get(TagFromName.ReferencedInstanceSequence);
    List<String> uids = new ArrayList<>();
    for (int i = 0; i < instances.getNumberOfItems(); i++) {
      uids.add(Attribute.getSingleStringValueOrEmptyString(instances.getItem(i).getAttributeList(),
          TagFromName.ReferencedSOPInstanceUID));
    }
    assertEquals(series.stream().map(s -> s.image().sopInstanceUid()).sorted().toList(), uids.stream().sorted().toList());
    AttributeList segment = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(seg, DicomTags.SEGMENT_SEQUENCE);
    assertEquals("AUTOMATIC", Attribute.getSingleStringValueOrEmptyString(segment, DicomTags.SEGMENT_ALGORITHM_TYPE));
    assertTrue(Attribute.getSingleStringValueOrEmptyString(segment, DicomTags.SEGMENT_ALGORITHM_NAME)
        .endsWith(PhantomSegmentations.MODEL));
    assertEquals(PhantomSegmentations.MODEL, Attribute.getSingleStringValueOrEmptyString(seg, TagFromName.SoftwareVersions));
  }

  @Test
  void uidsAreDeterministicPerSeriesAndModelVersion() throws Exception {
    List<SegmentedImage> series = shuffledSeries();
    AttributeList first = DicomSegWriter.build(series, Optional.empty(), CREATED);
    AttributeList again = DicomSegWriter.build(new ArrayList<>(series.subList(0, series.size())), Optional.empty(),
        CREATED.plusDays(1));
    List<SegmentedImage> otherModel = series.stream().map(s -> SegmentedImage.of(s.input(), s.predicted(), "lv-unet@8")).toList();
    AttributeList other = DicomSegWriter.build(otherModel, Optional.empty(), CREATED);
    for (var tag : List.of(TagFromName.SOPInstanceUID, TagFromName.SeriesInstanceUID)) {
      String uid = Attribute.getSingleStringValueOrEmptyString(first, tag);
      assertTrue(uid.matches("2\\.25\\.[0-9]+") && uid.length() <= 64, uid);
      assertEquals(uid, Attribute.getSingleStringValueOrEmptyString(again, tag));
      assertNotEquals(uid, Attribute.getSingleStringValueOrEmptyString(other, tag));
    }
  }

  @Test
  void inconsistentSeriesAreRefused() {
    List<SegmentedImage> series = new ArrayList<>(shuffledSeries());
    series.add(series.get(0));
    assertThrows(IllegalArgumentException.class, () -> DicomSegWriter.build(series, Optional.empty(), CREATED));
    List<SegmentedImage> mixed = new ArrayList<>(shuffledSeries());
    mixed.set(0, SegmentedImage.of(mixed.get(0).input(), mixed.get(0).predicted(), "other"));
    assertThrows(IllegalArgumentException.class, () -> DicomSegWriter.build(mixed, Optional.empty(), CREATED));
    assertThrows(IllegalArgumentException.class, () -> DicomSegWriter.build(List.of(), Optional.empty(), CREATED));
  }

  @Test
  void packsBitsLeastSignificantFirstAcrossFrames() {
    SegmentedImage a = PhantomSegmentations.exact(phantom).get(0);
    byte[] values = new byte[a.predicted().values().length];
    values[0] = 1;
    values[9] = 1;
    values[values.length - 1] = 1;
    SegmentedImage one = SegmentedImage.of(a.input(), new Mask(a.image().rows(), a.image().columns(), values), "m");
    byte[] packed = DicomSegWriter.packBits(List.of(one, one));
    assertEquals(0x01, packed[0] & 0xFF);
    assertEquals(0x02, packed[1] & 0xFF);
    assertEquals(0x80, packed[values.length / 8 - 1] & 0xFF);
    assertEquals(0x01, packed[values.length / 8] & 0xFF);
    assertEquals(values.length * 2 / 8, packed.length);
  }
}
