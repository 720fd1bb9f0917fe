package org.heartbeam.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import org.heartbeam.testing.TestDicomFile;

/**
 * A two-frame Enhanced MR Image (2x2, 16-bit unsigned) with shared and per-frame functional groups,
 * as a scanner writes a cine: what is common (orientation, rescale, pixel measures) is shared, and
 * each frame has its own position, trigger delay and temporal index; frame 1 also overrides spacing
 * and rescale.
 */
final class EnhancedMr {
  private EnhancedMr() {}

  static TestDicomFile twoFrames() {
    TestDicomFile file = TestDicomFile.mr(2, 2)
        .pixels16(false, (short) 0, (short) 1, (short) 2, (short) 3, (short) 100, (short) 50, (short) 0,
            (short) 40000)
        .put(TagFromName.SOPClassUID, SOPClass.EnhancedMRImageStorage)
        .put(TagFromName.NumberOfFrames, "2")
        .remove(TagFromName.PixelSpacing).remove(TagFromName.SliceThickness)
        .remove(TagFromName.ImagePositionPatient).remove(TagFromName.ImageOrientationPatient)
        .remove(TagFromName.SliceLocation);
    AttributeList shared = TestDicomFile.item(
        TestDicomFile.macro(DicomTags.PIXEL_MEASURES_SEQUENCE,
            TestDicomFile.attribute(TagFromName.PixelSpacing, "0.7", "0.8"),
            TestDicomFile.attribute(TagFromName.SliceThickness, "6")),
        TestDicomFile.macro(DicomTags.PLANE_ORIENTATION_SEQUENCE,
            TestDicomFile.attribute(TagFromName.ImageOrientationPatient, "0", "1", "0", "0", "0", "-1")),
        TestDicomFile.macro(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE,
            TestDicomFile.attribute(TagFromName.RescaleSlope, "2"),
            TestDicomFile.attribute(TagFromName.RescaleIntercept, "-10"),
            TestDicomFile.attribute(TagFromName.RescaleType, "US")));
    AttributeList frame0 = frame("1", "2", "3", "0", "1");
    AttributeList frame1 = frame("1", "2", "13", "45.5", "2");
    frame1.put(TestDicomFile.macro(DicomTags.PIXEL_MEASURES_SEQUENCE,
        TestDicomFile.attribute(TagFromName.PixelSpacing, "0.9", "0.9")));
    frame1.put(TestDicomFile.macro(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE,
        TestDicomFile.attribute(TagFromName.RescaleSlope, "3"),
        TestDicomFile.attribute(TagFromName.RescaleIntercept, "-500"),
        TestDicomFile.attribute(TagFromName.RescaleType, "US")));
    return file.putSequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, shared)
        .putSequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, frame0, frame1);
  }

  private static AttributeList frame(String x, String y, String z, String triggerMs, String temporalIndex) {
    return TestDicomFile.item(
        TestDicomFile.macro(DicomTags.PLANE_POSITION_SEQUENCE,
            TestDicomFile.attribute(TagFromName.ImagePositionPatient, x, y, z)),
        TestDicomFile.macro(DicomTags.CARDIAC_SYNCHRONIZATION_SEQUENCE,
            TestDicomFile.attribute(DicomTags.NOMINAL_CARDIAC_TRIGGER_DELAY_TIME, triggerMs)),
        TestDicomFile.macro(DicomTags.FRAME_CONTENT_SEQUENCE,
            TestDicomFile.attribute(DicomTags.TEMPORAL_POSITION_INDEX, temporalIndex)));
  }
}
