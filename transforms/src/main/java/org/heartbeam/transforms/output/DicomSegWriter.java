package org.heartbeam.transforms.output;

import static org.heartbeam.transforms.output.DicomValues.code;
import static org.heartbeam.transforms.output.DicomValues.limit;
import static org.heartbeam.transforms.output.DicomValues.put;
import static org.heartbeam.transforms.output.DicomValues.putDecimals;
import static org.heartbeam.transforms.output.DicomValues.putInts;
import static org.heartbeam.transforms.output.DicomValues.putSequence;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.SegmentedImage;

/**
 * Builds one binary DICOM Segmentation (SOP Class {@value #SEGMENTATION_STORAGE}) for one source
 * series: one segment, the LV blood pool, and one frame per source image in {@link SegmentFrameOrder},
 * each frame referencing its source image. No Beam here; {@link WriteSegmentations} drives it.
 *
 * <p>Segment coding: category SCT 91723000 "Anatomical Structure" (CID 7150) and type SCT 87878005
 * "Left ventricle" (CID 7152 Cardiac Structure Segmentation Type, which has no separate cavity code;
 * 53085002 is the right ventricle). The label and description say it is the blood pool (cavity, the
 * Sunnybrook i-contour), which is what the model segments.
 *
 * <p>Patient and study attributes are copied from the source header when it could be read
 * ({@link SourceDicomHeader}); without it they are left empty (Type 2), and the Frame of Reference and
 * plane position/orientation are left out unless the header gives the Frame of Reference UID.
 */
public final class DicomSegWriter {
  public static final String SEGMENTATION_STORAGE = "1.2.840.10008.5.1.4.1.1.66.4";
  /** Assumed when the source header cannot be read: every HeartBeam DICOM input is MR. */
  static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
  static final String SEGMENT_LABEL = "Left ventricle blood pool";
  static final String ALGORITHM_NAME = "HeartBeam LV U-Net";
  /** A series number that sorts after the acquired series in viewers; the same on every rerun. */
  static final int SERIES_NUMBER = 9001;
  private static final int LO_MAX = 64;

  static final AttributeTag SEGMENT_SEQUENCE = new AttributeTag(0x0062, 0x0002);
  static final AttributeTag SEGMENTED_PROPERTY_CATEGORY = new AttributeTag(0x0062, 0x0003);
  static final AttributeTag SEGMENT_NUMBER = new AttributeTag(0x0062, 0x0004);
  static final AttributeTag SEGMENT_LABEL_TAG = new AttributeTag(0x0062, 0x0005);
  static final AttributeTag SEGMENT_DESCRIPTION = new AttributeTag(0x0062, 0x0006);
  static final AttributeTag SEGMENT_ALGORITHM_TYPE = new AttributeTag(0x0062, 0x0008);
  static final AttributeTag SEGMENT_ALGORITHM_NAME = new AttributeTag(0x0062, 0x0009);
  static final AttributeTag SEGMENT_IDENTIFICATION = new AttributeTag(0x0062, 0x000A);
  static final AttributeTag REFERENCED_SEGMENT_NUMBER = new AttributeTag(0x0062, 0x000B);
  static final AttributeTag SEGMENTED_PROPERTY_TYPE = new AttributeTag(0x0062, 0x000F);
  static final AttributeTag SEGMENTATION_TYPE = new AttributeTag(0x0062, 0x0001);
  static final AttributeTag DERIVATION_IMAGE_SEQUENCE = new AttributeTag(0x0008, 0x9124);
  static final AttributeTag DERIVATION_CODE_SEQUENCE = new AttributeTag(0x0008, 0x9215);
  static final AttributeTag PURPOSE_OF_REFERENCE = new AttributeTag(0x0040, 0xA170);
  static final AttributeTag FRAME_CONTENT_SEQUENCE = new AttributeTag(0x0020, 0x9111);
  static final AttributeTag DIMENSION_INDEX_VALUES = new AttributeTag(0x0020, 0x9157);
  static final AttributeTag TEMPORAL_POSITION_INDEX = new AttributeTag(0x0020, 0x9128);
  static final AttributeTag PLANE_POSITION_SEQUENCE = new AttributeTag(0x0020, 0x9113);
  static final AttributeTag PLANE_ORIENTATION_SEQUENCE = new AttributeTag(0x0020, 0x9116);
  static final AttributeTag PIXEL_MEASURES_SEQUENCE = new AttributeTag(0x0028, 0x9110);
  static final AttributeTag SHARED_GROUPS = new AttributeTag(0x5200, 0x9229);
  static final AttributeTag PER_FRAME_GROUPS = new AttributeTag(0x5200, 0x9230);
  static final AttributeTag DIMENSION_ORGANIZATION_SEQUENCE = new AttributeTag(0x0020, 0x9221);
  static final AttributeTag DIMENSION_ORGANIZATION_UID = new AttributeTag(0x0020, 0x9164);
  static final AttributeTag DIMENSION_INDEX_SEQUENCE = new AttributeTag(0x0020, 0x9222);
  static final AttributeTag DIMENSION_INDEX_POINTER = new AttributeTag(0x0020, 0x9165);
  static final AttributeTag FUNCTIONAL_GROUP_POINTER = new AttributeTag(0x0020, 0x9167);
  static final AttributeTag DIMENSION_DESCRIPTION_LABEL = new AttributeTag(0x0020, 0x9421);
  static final AttributeTag CONTENT_CREATOR_NAME = new AttributeTag(0x0070, 0x0084);
  static final AttributeTag LOSSY_IMAGE_COMPRESSION = new AttributeTag(0x0028, 0x2110);
  static final AttributeTag BODY_PART_EXAMINED = new AttributeTag(0x0018, 0x0015);

