package org.heartbeam.dicom.seg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
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
  private static final AttributeTag SHARED = new AttributeTag(0x5200, 0x9229);
  private static final AttributeTag PER_FRAME = new AttributeTag(0x5200, 0x9230);
  private static final AttributeTag PIXEL_MEASURES = new AttributeTag(0x0028, 0x9110);
  private static final AttributeTag PLANE_POSITION = new AttributeTag(0x0020, 0x9113);
  private static final AttributeTag PLANE_ORIENTATION = new AttributeTag(0x0020, 0x9116);
  private static final AttributeTag FRAME_CONTENT = new AttributeTag(0x0020, 0x9111);
  private static final AttributeTag TEMPORAL_POSITION_INDEX = new AttributeTag(0x0020, 0x9128);

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
    SequenceAttribute perFrame = (SequenceAttribute) read.get(PER_FRAME);
    for (int f = 0; f < 2; f++) {
      AttributeList groups = perFrame.getItem(f).getAttributeList();
      AttributeList derivation = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          groups, SegTags.DERIVATION_IMAGE_SEQUENCE);
      AttributeList ref = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(
          derivation, TagFromName.SourceImageSequence);
      assertEquals(SOPClass.EnhancedMRImageStorage, Attribute.getSingleStringValueOrEmptyString(ref, TagFromName.ReferencedSOPClassUID));
      assertEquals(frames.get(0).sopInstanceUid(), Attribute.getSingleStringValueOrEmptyString(ref, TagFromName.ReferencedSOPInstanceUID));
      // Frame 0 is at z=3, frame 1 at z=13: slice order keeps the source order.
      assertEquals(f + 1, Attribute.getSingleIntegerValueOrDefault(ref, TagFromName.ReferencedFrameNumber, -1));
      assertEquals(f == 0 ? "0.7" : "0.9", Attribute.getSingleStringValueOrEmptyString(
          SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(groups, PIXEL_MEASURES), TagFromName.PixelSpacing));
      assertEquals(f + 1, Attribute.getSingleIntegerValueOrDefault(
          SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(groups, FRAME_CONTENT), TEMPORAL_POSITION_INDEX, -1));
    }
    AttributeList shared = SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(read, SHARED);
    assertEquals(null, shared.get(PIXEL_MEASURES), "spacing differs per frame: not shared");
    assertEquals(6, SequenceAttribute.getAttributeListFromWithinSequenceWithSingleItem(shared, PLANE_ORIENTATION)
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
        TestDicomFile.macro(PIXEL_MEASURES, TestDicomFile.attribute(TagFromName.PixelSpacing, "0.7", "0.7"),
            TestDicomFile.attribute(TagFromName.SliceThickness, "6")),
        TestDicomFile.macro(PLANE_ORIENTATION,
            TestDicomFile.attribute(TagFromName.ImageOrientationPatient, "0", "1", "0", "0", "0", "-1")));
    AttributeList frame0 = frame("3", "1");
    AttributeList frame1 = frame("13", "2");
    frame1.put(TestDicomFile.macro(PIXEL_MEASURES, TestDicomFile.attribute(TagFromName.PixelSpacing, "0.9", "0.9")));
    return file.putSequence(SHARED, shared).putSequence(PER_FRAME, frame0, frame1);
  }

  private static AttributeList frame(String z, String temporalIndex) {
    return TestDicomFile.item(
        TestDicomFile.macro(PLANE_POSITION, TestDicomFile.attribute(TagFromName.ImagePositionPatient, "1", "2", z)),
        TestDicomFile.macro(FRAME_CONTENT, TestDicomFile.attribute(TEMPORAL_POSITION_INDEX, temporalIndex)));
  }
}
