package org.heartbeam.pipelines.split;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.PatientKey;
import org.heartbeam.model.hash.Sha256;

/**
 * A deterministic, patient-wise train/validation split: all images of a patient land in one split.
 *
 * <p>Each patient gets a point u in [0, 1) from SHA-256 of its key; patients are ranked by u and the
 * first round(fraction x patients) go to validation. Ranking (rather than "u &lt; fraction") hits the
 * fraction exactly, which matters on the small sets users start with: on the 3 shared Sunnybrook
 * patients a threshold at 0.2 put 2 of 3 in validation. With at least 2 patients and a fraction
 * strictly between 0 and 1 each split keeps at least one patient; a lone patient trains.
 * Adding patients moves an existing one only across the boundary of the ranking.
 */
public final class PatientSplit implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double validationFraction;
  /** With folds > 0: cross-validation, patient i (sorted by key) validates in fold i mod folds. */
  private final int fold;
  private final int folds;

  public PatientSplit(double validationFraction) {
    checkArgument(validationFraction >= 0 && validationFraction <= 1,
        "--validationFraction must be between 0 and 1, got %s", validationFraction);
    this.validationFraction = validationFraction;
    this.fold = -1;
    this.folds = 0;
  }

  private PatientSplit(int fold, int folds) {
    if (folds < 2 || fold < 0 || fold >= folds) {
      throw new IllegalArgumentException("fold must be in 0.." + (folds - 1) + " with folds >= 2: " + fold + "/" + folds);
    }
    this.validationFraction = 1.0 / folds;
    this.fold = fold;
    this.folds = folds;
  }

  /**
   * Cross-validation: patients sorted by {@link #patientKey} are dealt round-robin into {@code folds}
   * groups and group {@code fold} validates; over all folds every patient validates exactly once
   * (with 3 patients and 3 folds: train on two, validate on the third, rotating).
   */
  public static PatientSplit fold(int fold, int folds) {
    return new PatientSplit(fold, folds);
  }

  /**
   * The identity a split is keyed on: PatientID, else the study, else the source folder (TFRecords and
   * anonymised files may lack a PatientID). Never logged; see {@link #patientKey}.
   */
  public static String patientIdentity(CardiacImage image) {
    if (!image.patientId().isBlank()) {
      return image.patientId().trim();
    }
    if (!image.studyInstanceUid().isBlank()) {
      return "study:" + image.studyInstanceUid();
    }
    String source = image.sourceUri();
    int slash = source.lastIndexOf('/');
    return "folder:" + (slash > 0 ? source.substring(0, slash) : source);
  }

  /** A PHI-free name for a patient, safe for logs and manifests. */
  public static String patientKey(CardiacImage image) {
    return PatientKey.of(patientIdentity(image));
  }

  /** Assigns every key (as made by {@link #patientKey}) to a split. */
  public Map<String, DatasetSplit> assign(Collection<String> patientKeys) {
    if (folds > 0) {
      Map<String, DatasetSplit> result = new HashMap<>();
      int i = 0;
      for (String key : new TreeSet<>(patientKeys)) {
        result.put(key, i++ % folds == fold ? DatasetSplit.VALIDATION : DatasetSplit.TRAIN);
      }
      return result;
    }
    Map<String, Double> points = new HashMap<>();
    for (String key : new TreeSet<>(patientKeys)) {
      points.put(key, unitPoint(key)); // one digest per key, not one per comparison
    }
    List<String> ranked = new ArrayList<>(points.keySet());
    ranked.sort(Comparator.comparing((String key) -> points.get(key)).thenComparing(Comparator.naturalOrder()));
    int n = ranked.size();
    int validation = (int) Math.round(validationFraction * n);
    if (n >= 2 && validationFraction > 0 && validationFraction < 1) {
      validation = Math.max(1, Math.min(n - 1, validation));
    } else if (n == 1) {
      validation = validationFraction == 1 ? 1 : 0;
    }
    Map<String, DatasetSplit> result = new HashMap<>();
    for (int i = 0; i < n; i++) {
      result.put(ranked.get(i), i < validation ? DatasetSplit.VALIDATION : DatasetSplit.TRAIN);
    }
    return result;
  }

  /** A point in [0, 1) from SHA-256 of the key: uniform, and the same on every JVM. */
  static double unitPoint(String key) {
    long bits = ByteBuffer.wrap(Sha256.digest("split:" + key)).getLong() >>> 11; // 53 random bits
    return bits / (double) (1L << 53);
  }

  public double validationFraction() {
    return validationFraction;
  }
}