  /** Copied from the source header as they are (patient, study, frame of reference). */
  private static final AttributeTag[] COPIED_FROM_SOURCE = {
    TagFromName.SpecificCharacterSet, TagFromName.PatientName, TagFromName.PatientID,
    TagFromName.IssuerOfPatientID, TagFromName.PatientBirthDate, TagFromName.PatientSex,
    TagFromName.StudyDate, TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID,
    TagFromName.AccessionNumber, TagFromName.StudyDescription, TagFromName.FrameOfReferenceUID,
    TagFromName.PositionReferenceIndicator, BODY_PART_EXAMINED,
  };
  /** Type 2 attributes that must be present, empty when the source does not give them. */
  private static final AttributeTag[] TYPE_2 = {
    TagFromName.PatientName, TagFromName.PatientID, TagFromName.PatientBirthDate, TagFromName.PatientSex,
    TagFromName.StudyDate, TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID,
    TagFromName.AccessionNumber,
  };

  private DicomSegWriter() {}

  /** The SEG as a Part 10 file, explicit VR little endian. */
  public static byte[] write(List<SegmentedImage> series, Optional<AttributeList> sourceHeader, LocalDateTime created)
      throws DicomException, IOException {
    AttributeList seg = build(series, sourceHeader, created);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    seg.write(bytes, TransferSyntax.ExplicitVRLittleEndian, true, true);
    return bytes.toByteArray();
  }

