package org.heartbeam.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.heartbeam.dicom.DicomTags;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.testing.TestDicomFile;
import org.heartbeam.dicom.DicomFrameDecoder;
import org.heartbeam.transforms.output.Dciodvfy;
import org.heartbeam.transforms.output.SourceDicomHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SEG over an Enhanced MR cine (one multi-frame source object): each SEG frame references the
 * source instance and its frame number, with the source's SOP class, and frames whose pixel spacing
 * differs get their own Pixel Measures.
 */
class MultiFrameSourceSegTest {

  @Test
  void framesReferenceTheSourceFrames(@TempDir Path dir) throws Exception {
    Path source = enhancedMrTwoFrames().write(dir.resolve("enhanced.dcm"));
    List<CardiacImage> frames = DicomFrameDecoder.decode(Files.readAllBytes(source), source.toString());
    assertEquals(2, frames.size());
    List<SegmentedImage> series = new ArrayList<>();
    for (CardiacImage frame : frames) {
      byte[] values = new byte[frame.rows() * frame.columns()];
      values[frame.frameIndex()] = 1;
      series.add(SegmentedImage.of(LabeledImage.unlabeled(frame), new Mask(frame.rows(), frame.columns(), values), "m@1"));
    }
    Path seg = dir.resolve("seg.dcm");
    Files.write(seg, DicomSegWriter.write(series, SourceDicomHeader.read(frames.get(0)), LocalDateTime.now()));
    assertEquals(List.of(), Dciodvfy.errors(seg), String.join("\n", Dciodvfy.run(seg)));

    AttributeList read = new AttributeList();
    read.read(seg.toFile());
    SequenceAttribute perFrame = (SequenceAttribute) read.get(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    for (int f = 0; f < 2; f++) {
      AttributeList groups = perFrame.getItem(f).getAttributeList();
      AttributeList derivation = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          groups, DicomTags.DERIVATION_IMAGE_SEQUENCE);
      AttributeList ref = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          derivation, TagFromName.SourceImageSequence);
      assertEquals(SOPClass.EnhancedMRImageStorage, Attribute.getSingleStringValueOrEmptyString(ref, TagFromName.ReferencedSOPClassUID));
      assertEquals(frames.get(0).sopInstanceUid(), Attribute.getSingleStringValueOrEmptyString(ref, TagFromName.ReferencedSOPInstanceUID));
      // Frame 0 is at z=3, frame 1 at z=13: slice order keeps the source order.
      assertEquals(f + 1, Attribute.getSingleIntegerValueOrDefault(ref, TagFromName.ReferencedFrameNumber, -1));
      assertEquals(f == 0 ? "0.7" : "0.9", Attribute.getSingleStringValueOrEmptyString(
          SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(groups, DicomTags.PIXEL_MEASURES_SEQUENCE), TagFromName.PixelSpacing));
      assertEquals(f + 1, Attribute.getSingleIntegerValueOrDefault(
          SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(groups, DicomTags.FRAME_CONTENT_SEQUENCE), DicomTags.TEMPORAL_POSITION_INDEX, -1));
    }
    AttributeList shared = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(read, DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
    assertEquals(null, shared.get(DicomTags.PIXEL_MEASURES_SEQUENCE), "spacing differs per frame: not shared");
    assertEquals(6, SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(shared, DicomTags.PLANE_ORIENTATION_SEQUENCE)
        .get(TagFromName.ImageOrientationPatient).getVM());
  }

  /** Two 2x2 frames at z=3 and z=13, phases 1 and 2, frame 1 with its own pixel spacing. */
  private static TestDicomFile enhancedMrTwoFrames() {
    TestDicomFile file = TestDicomFile.mr(2, 2)
        .pixels16(false, (short) 0, (short) 1, (short) 2, (short) 3, (short) 100, (short) 50, (short) 0, (short) 400)
        .put(TagFromName.SOPClassUID, SOPClass.EnhancedMRImageStorage)
        .put(TagFromName.NumberOfFrames, "2")
        .put(TagFromName.FrameOfReferenceUID, "1.2.826.0.1.3680043.10.543.4")
        .remove(TagFromName.PixelSpacing).remove(TagFromName.SliceThickness)
        .remove(TagFromName.ImagePositionPatient).remove(TagFromName.ImageOrientationPatient)
        .remove(TagFromName.SliceLocation);
    AttributeList shared = TestDicomFile.item(
        TestDicomFile.macro(DicomTags.PIXEL_MEASURES_SEQUENCE, TestDicomFile.attribute(TagFromName.PixelSpacing, "0.7", "0.7"),
            TestDicomFile.attribute(TagFromName.SliceThickness, "6")),
        TestDicomFile.macro(DicomTags.PLANE_ORIENTATION_SEQUENCE,
            TestDicomFile.attribute(TagFromName.ImageOrientationPatient, "0", "1", "0", "0", "0", "-1")));
    AttributeList frame0 = frame("3", "1");
    AttributeList frame1 = frame("13", "2");
    frame1.put(TestDicomFile.macro(DicomTags.PIXEL_MEASURES_SEQUENCE, TestDicomFile.attribute(TagFromName.PixelSpacing, "0.9", "0.9")));
    return file.putSequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, shared).putSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, frame0, frame1);
  }

  private static AttributeList frame(String z, String temporalIndex) {
    return TestDicomFile.item(
        TestDicomFile.macro(DicomTags.PLANE_POSITION_SEQUENCE, TestDicomFile.attribute(TagFromName.ImagePositionPatient, "1", "2", z)),
        TestDicomFile.macro(DicomTags.FRAME_CONTENT_SEQUENCE, TestDicomFile.attribute(DicomTags.TEMPORAL_POSITION_INDEX, temporalIndex)));
  }
}
