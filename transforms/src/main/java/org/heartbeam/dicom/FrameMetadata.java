package org.heartbeam.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;

/**
 * What one frame's pixels mean: spacing, plane, timing and rescale, from the functional groups of an
 * Enhanced object or from the top level of a single-frame / legacy multi-frame one. Unknowns are NaN,
 * null or -1, as {@code CardiacImage} expects.
 */
final class FrameMetadata {
  final double[] pixelSpacing;
  final double sliceThicknessMm;
  final double[] imagePosition;
  final double[] imageOrientation;
  final double sliceLocationMm;
  final double triggerTimeMs;
  final int phaseIndex;
  final double rescaleSlope;
  final double rescaleIntercept;

  private FrameMetadata(double[] pixelSpacing, double sliceThicknessMm, double[] imagePosition,
      double[] imageOrientation, double sliceLocationMm, double triggerTimeMs, int phaseIndex,
      double rescaleSlope, double rescaleIntercept) {
    this.pixelSpacing = pixelSpacing;
    this.sliceThicknessMm = sliceThicknessMm;
    this.imagePosition = imagePosition;
    this.imageOrientation = imageOrientation;
    this.sliceLocationMm = sliceLocationMm;
    this.triggerTimeMs = triggerTimeMs;
    this.phaseIndex = phaseIndex;
    this.rescaleSlope = rescaleSlope;
    this.rescaleIntercept = rescaleIntercept;
  }

  static FrameMetadata of(AttributeList list, FunctionalGroups groups, int frame) throws DicomDecodeException {
    double[] spacing = AttributeListValues.numbers(
        groups.find(frame, DicomTags.PIXEL_MEASURES_SEQUENCE, TagFromName.PixelSpacing));
    if (spacing == null || spacing.length < 2) {
      throw new DicomDecodeException("no pixel spacing (PixelSpacing missing or invalid)"
          + (groups.present() ? " in frame " + frame : ""));
    }
    double thickness = AttributeListValues.number(
        groups.find(frame, DicomTags.PIXEL_MEASURES_SEQUENCE, TagFromName.SliceThickness));
    if (!(thickness > 0) || !Double.isFinite(thickness)) {
      thickness = Double.NaN; // 0 or negative (seen in secondary captures) means "not stated": not worth an image
    }
    double[] position = AttributeListValues.numbers(
        groups.find(frame, DicomTags.PLANE_POSITION_SEQUENCE, TagFromName.ImagePositionPatient));
    double[] orientation = AttributeListValues.numbers(
        groups.find(frame, DicomTags.PLANE_ORIENTATION_SEQUENCE, TagFromName.ImageOrientationPatient));
    double location = AttributeListValues.number(list.get(TagFromName.SliceLocation));
    double trigger = AttributeListValues.number(
        groups.find(frame, DicomTags.CARDIAC_SYNCHRONIZATION_SEQUENCE, DicomTags.NOMINAL_CARDIAC_TRIGGER_DELAY_TIME));
    if (Double.isNaN(trigger)) {
      trigger = AttributeListValues.number(list.get(TagFromName.TriggerTime));
    }
    // Both are 1-based; the Enhanced index wins where both exist.
    int temporal = AttributeListValues.integer(
        groups.find(frame, DicomTags.FRAME_CONTENT_SEQUENCE, DicomTags.TEMPORAL_POSITION_INDEX), -1);
    if (temporal < 1) {
      temporal = AttributeListValues.integer(list, DicomTags.TEMPORAL_POSITION_IDENTIFIER, -1);
    }
    double slope = AttributeListValues.number(
        groups.find(frame, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, TagFromName.RescaleSlope));
    double intercept = AttributeListValues.number(
        groups.find(frame, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, TagFromName.RescaleIntercept));
    slope = Double.isNaN(slope) ? 1 : slope;
    intercept = Double.isNaN(intercept) ? 0 : intercept;
    if (slope == 0 || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
      throw new DicomDecodeException("invalid rescale: RescaleSlope " + slope + ", RescaleIntercept " + intercept);
    }
    return new FrameMetadata(new double[] {spacing[0], spacing[1]}, thickness, position, orientation, location,
        trigger, temporal >= 1 ? temporal - 1 : -1, slope, intercept);
  }
}
