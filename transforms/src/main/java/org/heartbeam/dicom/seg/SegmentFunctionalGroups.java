package org.heartbeam.dicom.seg;

import static org.heartbeam.dicom.seg.DicomValues.code;
import static org.heartbeam.dicom.seg.DicomValues.put;
import static org.heartbeam.dicom.seg.DicomValues.putDecimals;
import static org.heartbeam.dicom.seg.DicomValues.putInts;
import static org.heartbeam.dicom.seg.DicomValues.putSequence;
import static org.heartbeam.dicom.DicomTags.DERIVATION_CODE_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.DERIVATION_IMAGE_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.DIMENSION_DESCRIPTION_LABEL;
import static org.heartbeam.dicom.DicomTags.DIMENSION_INDEX_POINTER;
import static org.heartbeam.dicom.DicomTags.DIMENSION_INDEX_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.DIMENSION_INDEX_VALUES;
import static org.heartbeam.dicom.DicomTags.DIMENSION_ORGANIZATION_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.DIMENSION_ORGANIZATION_UID;
import static org.heartbeam.dicom.DicomTags.FRAME_CONTENT_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.FUNCTIONAL_GROUP_POINTER;
import static org.heartbeam.dicom.DicomTags.PIXEL_MEASURES_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.PLANE_ORIENTATION_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.PLANE_POSITION_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.PURPOSE_OF_REFERENCE_CODE_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.REFERENCED_SEGMENT_NUMBER;
import static org.heartbeam.dicom.DicomTags.SEGMENT_IDENTIFICATION_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.TEMPORAL_POSITION_INDEX;
import static org.heartbeam.dicom.seg.DicomValues.code;
import static org.heartbeam.dicom.seg.DicomValues.put;
import static org.heartbeam.dicom.seg.DicomValues.putDecimals;
import static org.heartbeam.dicom.seg.DicomValues.putInts;
import static org.heartbeam.dicom.seg.DicomValues.putSequence;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.SegmentedImage;

/**
 * The multi-frame parts of a SEG: the dimension organization (segment, then slice position, then
 * cardiac phase when known), the shared functional groups (what every frame has in common) and each
 * frame's own groups (its source image, position, dimension index values and segment).
 */
final class SegmentFunctionalGroups {
  private SegmentFunctionalGroups() {}

  static void dimensions(AttributeList a, String organizationUid, boolean planes, boolean phases)
      throws DicomException {
    AttributeList organization = new AttributeList();
    put(organization, DIMENSION_ORGANIZATION_UID, organizationUid);
    putSequence(a, DIMENSION_ORGANIZATION_SEQUENCE, organization);
    List<AttributeList> indices = new ArrayList<>();
    indices.add(dimension(organizationUid, REFERENCED_SEGMENT_NUMBER, SEGMENT_IDENTIFICATION_SEQUENCE, "Segment"));
    if (planes) {
      indices.add(dimension(organizationUid, TagFromName.ImagePositionPatient, PLANE_POSITION_SEQUENCE, "Position"));
    }
    if (phases) {
      indices.add(dimension(organizationUid, TEMPORAL_POSITION_INDEX, FRAME_CONTENT_SEQUENCE, "Cardiac phase"));
    }
    putSequence(a, DIMENSION_INDEX_SEQUENCE, indices.toArray(new AttributeList[0]));
  }

  private static AttributeList dimension(String organizationUid, AttributeTag pointer, AttributeTag group,
      String label) throws DicomException {
    AttributeList d = new AttributeList();
    put(d, DIMENSION_ORGANIZATION_UID, organizationUid);
    AttributeTagAttribute p = new AttributeTagAttribute(DIMENSION_INDEX_POINTER);
    p.addValue(pointer);
    d.put(p);
    AttributeTagAttribute g = new AttributeTagAttribute(FUNCTIONAL_GROUP_POINTER);
    g.addValue(group);
    d.put(g);
    put(d, DIMENSION_DESCRIPTION_LABEL, label);
    return d;
  }

  /** Pixel measures and plane orientation, shared when every frame has the same (else per frame). */
  static AttributeList shared(List<SegmentedImage> frames, boolean planes) throws DicomException {
    AttributeList shared = new AttributeList();
    ImageGeometry g = frames.get(0).image().geometry();
    if (sameMeasures(frames)) {
      putSequence(shared, PIXEL_MEASURES_SEQUENCE, pixelMeasures(g));
    }
    if (planes && sameOrientation(frames)) {
      putSequence(shared, PLANE_ORIENTATION_SEQUENCE, orientation(g));
    }
    return shared;
  }

