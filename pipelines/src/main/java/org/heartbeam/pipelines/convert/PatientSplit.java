package org.heartbeam.pipelines.convert;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.PatientKey;

/**
 * A deterministic, patient-wise train/validation split: all images of a patient land in one split.
 *
 * <p>Each patient gets a point u in [0, 1) from SHA-256 of its identity; u &lt; fraction means
 * validation. That rule is stable as a dataset grows (adding patients never moves an existing one),
 * which matters more than hitting the fraction exactly. Only for tiny datasets, where it could leave
 * a split empty (3 patients at 0.2 often would), the patient whose u lies nearest the threshold is
 * moved so both splits hold at least one patient; a lone patient trains (unless the fraction is 1),
 * since validating a model that had nothing to learn from is pointless.
 */
public final class PatientSplit implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double validationFraction;

  public PatientSplit(double validationFraction) {
    if (!(validationFraction >= 0 && validationFraction <= 1)) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1]: " + validationFraction);
    }
    this.validationFraction = validationFraction;
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
    List<String> keys = new ArrayList<>(new TreeSet<>(patientKeys));
    Map<String, DatasetSplit> result = new HashMap<>();
    for (String key : keys) {
      result.put(key, unitPoint(key) < validationFraction ? DatasetSplit.VALIDATION : DatasetSplit.TRAIN);
    }
    if (keys.size() == 1 && validationFraction < 1) {
      result.put(keys.get(0), DatasetSplit.TRAIN);
    }
    boolean splittable = keys.size() >= 2 && validationFraction > 0 && validationFraction < 1;
    if (splittable && !result.containsValue(DatasetSplit.VALIDATION)) {
      result.put(nearestThreshold(keys), DatasetSplit.VALIDATION);
    } else if (splittable && !result.containsValue(DatasetSplit.TRAIN)) {
      result.put(nearestThreshold(keys), DatasetSplit.TRAIN);
    }
    return result;
  }

  private String nearestThreshold(List<String> keys) {
    return keys.stream()
        .min(Comparator.comparingDouble((String k) -> Math.abs(unitPoint(k) - validationFraction))
            .thenComparing(Comparator.naturalOrder()))
        .orElseThrow();
  }

  /** A point in [0, 1) from SHA-256 of the key: uniform, and the same on every JVM. */
  static double unitPoint(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("split:" + key).getBytes(StandardCharsets.UTF_8));
      long bits = ByteBuffer.wrap(digest).getLong() >>> 11; // 53 random bits
      return bits / (double) (1L << 53);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  public double validationFraction() {
    return validationFraction;
  }
}
