package org.heartbeam.model.file;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.heartbeam.model.preprocess.PreprocessOptions;

/**
 * What a model file records besides the network itself: how inputs must be preprocessed, which
 * data trained it, with which hyper-parameters, how well it scored, which code wrote it and when.
 * Immutable; {@code with...} methods return changed copies.
 */
public final class ModelProvenance {
  private final PreprocessOptions preprocessing;
  private final String trainingDataFingerprint;
  private final Map<String, String> hyperParameters;
  private final Map<String, Double> metrics;
  private final String codeVersion;
  private final Instant createdAt;

  private ModelProvenance(PreprocessOptions preprocessing, String trainingDataFingerprint,
      Map<String, String> hyperParameters, Map<String, Double> metrics, String codeVersion, Instant createdAt) {
    this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
    this.trainingDataFingerprint = Objects.requireNonNull(trainingDataFingerprint, "trainingDataFingerprint");
    this.hyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperParameters));
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.codeVersion = Objects.requireNonNull(codeVersion, "codeVersion");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * Provenance of an untrained or not-yet-described model: the given preprocessing, fingerprint
   * "none", no hyper-parameters or metrics, this code's version, created now.
   */
  public static ModelProvenance of(PreprocessOptions preprocessing) {
    return new ModelProvenance(preprocessing, "none", Map.of(), Map.of(), CodeVersion.current(), Instant.now());
  }

  /** A digest of the training set (e.g. of its sorted image keys), so a model can be traced to its data. */
  public ModelProvenance withTrainingData(String fingerprint) {
    return new ModelProvenance(preprocessing, fingerprint, hyperParameters, metrics, codeVersion, createdAt);
  }

  /** Training settings beyond the architecture (epochs, batch size, augmentation...), as text. */
  public ModelProvenance withHyperParameter(String name, Object value) {
    Map<String, String> h = new LinkedHashMap<>(hyperParameters);
    h.put(Objects.requireNonNull(name, "name"), String.valueOf(value));
    return new ModelProvenance(preprocessing, trainingDataFingerprint, h, metrics, codeVersion, createdAt);
  }

  /** An evaluation result, e.g. "validation.dice" (name the split and the Dice definition). */
  public ModelProvenance withMetric(String name, double value) {
    Map<String, Double> m = new LinkedHashMap<>(metrics);
    m.put(Objects.requireNonNull(name, "name"), value);
    return new ModelProvenance(preprocessing, trainingDataFingerprint, hyperParameters, m, codeVersion, createdAt);
  }

  public ModelProvenance withCodeVersion(String version) {
    return new ModelProvenance(preprocessing, trainingDataFingerprint, hyperParameters, metrics, version, createdAt);
  }

  public ModelProvenance withCreatedAt(Instant instant) {
    return new ModelProvenance(preprocessing, trainingDataFingerprint, hyperParameters, metrics, codeVersion, instant);
  }

  public PreprocessOptions preprocessing() { return preprocessing; }

  public String trainingDataFingerprint() { return trainingDataFingerprint; }

  public Map<String, String> hyperParameters() { return hyperParameters; }

  public Map<String, Double> metrics() { return metrics; }

  public String codeVersion() { return codeVersion; }

  public Instant createdAt() { return createdAt; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ModelProvenance)) {
      return false;
    }
    ModelProvenance p = (ModelProvenance) o;
    return preprocessing.equals(p.preprocessing) && trainingDataFingerprint.equals(p.trainingDataFingerprint)
        && hyperParameters.equals(p.hyperParameters) && metrics.equals(p.metrics)
        && codeVersion.equals(p.codeVersion) && createdAt.equals(p.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(preprocessing, trainingDataFingerprint, hyperParameters, metrics, codeVersion, createdAt);
  }
}
