package org.heartbeam.dicom;

import com.pixelmed.dicom.AttributeTag;

/**
 * The tags the decoder reads that PixelMed's {@code TagFromName} does not name (it misses some
 * Enhanced MR and cardiac ones), so every tag used here is spelled once, by number.
 */
final class DicomTags {
  private DicomTags() {}

  static final AttributeTag CARDIAC_SYNCHRONIZATION_SEQUENCE = new AttributeTag(0x0018, 0x9118);
  static final AttributeTag NOMINAL_CARDIAC_TRIGGER_DELAY_TIME = new AttributeTag(0x0020, 0x9153);
  static final AttributeTag TEMPORAL_POSITION_IDENTIFIER = new AttributeTag(0x0020, 0x0100);
  static final AttributeTag TEMPORAL_POSITION_INDEX = new AttributeTag(0x0020, 0x9128);
  static final AttributeTag FRAME_CONTENT_SEQUENCE = new AttributeTag(0x0020, 0x9111);
  static final AttributeTag PIXEL_MEASURES_SEQUENCE = new AttributeTag(0x0028, 0x9110);
  static final AttributeTag PLANE_POSITION_SEQUENCE = new AttributeTag(0x0020, 0x9113);
  static final AttributeTag PLANE_ORIENTATION_SEQUENCE = new AttributeTag(0x0020, 0x9116);
  static final AttributeTag PIXEL_VALUE_TRANSFORMATION_SEQUENCE = new AttributeTag(0x0028, 0x9145);
  static final AttributeTag SHARED_FUNCTIONAL_GROUPS_SEQUENCE = new AttributeTag(0x5200, 0x9229);
  static final AttributeTag PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = new AttributeTag(0x5200, 0x9230);
}