  /**
   * @param series images of one series (any order), all with study, series and SOP Instance UIDs, the
   *     same size and the same model version
   * @throws IllegalArgumentException when they are not one consistent series
   */
  public static AttributeList build(List<SegmentedImage> series, Optional<AttributeList> sourceHeader,
      LocalDateTime created) throws DicomException {
    List<SegmentedImage> frames = checkedAndOrdered(series);
    CardiacImage first = frames.get(0).image();
    String modelVersion = frames.get(0).modelVersion();
    String sourceSeriesUid = first.seriesInstanceUid();
    AttributeList header = sourceHeader.orElseGet(AttributeList::new);
    String sourceSopClass = Attribute.getSingleStringValueOrDefault(header, TagFromName.SOPClassUID, MR_IMAGE_STORAGE);
    String frameOfReference = Attribute.getSingleStringValueOrEmptyString(header, TagFromName.FrameOfReferenceUID);
    boolean planes = !frameOfReference.isEmpty() && frames.stream().allMatch(s -> s.image().geometry().hasPosition());
    boolean phases = frames.stream().allMatch(s -> s.image().phaseIndex() >= 0);

    AttributeList a = new AttributeList();
    for (AttributeTag tag : COPIED_FROM_SOURCE) {
      Attribute value = header.get(tag);
      if (value != null) {
        a.put(value);
      }
    }
    for (AttributeTag tag : TYPE_2) {
      if (a.get(tag) == null) {
        put(a, tag);
      }
    }
    if (!planes) {
      a.remove(TagFromName.FrameOfReferenceUID);
      a.remove(TagFromName.PositionReferenceIndicator);
      // General Image: Type 2C when there is no plane orientation; empty says "not known".
      put(a, TagFromName.PatientOrientation);
    } else if (a.get(TagFromName.PositionReferenceIndicator) == null) {
      // Frame of Reference module: Type 2, and not every source carries it.
      put(a, TagFromName.PositionReferenceIndicator);
    }
    String date = created.format(DateTimeFormatter.BASIC_ISO_DATE);
    String time = created.format(DateTimeFormatter.ofPattern("HHmmss"));

    // SOP common, study, series, equipment
    put(a, TagFromName.SOPClassUID, SEGMENTATION_STORAGE);
    put(a, TagFromName.SOPInstanceUID, SegmentationUids.instanceUid(sourceSeriesUid, modelVersion));
    put(a, TagFromName.StudyInstanceUID, first.studyInstanceUid());
    put(a, TagFromName.SeriesInstanceUID, SegmentationUids.seriesUid(sourceSeriesUid, modelVersion));
    put(a, TagFromName.Modality, "SEG");
    putInts(a, TagFromName.SeriesNumber, SERIES_NUMBER);
    put(a, TagFromName.SeriesDescription, limit("LV segmentation " + modelVersion, LO_MAX));
    put(a, TagFromName.Manufacturer, "HeartBeam");
    put(a, TagFromName.ManufacturerModelName, ALGORITHM_NAME);
    put(a, TagFromName.DeviceSerialNumber, limit(modelVersion, LO_MAX));
    put(a, TagFromName.SoftwareVersions, limit(modelVersion, LO_MAX));

    // Segmentation image
    put(a, TagFromName.ImageType, "DERIVED", "PRIMARY");
    putInts(a, TagFromName.InstanceNumber, 1);
    put(a, TagFromName.ContentDate, date);
    put(a, TagFromName.ContentTime, time);
    put(a, TagFromName.ContentLabel, "LV_BLOOD_POOL");
    put(a, TagFromName.ContentDescription, limit("LV blood pool by " + ALGORITHM_NAME + " " + modelVersion, LO_MAX));
    put(a, CONTENT_CREATOR_NAME);
    putInts(a, TagFromName.SamplesPerPixel, 1);
    put(a, TagFromName.PhotometricInterpretation, "MONOCHROME2");
    putInts(a, TagFromName.Rows, first.rows());
    putInts(a, TagFromName.Columns, first.columns());
    putInts(a, TagFromName.BitsAllocated, 1);
    putInts(a, TagFromName.BitsStored, 1);
    putInts(a, TagFromName.HighBit, 0);
    putInts(a, TagFromName.PixelRepresentation, 0);
    put(a, LOSSY_IMAGE_COMPRESSION, "00");
    put(a, SEGMENTATION_TYPE, "BINARY");
    putSequence(a, SEGMENT_SEQUENCE, segment(modelVersion));
    putInts(a, TagFromName.NumberOfFrames, frames.size());

    dimensions(a, SegmentationUids.dimensionOrganizationUid(sourceSeriesUid, modelVersion), planes, phases);
    putSequence(a, SHARED_GROUPS, sharedGroups(frames, planes));
    List<AttributeList> perFrame = new ArrayList<>();
    for (SegmentedImage frame : frames) {
      perFrame.add(perFrameGroups(frame.image(), frames, sourceSopClass, planes, phases));
    }
    putSequence(a, PER_FRAME_GROUPS, perFrame.toArray(new AttributeList[0]));
    referencedSeries(a, frames, sourceSopClass);

    OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
    pixels.setValues(packBits(frames));
    a.put(pixels);
    FileMetaInformation.addFileMetaInformation(a, TransferSyntax.ExplicitVRLittleEndian, "HEARTBEAM");
    return a;
  }

  /** Frames packed contiguously, one bit per pixel, least significant bit first (PS3.5 8.1.1). */
  static byte[] packBits(List<SegmentedImage> frames) {
    int pixelsPerFrame = frames.get(0).predicted().values().length;
    long bits = (long) pixelsPerFrame * frames.size();
    byte[] packed = new byte[(int) ((bits + 7) / 8)];
    long bit = 0;
    for (SegmentedImage frame : frames) {
      for (byte v : frame.predicted().values()) {
        if (v != 0) {
          packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
        }
        bit++;
      }
    }
    return packed;
  }

