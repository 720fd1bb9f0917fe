package org.heartbeam.model.stats;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.PatientKey;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.metrics.LvArea;
import org.heartbeam.model.metrics.OverlapMetrics;
import org.heartbeam.model.metrics.SurfaceDistance;
import org.heartbeam.model.volume.SliceArea;

/**
 * The numbers of one segmented image: its predicted LV area (always) and, when an expert label exists,
 * how the prediction agrees with it. Small (no pixels), so summaries and volumes group these rather
 * than images.
 *
 * <p>Identifiers are PHI-free keys: patient, study and series are hashed ({@link PatientKey},
 * {@link #studyKeyOf}, {@link #seriesKeyOf}); an empty key means the header had no UID.
 *
 * <p>Agreement metrics are NaN when the image is unlabelled. With a label they follow
 * {@link OverlapMetrics} and {@link SurfaceDistance}: when both masks are empty (an expert said "no
 * LV here" and the model agrees) Dice, IoU, precision and recall are 1 and HD95 and ASSD are 0 mm;
 * when exactly one is empty Dice and IoU are 0, HD95 and ASSD are NaN (no surface to measure to), and
 * precision (nothing predicted) or recall (empty label) is NaN. Summaries skip and count NaNs.
 *
 * @param slicePositionMm position along the slice normal, NaN when the header has no position
 * @param phaseIndex 0-based cardiac phase, -1 when unknown
 * @param triggerTimeMs ms after the R wave, NaN when unknown
 * @param lvAreaMm2 predicted LV area, mm^2
 * @param labelAreaMm2 expert LV area, mm^2; NaN when unlabelled
 */
public record ImageStatistics(
    String imageKey,
    String patientKey,
    String studyKey,
    String seriesKey,
    String sourceUri,
    String modelVersion,
    double slicePositionMm,
    int phaseIndex,
    double triggerTimeMs,
    double lvAreaMm2,
    long predictedPixels,
    boolean labelled,
    double labelAreaMm2,
    double dice,
    double smoothedDice,
    double iou,
    double precision,
    double recall,
    double hd95Mm,
    double assdMm) implements Serializable {

  public ImageStatistics {
    Objects.requireNonNull(imageKey, "imageKey");
    Objects.requireNonNull(patientKey, "patientKey");
    Objects.requireNonNull(studyKey, "studyKey");
    Objects.requireNonNull(seriesKey, "seriesKey");
    Objects.requireNonNull(sourceUri, "sourceUri");
    Objects.requireNonNull(modelVersion, "modelVersion");
  }

  /** Measures one segmented image. */
  public static ImageStatistics of(SegmentedImage segmented) {
    CardiacImage image = segmented.image();
    Mask predicted = segmented.predicted();
    double area = LvArea.mm2(predicted, image.geometry());
    Optional<Mask> label = segmented.label();
    double nan = Double.NaN;
    double labelArea = nan;
    double dice = nan;
    double smoothedDice = nan;
    double iou = nan;
    double precision = nan;
    double recall = nan;
    double hd95 = nan;
    double assd = nan;
    if (label.isPresent()) {
      Mask reference = label.get();
      labelArea = LvArea.mm2(reference, image.geometry());
      dice = OverlapMetrics.dice(predicted, reference);
      smoothedDice = OverlapMetrics.smoothedDice(predicted, reference);
      iou = OverlapMetrics.iou(predicted, reference);
      precision = OverlapMetrics.precision(predicted, reference);
      recall = OverlapMetrics.recall(predicted, reference);
      hd95 = SurfaceDistance.hd95Mm(predicted, reference, image.geometry());
      assd = SurfaceDistance.assdMm(predicted, reference, image.geometry());
    }
    return new ImageStatistics(segmented.imageKey(), patientKeyOf(image), studyKeyOf(image.studyInstanceUid()),
        seriesKeyOf(image.seriesInstanceUid()), image.sourceUri(), segmented.modelVersion(),
        image.geometry().positionAlongNormalMm(), image.phaseIndex(), image.triggerTimeMs(), area,
        predicted.count(), label.isPresent(), labelArea, dice, smoothedDice, iou, precision, recall, hd95, assd);
  }

  /** The patient's key; without a PatientID, the study's (or, lacking that too, the image's own). */
  static String patientKeyOf(CardiacImage image) {
    if (!image.patientId().isEmpty()) {
      return PatientKey.of(image.patientId());
    }
    if (!image.studyInstanceUid().isEmpty()) {
      return PatientKey.of("study:" + image.studyInstanceUid());
    }
    return PatientKey.of("image:" + image.imageKey());
  }

  /** {@code st-} and 16 hex digits of SHA-256 of the StudyInstanceUID; empty when there is none. */
  public static String studyKeyOf(String studyInstanceUid) {
    return studyInstanceUid.isEmpty() ? "" : "st-" + CardiacImage.shortHash("study:" + studyInstanceUid);
  }

  /** {@code se-} and 16 hex digits of SHA-256 of the SeriesInstanceUID; empty when there is none. */
  public static String seriesKeyOf(String seriesInstanceUid) {
    return seriesInstanceUid.isEmpty() ? "" : "se-" + CardiacImage.shortHash("series:" + seriesInstanceUid);
  }

  /** The same statistics with the cine phase known (ranked by trigger time where the header had none). */
  public ImageStatistics withPhaseIndex(int phase) {
    return new ImageStatistics(imageKey, patientKey, studyKey, seriesKey, sourceUri, modelVersion, slicePositionMm,
        phase, triggerTimeMs, lvAreaMm2, predictedPixels, labelled, labelAreaMm2, dice, smoothedDice, iou, precision,
        recall, hd95Mm, assdMm);
  }

  /** Whether the header placed the image along a stack's normal, which a volume needs. */
  public boolean hasSlicePosition() {
    return Double.isFinite(slicePositionMm);
  }

  /** Its predicted area as one slice-phase of a cine stack; throws when it has no slice position. */
  public SliceArea sliceArea() {
    return new SliceArea(slicePositionMm, phaseIndex, triggerTimeMs, lvAreaMm2);
  }
}
