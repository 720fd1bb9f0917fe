package org.heartbeam.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.heartbeam.model.preprocess.IntensityNormalization;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.OutputMode;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.model.unet.UpSampling;

/**
 * The JSON description of a model file ({@code manifest.json}): format version, engine, input,
 * architecture ({@link UNetConfig}), classes, preprocessing, provenance ({@link ModelProvenance})
 * and the list of weight arrays with the SHA-256 of their bytes.
 *
 * <p>{@link #fromJson} refuses what this code cannot honour: another format, a newer format version,
 * missing fields, an invalid architecture, or an input size, class list or preprocessing grid that
 * disagrees with the architecture.
 */
public final class ModelManifest {
  /** The "format" field: what kind of file this is. */
  public static final String FORMAT = "heartbeam-unet-model";
  /** Version 1: a zip of manifest.json + weights.bin (float32 little-endian, arrays in manifest order, 'c' order). */
  public static final int FORMAT_VERSION = 1;
  /** The network always reads one grey channel, NHWC or NCHW being the engine's business. */
  public static final int INPUT_CHANNELS = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int formatVersion;
  private final String engine;
  private final UNetConfig config;
  private final ModelProvenance provenance;
  private final List<WeightArray> weights;
  private final String weightsSha256;

  ModelManifest(int formatVersion, String engine, UNetConfig config, ModelProvenance provenance,
      List<WeightArray> weights, String weightsSha256) {
    this.formatVersion = formatVersion;
    this.engine = Objects.requireNonNull(engine, "engine");
    this.config = Objects.requireNonNull(config, "config");
    this.provenance = Objects.requireNonNull(provenance, "provenance");
    this.weights = Collections.unmodifiableList(new ArrayList<>(weights));
    this.weightsSha256 = Objects.requireNonNull(weightsSha256, "weightsSha256");
  }

  public int formatVersion() { return formatVersion; }

  public String engine() { return engine; }

  public UNetConfig config() { return config; }

  public ModelProvenance provenance() { return provenance; }

  public PreprocessOptions preprocessing() { return provenance.preprocessing(); }

  public List<WeightArray> weights() { return weights; }

  public String weightsSha256() { return weightsSha256; }

  /** Total number of weight values. */
  public long weightCount() { return weights.stream().mapToLong(WeightArray::length).sum(); }

  /** Output class names, the LV last: ["background", "left-ventricle"] or ["left-ventricle"]. */
  public List<String> classes() { return classes(config.outputMode()); }

  static List<String> classes(OutputMode mode) {
    return mode == OutputMode.SOFTMAX_2 ? List.of("background", "left-ventricle") : List.of("left-ventricle");
  }

  /**
   * Why this model cannot take inputs prepared with {@code expected}, or empty if it can: the model
   * grid, normalization, resize and crop must all be what the model was trained with.
   */
  public Optional<String> inputMismatch(PreprocessOptions expected) {
    PreprocessOptions mine = preprocessing();
    if (mine.targetRows() != expected.targetRows() || mine.targetColumns() != expected.targetColumns()) {
      return Optional.of("model expects " + mine.targetRows() + "x" + mine.targetColumns() + " inputs, the caller prepares "
          + expected.targetRows() + "x" + expected.targetColumns());
    }
    if (!mine.normalization().equals(expected.normalization())) {
      return Optional.of("model was trained with normalization '" + mine.normalization().spec()
          + "', the caller uses '" + expected.normalization().spec() + "'");
    }
    if (!mine.equals(expected)) {
      return Optional.of("model was trained with preprocessing [" + mine + "], the caller uses [" + expected + "]");
    }
    return Optional.empty();
  }

