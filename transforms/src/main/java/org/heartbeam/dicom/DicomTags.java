package org.heartbeam.dicom;

import com.pixelmed.dicom.AttributeTag;

/**
 * The project's one table of DICOM tags that PixelMed's {@code TagFromName} does not name (Debian's
 * 20220618 misses several Enhanced MR, cardiac and Segmentation ones): every such tag the reader, the
 * SEG writer and the phantom writer use is spelled here once, by number, named by its DICOM keyword.
 */
public final class DicomTags {
  private DicomTags() {}

  // General series and MR acquisition (the phantom writes them; Sunnybrook files carry them).
  public static final AttributeTag BODY_PART_EXAMINED = new AttributeTag(0x0018, 0x0015);
  public static final AttributeTag SCANNING_SEQUENCE = new AttributeTag(0x0018, 0x0020);
  public static final AttributeTag SEQUENCE_VARIANT = new AttributeTag(0x0018, 0x0021);
  public static final AttributeTag SCAN_OPTIONS = new AttributeTag(0x0018, 0x0022);
  public static final AttributeTag MAGNETIC_FIELD_STRENGTH = new AttributeTag(0x0018, 0x0087);
  public static final AttributeTag NOMINAL_INTERVAL = new AttributeTag(0x0018, 0x1062);
  public static final AttributeTag CARDIAC_NUMBER_OF_IMAGES = new AttributeTag(0x0018, 0x1090);
  public static final AttributeTag FLIP_ANGLE = new AttributeTag(0x0018, 0x1314);
  public static final AttributeTag TEMPORAL_POSITION_IDENTIFIER = new AttributeTag(0x0020, 0x0100);
  public static final AttributeTag NUMBER_OF_TEMPORAL_POSITIONS = new AttributeTag(0x0020, 0x0105);
  public static final AttributeTag LOSSY_IMAGE_COMPRESSION = new AttributeTag(0x0028, 0x2110);

  // Multi-frame functional groups (Enhanced MR read, SEG written).
  public static final AttributeTag SHARED_FUNCTIONAL_GROUPS_SEQUENCE = new AttributeTag(0x5200, 0x9229);
  public static final AttributeTag PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = new AttributeTag(0x5200, 0x9230);
  public static final AttributeTag CARDIAC_SYNCHRONIZATION_SEQUENCE = new AttributeTag(0x0018, 0x9118);
  public static final AttributeTag FRAME_CONTENT_SEQUENCE = new AttributeTag(0x0020, 0x9111);
  public static final AttributeTag NOMINAL_CARDIAC_TRIGGER_DELAY_TIME = new AttributeTag(0x0020, 0x9153);
  public static final AttributeTag TEMPORAL_POSITION_INDEX = new AttributeTag(0x0020, 0x9128);
  public static final AttributeTag PIXEL_MEASURES_SEQUENCE = new AttributeTag(0x0028, 0x9110);
  public static final AttributeTag PLANE_POSITION_SEQUENCE = new AttributeTag(0x0020, 0x9113);
  public static final AttributeTag PLANE_ORIENTATION_SEQUENCE = new AttributeTag(0x0020, 0x9116);
  public static final AttributeTag PIXEL_VALUE_TRANSFORMATION_SEQUENCE = new AttributeTag(0x0028, 0x9145);
  public static final AttributeTag DERIVATION_IMAGE_SEQUENCE = new AttributeTag(0x0008, 0x9124);
  public static final AttributeTag DERIVATION_CODE_SEQUENCE = new AttributeTag(0x0008, 0x9215);
  public static final AttributeTag PURPOSE_OF_REFERENCE_CODE_SEQUENCE = new AttributeTag(0x0040, 0xA170);

  // Multi-frame dimensions.
  public static final AttributeTag DIMENSION_ORGANIZATION_SEQUENCE = new AttributeTag(0x0020, 0x9221);
  public static final AttributeTag DIMENSION_ORGANIZATION_UID = new AttributeTag(0x0020, 0x9164);
  public static final AttributeTag DIMENSION_INDEX_SEQUENCE = new AttributeTag(0x0020, 0x9222);
  public static final AttributeTag DIMENSION_INDEX_POINTER = new AttributeTag(0x0020, 0x9165);
  public static final AttributeTag DIMENSION_INDEX_VALUES = new AttributeTag(0x0020, 0x9157);
  public static final AttributeTag FUNCTIONAL_GROUP_POINTER = new AttributeTag(0x0020, 0x9167);
  public static final AttributeTag DIMENSION_DESCRIPTION_LABEL = new AttributeTag(0x0020, 0x9421);

  // Segmentation.
  public static final AttributeTag SEGMENTATION_TYPE = new AttributeTag(0x0062, 0x0001);
  public static final AttributeTag SEGMENT_SEQUENCE = new AttributeTag(0x0062, 0x0002);
  public static final AttributeTag SEGMENTED_PROPERTY_CATEGORY_CODE_SEQUENCE = new AttributeTag(0x0062, 0x0003);
  public static final AttributeTag SEGMENT_NUMBER = new AttributeTag(0x0062, 0x0004);
  public static final AttributeTag SEGMENT_LABEL = new AttributeTag(0x0062, 0x0005);
  public static final AttributeTag SEGMENT_DESCRIPTION = new AttributeTag(0x0062, 0x0006);
  public static final AttributeTag SEGMENT_ALGORITHM_TYPE = new AttributeTag(0x0062, 0x0008);
  public static final AttributeTag SEGMENT_ALGORITHM_NAME = new AttributeTag(0x0062, 0x0009);
  public static final AttributeTag SEGMENT_IDENTIFICATION_SEQUENCE = new AttributeTag(0x0062, 0x000A);
  public static final AttributeTag REFERENCED_SEGMENT_NUMBER = new AttributeTag(0x0062, 0x000B);
  public static final AttributeTag SEGMENTED_PROPERTY_TYPE_CODE_SEQUENCE = new AttributeTag(0x0062, 0x000F);
  public static final AttributeTag CONTENT_CREATOR_NAME = new AttributeTag(0x0070, 0x0084);
}
