package org.heartbeam.dicom.seg;

import static org.heartbeam.dicom.seg.DicomValues.code;
import static org.heartbeam.dicom.seg.DicomValues.limit;
import static org.heartbeam.dicom.seg.DicomValues.put;
import static org.heartbeam.dicom.seg.DicomValues.putInts;
import static org.heartbeam.dicom.seg.DicomValues.putSequence;
import static org.heartbeam.dicom.DicomTags.BODY_PART_EXAMINED;
import static org.heartbeam.dicom.DicomTags.CONTENT_CREATOR_NAME;
import static org.heartbeam.dicom.DicomTags.LOSSY_IMAGE_COMPRESSION;
import static org.heartbeam.dicom.DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.SEGMENTATION_TYPE;
import static org.heartbeam.dicom.DicomTags.SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.SEGMENT_ALGORITHM_NAME;
import static org.heartbeam.dicom.DicomTags.SEGMENT_ALGORITHM_TYPE;
import static org.heartbeam.dicom.DicomTags.SEGMENT_DESCRIPTION;
import static org.heartbeam.dicom.DicomTags.SEGMENT_NUMBER;
import static org.heartbeam.dicom.DicomTags.SEGMENT_SEQUENCE;
import static org.heartbeam.dicom.DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE;
import static org.heartbeam.dicom.seg.DicomValues.code;
import static org.heartbeam.dicom.seg.DicomValues.limit;
import static org.heartbeam.dicom.seg.DicomValues.put;
import static org.heartbeam.dicom.seg.DicomValues.putInts;
import static org.heartbeam.dicom.seg.DicomValues.putSequence;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.dicom.DicomTags;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.output.SafeFileNames;

/**
 * Builds one binary DICOM Segmentation (SOP Class {@value #SEGMENTATION_STORAGE}) for one source
 * series: one segment, the LV blood pool, and one frame per source image in {@link SegmentFrameOrder},
 * each frame referencing its source image. No Beam here; {@link
 * org.heartbeam.transforms.output.WriteSegmentations} drives it.
 *
 * <p>Segment coding: category SCT 91723000 "Anatomical Structure" (CID 7150) and type SCT 87878005
 * "Left ventricle" (CID 7152 Cardiac Structure Segmentation Type, which has no separate cavity code;
 * 53085002 is the right ventricle). The label and description say it is the blood pool (cavity, the
 * Sunnybrook i-contour), which is what the model segments.
 *
 * <p>Patient and study attributes are copied from the source header when it could be read
 * ({@link org.heartbeam.transforms.output.SourceDicomHeader}); without it they are left empty (Type 2), and
 * the Frame of Reference and
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

    SegmentFunctionalGroups.dimensions(a, SegmentationUids.dimensionOrganizationUid(sourceSeriesUid, modelVersion), planes, phases);
    putSequence(a, SHARED_FUNCTIONAL_GROUPS_SEQUENCE, SegmentFunctionalGroups.shared(frames, planes));
    List<AttributeList> perFrame = new ArrayList<>();
    for (SegmentedImage frame : frames) {
      perFrame.add(SegmentFunctionalGroups.perFrame(frame.image(), frames, sourceSopClass, planes, phases));
    }
    putSequence(a, PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrame.toArray(new AttributeList[0]));
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

  public static List<SegmentedImage> checkedAndOrdered(List<SegmentedImage> series) {
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
    put(s, DicomTags.SEGMENT_LABEL, SEGMENT_LABEL);
    put(s, SEGMENT_DESCRIPTION, "Left ventricular cavity (blood pool), papillary muscles excluded as in the training contours");
    put(s, SEGMENT_ALGORITHM_TYPE, "AUTOMATIC");
    put(s, SEGMENT_ALGORITHM_NAME, limit(ALGORITHM_NAME + " " + modelVersion, LO_MAX));
    putSequence(s, SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE, code("91723000", "SCT", "Anatomical Structure"));
    putSequence(s, SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE, code("87878005", "SCT", "Left ventricle"));
    return s;
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
}