  /** Pretty-printed JSON. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", formatVersion);
    root.put("engine", engine);
    ObjectNode input = root.putObject("input");
    input.put("height", config.inputHeight());
    input.put("width", config.inputWidth());
    input.put("channels", INPUT_CHANNELS);
    ObjectNode a = root.putObject("architecture");
    a.put("inputHeight", config.inputHeight());
    a.put("inputWidth", config.inputWidth());
    a.put("depth", config.depth());
    a.put("baseFilters", config.baseFilters());
    a.put("batchNorm", config.batchNorm());
    a.put("dropout", config.dropout());
    a.put("upSampling", config.upSampling().name());
    a.put("outputMode", config.outputMode().name());
    a.put("learningRate", config.learningRate());
    a.put("seed", config.seed());
    ArrayNode classes = root.putArray("classes");
    classes().forEach(classes::add);
    PreprocessOptions p = preprocessing();
    ObjectNode pre = root.putObject("preprocessing");
    pre.put("normalization", p.normalization().spec());
    pre.put("targetRows", p.targetRows());
    pre.put("targetColumns", p.targetColumns());
    pre.put("resize", p.resize().name());
    if (p.resize() == PreprocessOptions.ResizePolicy.TO_SPACING) {
      pre.put("targetSpacingMm", p.targetSpacingMm());
    }
    pre.put("crop", p.crop().name());
    if (p.crop() == PreprocessOptions.CropPolicy.WINDOW) {
      pre.put("windowTop", p.windowTop());
      pre.put("windowLeft", p.windowLeft());
    }
    root.putObject("trainingData").put("fingerprint", provenance.trainingDataFingerprint());
    ObjectNode hyper = root.putObject("hyperParameters");
    provenance.hyperParameters().forEach(hyper::put);
    ObjectNode metrics = root.putObject("metrics");
    provenance.metrics().forEach(metrics::put);
    root.put("codeVersion", provenance.codeVersion());
    root.put("createdAt", provenance.createdAt().toString());
    ObjectNode w = root.putObject("weights");
    w.put("entry", ModelFile.WEIGHTS_ENTRY);
    w.put("dataType", "float32");
    w.put("byteOrder", "little-endian");
    w.put("sha256", weightsSha256);
    ArrayNode arrays = w.putArray("arrays");
    for (WeightArray array : weights) {
      ObjectNode node = arrays.addObject();
      node.put("name", array.name());
      ArrayNode shape = node.putArray("shape");
      for (long s : array.shape()) {
        shape.add(s);
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a model manifest", e);
    }
  }

  /** Reads and checks a manifest; every problem is one line naming the field. */
  public static ModelManifest fromJson(String json) throws ModelFileException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      // Jackson's messages span lines (they quote the source): keep the first, and the position.
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().split("\\R", 2)[0];
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new ModelFileException("model manifest is not valid JSON" + where + ": " + message);
    }
    if (root == null || !root.isObject()) {
      throw new ModelFileException("model manifest is not a JSON object");
    }
    String format = text(root, "format");
    if (!FORMAT.equals(format)) {
      throw new ModelFileException("not a HeartBeam model: format is '" + format + "', expected '" + FORMAT + "'");
    }
    int version = integer(root, "formatVersion");
    if (version > FORMAT_VERSION || version < 1) {
      throw new ModelFileException("model file format version " + version + " is not supported (this HeartBeam reads "
          + "version " + FORMAT_VERSION + (version > FORMAT_VERSION ? "; upgrade HeartBeam)" : ")"));
    }
    String engine = text(root, "engine");
    UNetConfig config = config(field(root, "architecture"));
    JsonNode input = field(root, "input");
    int height = integer(input, "height");
    int width = integer(input, "width");
    int channels = integer(input, "channels");
    if (height != config.inputHeight() || width != config.inputWidth() || channels != INPUT_CHANNELS) {
      throw new ModelFileException("model manifest is inconsistent: input " + height + "x" + width + "x" + channels
          + " but the architecture takes " + config.inputHeight() + "x" + config.inputWidth() + "x" + INPUT_CHANNELS);
    }
    List<String> classes = new ArrayList<>();
    field(root, "classes").forEach(c -> classes.add(c.asText()));
    if (!classes.equals(classes(config.outputMode()))) {
      throw new ModelFileException("model manifest is inconsistent: classes " + classes + " but output mode "
          + config.outputMode() + " gives " + classes(config.outputMode()));
    }
    PreprocessOptions preprocessing = preprocessing(field(root, "preprocessing"));
    if (preprocessing.targetRows() != height || preprocessing.targetColumns() != width) {
      throw new ModelFileException("model manifest is inconsistent: preprocessing makes " + preprocessing.targetRows()
          + "x" + preprocessing.targetColumns() + " images but the network takes " + height + "x" + width);
    }
    ModelProvenance provenance = ModelProvenance.of(preprocessing)
        .withTrainingData(text(field(root, "trainingData"), "fingerprint"))
        .withCodeVersion(text(root, "codeVersion"));
    String created = text(root, "createdAt");
    try {
      provenance = provenance.withCreatedAt(Instant.parse(created));
    } catch (DateTimeParseException e) {
      throw new ModelFileException("model manifest: createdAt '" + created + "' is not an ISO-8601 instant");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = field(root, "hyperParameters").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      provenance = provenance.withHyperParameter(e.getKey(), e.getValue().asText());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = field(root, "metrics").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      provenance = provenance.withMetric(e.getKey(), e.getValue().asDouble());
    }
    JsonNode w = field(root, "weights");
    String dataType = text(w, "dataType");
    String byteOrder = text(w, "byteOrder");
    if (!"float32".equals(dataType) || !"little-endian".equals(byteOrder)
        || !ModelFile.WEIGHTS_ENTRY.equals(text(w, "entry"))) {
      throw new ModelFileException("model manifest: weights must be float32 little-endian in "
          + ModelFile.WEIGHTS_ENTRY + ", found " + dataType + " " + byteOrder + " in " + text(w, "entry"));
    }
    List<WeightArray> weights = new ArrayList<>();
    for (JsonNode array : field(w, "arrays")) {
      List<Long> shape = new ArrayList<>();
      for (JsonNode s : field(array, "shape")) {
        if (!s.canConvertToLong() || s.asLong() < 1) {
          throw new ModelFileException("model manifest: weight array " + array.path("name").asText()
              + " has an invalid shape " + array.get("shape"));
        }
        shape.add(s.asLong());
      }
      weights.add(new WeightArray(text(array, "name"), shape.stream().mapToLong(Long::longValue).toArray()));
    }
    return new ModelManifest(version, engine, config, provenance, weights, text(w, "sha256"));
  }

  private static UNetConfig config(JsonNode a) throws ModelFileException {
    try {
      return UNetConfig.builder()
          .inputSize(integer(a, "inputHeight"), integer(a, "inputWidth"))
          .depth(integer(a, "depth"))
          .baseFilters(integer(a, "baseFilters"))
          .batchNorm(field(a, "batchNorm").asBoolean())
          .dropout(number(a, "dropout"))
          .upSampling(UpSampling.valueOf(text(a, "upSampling")))
          .outputMode(OutputMode.valueOf(text(a, "outputMode")))
          .learningRate(number(a, "learningRate"))
          .seed(field(a, "seed").asLong())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ModelFileException("model manifest: invalid architecture: " + e.getMessage());
    }
  }

  private static PreprocessOptions preprocessing(JsonNode p) throws ModelFileException {
    try {
      PreprocessOptions options = PreprocessOptions.defaults()
          .withTargetSize(integer(p, "targetRows"), integer(p, "targetColumns"))
          .withNormalization(IntensityNormalization.parse(text(p, "normalization")));
      switch (PreprocessOptions.ResizePolicy.valueOf(text(p, "resize"))) {
        case FIT:
          options = options.withFit();
          break;
        case TO_SPACING:
          options = options.withSpacing(number(p, "targetSpacingMm"));
          break;
        default:
          options = options.withoutResize();
      }
      if (PreprocessOptions.CropPolicy.valueOf(text(p, "crop")) == PreprocessOptions.CropPolicy.WINDOW) {
        options = options.withWindow(integer(p, "windowTop"), integer(p, "windowLeft"));
      }
      return options;
    } catch (IllegalArgumentException e) {
      throw new ModelFileException("model manifest: invalid preprocessing: " + e.getMessage());
    }
  }

  private static JsonNode field(JsonNode node, String name) throws ModelFileException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new ModelFileException("model manifest: missing field '" + name + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String name) throws ModelFileException {
    return field(node, name).asText();
  }

  private static int integer(JsonNode node, String name) throws ModelFileException {
    JsonNode value = field(node, name);
    if (!value.canConvertToInt()) {
      throw new ModelFileException("model manifest: field '" + name + "' must be an integer, found " + value);
    }
    return value.asInt();
  }

  private static double number(JsonNode node, String name) throws ModelFileException {
    JsonNode value = field(node, name);
    if (!value.isNumber()) {
      throw new ModelFileException("model manifest: field '" + name + "' must be a number, found " + value);
    }
    return value.asDouble();
  }
}