  static AttributeList perFrame(CardiacImage image, List<SegmentedImage> frames, String sourceSopClass,
      boolean planes, boolean phases) throws DicomException {
    AttributeList f = new AttributeList();
    ImageGeometry g = image.geometry();
    AttributeList source = new AttributeList();
    put(source, TagFromName.ReferencedSOPClassUID, sourceSopClass);
    put(source, TagFromName.ReferencedSOPInstanceUID, image.sopInstanceUid());
    if (isFrameOfMultiFrame(image)) {
      putInts(source, TagFromName.ReferencedFrameNumber, image.frameIndex() + 1);
    }
    putSequence(source, PURPOSE_OF_REFERENCE_CODE_SEQUENCE,
        code("121322", "DCM", "Source image for image processing operation"));
    AttributeList derivation = new AttributeList();
    putSequence(derivation, DERIVATION_CODE_SEQUENCE, code("113076", "DCM", "Segmentation"));
    putSequence(derivation, TagFromName.SourceImageSequence, source);
    putSequence(f, DERIVATION_IMAGE_SEQUENCE, derivation);

    AttributeList content = new AttributeList();
    List<Long> index = new ArrayList<>();
    index.add(1L);
    if (planes) {
      index.add((long) positionIndex(image, frames));
    }
    if (phases) {
      index.add((long) image.phaseIndex() + 1);
      putInts(content, TEMPORAL_POSITION_INDEX, image.phaseIndex() + 1);
    }
    putInts(content, DIMENSION_INDEX_VALUES, index.stream().mapToLong(Long::longValue).toArray());
    putSequence(f, FRAME_CONTENT_SEQUENCE, content);

    if (planes) {
      AttributeList position = new AttributeList();
      putDecimals(position, TagFromName.ImagePositionPatient, g.imagePositionPatient());
      putSequence(f, PLANE_POSITION_SEQUENCE, position);
      if (!sameOrientation(frames)) {
        putSequence(f, PLANE_ORIENTATION_SEQUENCE, orientation(g));
      }
    }
    if (!sameMeasures(frames)) {
      putSequence(f, PIXEL_MEASURES_SEQUENCE, pixelMeasures(g));
    }
    AttributeList segment = new AttributeList();
    putInts(segment, REFERENCED_SEGMENT_NUMBER, 1);
    putSequence(f, SEGMENT_IDENTIFICATION_SEQUENCE, segment);
    return f;
  }

  /** 1-based rank of the image's position among the distinct positions of the series. */
  private static int positionIndex(CardiacImage image, List<SegmentedImage> frames) {
    double[] distinct = frames.stream().mapToDouble(s -> SegmentFrameOrder.slicePosition(s.image()))
        .distinct().sorted().toArray();
    return Arrays.binarySearch(distinct, SegmentFrameOrder.slicePosition(image)) + 1;
  }

  private static AttributeList pixelMeasures(ImageGeometry g) throws DicomException {
    AttributeList m = new AttributeList();
    putDecimals(m, TagFromName.PixelSpacing, g.rowSpacingMm(), g.columnSpacingMm());
    if (!Double.isNaN(g.sliceThicknessMm())) {
      putDecimals(m, TagFromName.SliceThickness, g.sliceThicknessMm());
    }
    return m;
  }

  private static AttributeList orientation(ImageGeometry g) throws DicomException {
    AttributeList o = new AttributeList();
    putDecimals(o, TagFromName.ImageOrientationPatient, g.imageOrientationPatient());
    return o;
  }

  private static boolean sameMeasures(List<SegmentedImage> frames) {
    ImageGeometry g = frames.get(0).image().geometry();
    return frames.stream().map(s -> s.image().geometry()).allMatch(x -> x.rowSpacingMm() == g.rowSpacingMm()
        && x.columnSpacingMm() == g.columnSpacingMm()
        && Double.compare(x.sliceThicknessMm(), g.sliceThicknessMm()) == 0);
  }

  private static boolean sameOrientation(List<SegmentedImage> frames) {
    double[] o = frames.get(0).image().geometry().imageOrientationPatient();
    return frames.stream().allMatch(s -> Arrays.equals(s.image().geometry().imageOrientationPatient(), o));
  }

  private static boolean isFrameOfMultiFrame(CardiacImage image) {
    return image.sourceUri().contains("#frame=");
  }
}
