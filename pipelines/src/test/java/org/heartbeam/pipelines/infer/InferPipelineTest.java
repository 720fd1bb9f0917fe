package org.heartbeam.pipelines.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.testing.MalformedDicomCorpus;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inference pipeline end to end with a tiny (untrained) model on a phantom DICOM folder with the
 * malformed corpus mixed in, on DirectRunner and on Flink [local]: the run completes, every good image
 * is segmented, every bad file is one dead letter, counts reconcile, the model is loaded once, and
 * the statistics and volumes files are there. (Segmentation QUALITY is checked with a trained model
 * in the demo test; here the model only has to run.)
 */
class InferPipelineTest {
  static final int SLICES = 3;
  static final int PHASES = 4;

  @Test
  @Timeout(300)
  void directRunner(@TempDir Path tmp) throws Exception {
    runAndCheck(tmp, "--runner=DirectRunner");
  }

  @Tag("flink")
  @Test
  @Timeout(300)
  void flinkLocal(@TempDir Path tmp) throws Exception {
    runAndCheck(tmp, "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
  }

  private static void runAndCheck(Path tmp, String... runnerArgs) throws Exception {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(2).slices(SLICES).phases(PHASES).seed(9).rows(128).cols(128).build(), synth);
    Path folder = synth.resolve("dicoms");
    Map<String, String> malformed = MalformedDicomCorpus.writeTo(folder.resolve("incoming"));
    long good = 2L * SLICES * PHASES;
    Path model = tinyModel(tmp.resolve("tiny.hbm"));

    Path out = tmp.resolve("out");
    String[] args = Stream.concat(Stream.of("--input=" + folder, "--model=" + model, "--output=" + out,
        "--registry=" + tmp.resolve("registry")), Stream.of(runnerArgs)).toArray(String[]::new);
    InferManifest manifest = InferPipeline.run(PipelineOptionsFactory.fromArgs(args).as(InferOptions.class));

    assertEquals(good, manifest.imagesSegmented());
    assertEquals(malformed.size(), manifest.inputsDeadLettered());
    assertEquals(0, manifest.outputFailures(), manifest.json().path("dead_letters").toString());
    assertEquals(Optional.of(true), manifest.reconciles(), manifest.json().path("reconciliation").toString());
    assertEquals(1, manifest.counter("RunInference.modelLoads"));
    assertTrue(manifest.modelVersion().startsWith("file:sha256:"), manifest.modelVersion());

    List<String> images = Files.readAllLines(out.resolve("images.csv"), StandardCharsets.UTF_8);
    assertEquals(good + 1, images.size(), "header + one row per image");
    JsonNode area = manifest.runMetric("lv_area_mm2");
    assertEquals(good, area.path("count").asLong());
    // Two cine series (one per phantom patient), each with a volume row: computable or with its reason.
    assertEquals(2, manifest.volumes().size(), manifest.volumes().toString());
    for (JsonNode v : manifest.volumes()) {
      assertEquals(SLICES, v.path("slices").asInt(), v.toString());
    }
    assertTrue(Files.size(out.resolve("dead_letters.jsonl")) > 0);
    // A mask and an overlay PNG per image, one DICOM SEG per series.
    assertEquals(good, countFiles(out.resolve(InferPipeline.MASKS_DIR), "_mask.png"));
    assertEquals(good, countFiles(out.resolve(InferPipeline.MASKS_DIR), "_overlay.png"));
    assertEquals(2, countFiles(out.resolve(InferPipeline.SEG_DIR), "seg.dcm"));
  }

  static long countFiles(Path dir, String suffix) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }

  static Path tinyModel(Path file) throws Exception {
    UNetConfig config = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build();
    ModelFile.save(file, new SameDiffUNet(config),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32).withSpacing(4.0)));
    return file;
  }
}
