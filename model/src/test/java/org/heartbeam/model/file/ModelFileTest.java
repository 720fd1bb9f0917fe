package org.heartbeam.model.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.heartbeam.model.preprocess.IntensityNormalization;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.ComputationGraphUNet;
import org.heartbeam.model.unet.OutputMode;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.SegmentationNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.model.unet.UpSampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files on tiny U-Nets: exact round trips on both engines, and every refusal's one-line message. */
class ModelFileTest {
  private static final UNetConfig TINY = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4)
      .upSampling(UpSampling.UPSAMPLE_CONV).learningRate(1e-2).seed(7).build();
  private static final PreprocessOptions PREPROCESS = PreprocessOptions.defaults().withTargetSize(32, 32)
      .withSpacing(1.25).withWindow(10, 12);
  private static final ModelProvenance PROVENANCE = ModelProvenance.of(PREPROCESS)
      .withTrainingData("sha256:0123abcd")
      .withHyperParameter("epochs", 3)
      .withHyperParameter("batchSize", 8)
      .withMetric("validation.dice.plain", 0.875)
      .withMetric("validation.hd95.mm", Double.NaN)
      .withCodeVersion("test 1.0")
      .withCreatedAt(Instant.parse("2024-05-01T12:30:00Z"));

  @TempDir
  Path dir;

  @Test
  void sameDiffRoundTripGivesIdenticalOutputsAndManifest() throws IOException {
    roundTrip(new SameDiffUNet(TINY));
  }

  @Test
  void computationGraphRoundTripGivesIdenticalOutputs() throws IOException {
    roundTrip(new ComputationGraphUNet(TINY.toBuilder().outputMode(OutputMode.SIGMOID_1)
        .upSampling(UpSampling.TRANSPOSED_CONV).build()));
  }

  private void roundTrip(SegmentationNet net) throws IOException {
    float[] images = images(3);
    byte[] masks = new byte[images.length];
    for (int i = 0; i < masks.length; i++) {
      masks[i] = (byte) (images[i] > 0.5 ? 1 : 0);
    }
    // Trained weights, so that a rebuilt-from-seed network would not pass for a loaded one.
    net.fitBatch(images, masks, 3);
    net.fitBatch(images, masks, 3);
    float[][] before = net.predictProbabilities(images, 3);
    Path file = dir.resolve("model.hbm");
    ModelFile.save(file, net, PROVENANCE);

    LoadedModel loaded = ModelFile.load(file, PREPROCESS);
    assertEquals(net.engine(), loaded.net().engine());
    assertEquals(net.config(), loaded.manifest().config());
    assertEquals(PROVENANCE, loaded.manifest().provenance());
    float[][] after = loaded.net().predictProbabilities(images, 3);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(before[i], after[i], 0f, "image " + i);
    }
    SegmentationNet fresh = net.engine().equals(SameDiffUNet.ENGINE)
        ? new SameDiffUNet(net.config()) : new ComputationGraphUNet(net.config());
    assertFalse(Arrays.equals(before[0], fresh.predictProbabilities(images, 3)[0]), "training changed the outputs");
  }

  @Test
  void manifestSaysWhatTheModelIs() throws IOException {
    Path file = dir.resolve("m.hbm");
    ModelFile.save(file, new SameDiffUNet(TINY), PROVENANCE);
    String json = entries(file).get(ModelFile.MANIFEST_ENTRY);
    for (String expected : new String[] {"\"format\" : \"heartbeam-unet-model\"", "\"formatVersion\" : 1",
        "\"engine\" : \"samediff-nhwc\"", "\"normalization\" : \"percentile:1:99\"", "\"resize\" : \"TO_SPACING\"",
        "\"crop\" : \"WINDOW\"", "\"left-ventricle\"", "\"fingerprint\" : \"sha256:0123abcd\"",
        "\"createdAt\" : \"2024-05-01T12:30:00Z\"", "\"upSampling\" : \"UPSAMPLE_CONV\"", "\"sha256\""}) {
      assertTrue(json.contains(expected), expected + " in\n" + json);
    }
    ModelManifest manifest = ModelFile.readManifest(file);
    assertEquals(TINY.parameterCount(), manifest.weightCount());
    assertTrue(CodeVersion.current().startsWith("heartbeam-model "), CodeVersion.current());
  }

  @Test
  void refusesInputsPreparedOtherwise() throws IOException {
    Path file = saved();
    assertRefused("model expects 32x32 inputs, the caller prepares 64x64",
        () -> ModelFile.load(file, PREPROCESS.withTargetSize(64, 64)));
    assertRefused("model was trained with normalization 'percentile:1:99', the caller uses 'seed-scale'",
        () -> ModelFile.load(file, PREPROCESS.withNormalization(IntensityNormalization.seedScale())));
    assertRefused("model was trained with preprocessing [32x32, percentile:1:99, resize TO_SPACING 1.25 mm, crop "
        + "WINDOW at (10, 12)], the caller uses [32x32, percentile:1:99, resize TO_SPACING 1.25 mm, crop CENTRE]",
        () -> ModelFile.load(file, PREPROCESS.withCentreCrop()));
  }

  @Test
  void refusesManifestsItCannotHonour() throws IOException {
    Path file = saved();
    assertRefused("model file format version 2 is not supported (this HeartBeam reads version 1; upgrade HeartBeam)",
        () -> ModelFile.load(editManifest(file, j -> j.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"))));
    assertRefused("not a HeartBeam model: format is 'keras', expected 'heartbeam-unet-model'",
        () -> ModelFile.load(editManifest(file, j -> j.replace("heartbeam-unet-model", "keras"))));
    assertRefused("unknown engine 'tensorflow' (this HeartBeam has ",
        () -> ModelFile.load(editManifest(file, j -> j.replace("samediff-nhwc", "tensorflow"))));
    assertRefused("weights do not fit the architecture: bottleneck_a_W is [3, 3, 8, 16] in the file, [16, 8, 3, 3] for",
        () -> ModelFile.load(editManifest(file, j -> j.replace("samediff-nhwc", ComputationGraphUNet.ENGINE))));
    assertRefused("weights do not fit the architecture: bottleneck_a_W is [3, 3, 8, 16] in the file, [3, 3, 16, 32] for",
        () -> ModelFile.load(editManifest(file, j -> j.replace("\"baseFilters\" : 4", "\"baseFilters\" : 8"))));
    assertRefused("model manifest is inconsistent: input 64x32x1 but the architecture takes 32x32x1",
        () -> ModelFile.load(editManifest(file, j -> j.replaceFirst("\"height\" : 32", "\"height\" : 64"))));
    assertRefused("model manifest: invalid architecture: depth must be 1..6: 9",
        () -> ModelFile.load(editManifest(file, j -> j.replace("\"depth\" : 2", "\"depth\" : 9"))));
    assertRefused("model manifest: missing field 'createdAt'",
        () -> ModelFile.load(editManifest(file, j -> j.replace("\"createdAt\"", "\"created\""))));
    assertRefused("model manifest is not valid JSON",
        () -> ModelFile.load(editManifest(file, j -> j.substring(0, j.length() / 2))));
    assertRefused("model manifest: invalid preprocessing: unknown intensity normalization 'zscore'",
        () -> ModelFile.load(editManifest(file, j -> j.replace("percentile:1:99", "zscore"))));
  }

  @Test
  void refusesCorruptOrTruncatedFiles() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    Path truncated = Files.write(dir.resolve("truncated.hbm"), Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused("not a readable model file (truncated or corrupt zip", () -> ModelFile.load(truncated));
    Path garbage = Files.write(dir.resolve("garbage.hbm"), "not a zip at all".getBytes(StandardCharsets.UTF_8));
    assertRefused("not a readable model file (truncated or corrupt zip", () -> ModelFile.load(garbage));
    assertRefused("no such model file: ", () -> ModelFile.load(dir.resolve("absent.hbm")));

    Map<String, String> noWeights = new LinkedHashMap<>();
    noWeights.put(ModelFile.MANIFEST_ENTRY, entries(file).get(ModelFile.MANIFEST_ENTRY));
    Path withoutWeights = dir.resolve("no-weights.hbm");
    writeZip(withoutWeights, Map.of(ModelFile.MANIFEST_ENTRY, noWeights.get(ModelFile.MANIFEST_ENTRY).getBytes(
        StandardCharsets.UTF_8)));
    assertRefused("not a HeartBeam model file (no weights.bin inside)", () -> ModelFile.load(withoutWeights));

    Map<String, byte[]> raw = rawEntries(file);
    byte[] weights = raw.get(ModelFile.WEIGHTS_ENTRY);
    weights[weights.length / 2] ^= 0x10;
    Path flipped = dir.resolve("flipped.hbm");
    writeZip(flipped, raw);
    assertRefused("weights.bin is corrupt (SHA-256 differs from the manifest's)", () -> ModelFile.load(flipped));
    raw.put(ModelFile.WEIGHTS_ENTRY, Arrays.copyOf(weights, weights.length - 4));
    Path shorter = dir.resolve("shorter.hbm");
    writeZip(shorter, raw);
    assertRefused("weights.bin has " + (weights.length - 4) + " bytes, the manifest lists", () -> ModelFile.load(shorter));
  }

  @Test
  void refusesToSaveAPreprocessingGridOtherThanTheInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(
        dir.resolve("x.hbm"), new SameDiffUNet(TINY), ModelProvenance.of(PreprocessOptions.defaults())));
    assertEquals("preprocessing makes 256x256 images but the network takes 32x32", e.getMessage());
    assertFalse(Files.exists(dir.resolve("x.hbm")));
  }

  private interface Load {
    void run() throws IOException;
  }

  private static void assertRefused(String expected, Load load) {
    ModelFileException e = assertThrows(ModelFileException.class, load::run);
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  private Path saved() throws IOException {
    Path file = dir.resolve("saved.hbm");
    ModelFile.save(file, new SameDiffUNet(TINY), PROVENANCE);
    return file;
  }

  private Path editManifest(Path file, UnaryOperator<String> edit) throws IOException {
    Map<String, byte[]> raw = rawEntries(file);
    String json = new String(raw.get(ModelFile.MANIFEST_ENTRY), StandardCharsets.UTF_8);
    String edited = edit.apply(json);
    assertFalse(edited.equals(json), "the edit must change the manifest");
    raw.put(ModelFile.MANIFEST_ENTRY, edited.getBytes(StandardCharsets.UTF_8));
    Path out = Files.createTempFile(dir, "edited", ".hbm");
    writeZip(out, raw);
    return out;
  }

  private static Map<String, String> entries(Path file) throws IOException {
    Map<String, String> text = new LinkedHashMap<>();
    rawEntries(file).forEach((k, v) -> text.put(k, new String(v, StandardCharsets.UTF_8)));
    return text;
  }

  private static Map<String, byte[]> rawEntries(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    return entries;
  }

  private static void writeZip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  private static float[] images(int n) {
    Random random = new Random(3);
    float[] images = new float[n * TINY.pixelsPerImage()];
    for (int i = 0; i < images.length; i++) {
      images[i] = random.nextFloat();
    }
    return images;
  }
}
