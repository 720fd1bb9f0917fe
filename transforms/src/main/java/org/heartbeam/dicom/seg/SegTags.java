package org.heartbeam.dicom.seg;

import com.pixelmed.dicom.AttributeTag;

/**
 * The Segmentation and multi-frame tags used here, by number: PixelMed's dictionary knows them but
 * its {@code TagFromName} does not name them all.
 */
final class SegTags {
  private SegTags() {}

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
}