  static List<SegmentedImage> checkedAndOrdered(List<SegmentedImage> series) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("a SEG needs at least one image");
    }
    SegmentedImage first = series.get(0);
    Set<String> seen = new HashSet<>();
    for (SegmentedImage s : series) {
      CardiacImage image = s.image();
      if (image.studyInstanceUid().isEmpty() || image.seriesInstanceUid().isEmpty() || image.sopInstanceUid().isEmpty()) {
        throw new IllegalArgumentException("image " + s.imageKey() + " lacks a study, series or SOP Instance UID");
      }
      // A SEG must reference its sources by their real UIDs; a header that claims "../x" as one is refused.
      if (!SafeFileNames.isValidUid(image.studyInstanceUid()) || !SafeFileNames.isValidUid(image.seriesInstanceUid())
          || !SafeFileNames.isValidUid(image.sopInstanceUid())) {
        throw new IllegalArgumentException("image " + s.imageKey() + " has a study, series or SOP Instance UID"
            + " that is not a valid DICOM UID");
      }
      if (!image.seriesInstanceUid().equals(first.image().seriesInstanceUid())
          || !image.studyInstanceUid().equals(first.image().studyInstanceUid())) {
        throw new IllegalArgumentException("images of more than one series or study in one SEG");
      }
      if (!s.modelVersion().equals(first.modelVersion())) {
        throw new IllegalArgumentException("images segmented by different model versions in one series");
      }
      if (image.rows() != first.image().rows() || image.columns() != first.image().columns()) {
        throw new IllegalArgumentException("images of different sizes in one series (" + image.rows() + "x"
            + image.columns() + " and " + first.image().rows() + "x" + first.image().columns() + ")");
      }
      if (!seen.add(image.sopInstanceUid() + "#" + image.frameIndex())) {
        throw new IllegalArgumentException("image " + s.imageKey() + " appears twice in the series");
      }
    }
    List<SegmentedImage> ordered = new ArrayList<>(series);
    ordered.sort(SegmentFrameOrder.ORDER);
    return ordered;
  }

  private static AttributeList segment(String modelVersion) throws DicomException {
    AttributeList s = new AttributeList();
    putInts(s, SEGMENT_NUMBER, 1);
    put(s, SEGMENT_LABEL_TAG, SEGMENT_LABEL);
    put(s, SEGMENT_DESCRIPTION, "Left ventricular cavity (blood pool), papillary muscles excluded as in the training contours");
    put(s, SEGMENT_ALGORITHM_TYPE, "AUTOMATIC");
    put(s, SEGMENT_ALGORITHM_NAME, limit(ALGORITHM_NAME + " " + modelVersion, LO_MAX));
    putSequence(s, SEGMENTED_PROPERTY_CATEGORY, code("91723000", "SCT", "Anatomical Structure"));
    putSequence(s, SEGMENTED_PROPERTY_TYPE, code("87878005", "SCT", "Left ventricle"));
    return s;
  }

  private static void dimensions(AttributeList a, String organizationUid, boolean planes, boolean phases)
      throws DicomException {
    AttributeList organization = new AttributeList();
    put(organization, DIMENSION_ORGANIZATION_UID, organizationUid);
    putSequence(a, DIMENSION_ORGANIZATION_SEQUENCE, organization);
    List<AttributeList> indices = new ArrayList<>();
    indices.add(dimension(organizationUid, REFERENCED_SEGMENT_NUMBER, SEGMENT_IDENTIFICATION, "Segment"));
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
  private static AttributeList sharedGroups(List<SegmentedImage> frames, boolean planes) throws DicomException {
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

  private static AttributeList perFrameGroups(CardiacImage image, List<SegmentedImage> frames, String sourceSopClass,
      boolean planes, boolean phases) throws DicomException {
    AttributeList f = new AttributeList();
    ImageGeometry g = image.geometry();
    AttributeList source = new AttributeList();
    put(source, TagFromName.ReferencedSOPClassUID, sourceSopClass);
    put(source, TagFromName.ReferencedSOPInstanceUID, image.sopInstanceUid());
    if (isFrameOfMultiFrame(image)) {
      putInts(source, TagFromName.ReferencedFrameNumber, image.frameIndex() + 1);
    }
    putSequence(source, PURPOSE_OF_REFERENCE,
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
    putSequence(f, SEGMENT_IDENTIFICATION, segment);
    return f;
  }

  /** 1-based rank of the image's position among the distinct positions of the series. */
  private static int positionIndex(CardiacImage image, List<SegmentedImage> frames) {
    double[] distinct = frames.stream().mapToDouble(s -> SegmentFrameOrder.slicePosition(s.image()))
        .distinct().sorted().toArray();
    return Arrays.binarySearch(distinct, SegmentFrameOrder.slicePosition(image)) + 1;
  }

  private static void referencedSeries(AttributeList a, List<SegmentedImage> frames, String sourceSopClass)
      throws DicomException {
    Set<String> instances = new LinkedHashSet<>();
    frames.forEach(s -> instances.add(s.image().sopInstanceUid()));
    List<AttributeList> items = new ArrayList<>();
    for (String sop : instances) {
      AttributeList item = new AttributeList();
      put(item, TagFromName.ReferencedSOPClassUID, sourceSopClass);
      put(item, TagFromName.ReferencedSOPInstanceUID, sop);
      items.add(item);
    }
    AttributeList series = new AttributeList();
    put(series, TagFromName.SeriesInstanceUID, frames.get(0).image().seriesInstanceUid());
    putSequence(series, TagFromName.ReferencedInstanceSequence, items.toArray(new AttributeList[0]));
    putSequence(a, TagFromName.ReferencedSeriesSequence, series);
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
