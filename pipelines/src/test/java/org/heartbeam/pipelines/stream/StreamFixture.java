package org.heartbeam.pipelines.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.heartbeam.testing.TrainingRunFolder;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.PromotionGate;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;

/**
 * What the stream tests share: phantom DICOM files to drop (1 patient x 3 slices x 4 phases, 128x128),
 * a registry with two tiny model versions (v1 in production), and readers of the output folder.
 */
final class StreamFixture {
  static final String MODEL = "lv-unet";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path root;
  final Path watched;
  final Path output;
  final Path registry;
  final List<Path> phantomFiles;

  StreamFixture(Path root) throws IOException {
    this.root = root;
    this.watched = Files.createDirectories(root.resolve("watched"));
    this.output = root.resolve("out");
    this.registry = root.resolve("registry");
    Path synth = root.resolve("synth");
    SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(1).slices(3).phases(4).seed(5).rows(128).cols(128).build(), synth);
    try (Stream<Path> files = Files.walk(synth.resolve("dicoms"))) {
      phantomFiles = files.filter(Files::isRegularFile).sorted().toList();
    }
    ModelRegistry models = ModelRegistry.at(registry.toString());
    models.register(MODEL, TrainingRunFolder.write(root.resolve("run1"), 1, 0.8).toString());
    models.register(MODEL, TrainingRunFolder.write(root.resolve("run2"), 2, 0.9).toString());
    promote(MODEL + "@1");
  }

  void promote(String ref) throws IOException {
    ModelRegistry.at(registry.toString()).promote(ref, PromotionGate.of(0.0, 600_000).withLatencyRuns(1, 0, 1));
  }

  /** Where phantom file {@code i} lands in the watched folder (a folder per series, as a receiver would). */
  Path target(int i) {
    Path file = phantomFiles.get(i);
    return watched.resolve(file.getParent().getFileName().toString()).resolve(i + "-" + file.getFileName());
  }

  String[] args(String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + watched, "--model=" + MODEL + "@production",
        "--registry=" + registry, "--output=" + output, "--pollSeconds=1", "--windowSeconds=5",
        "--sessionGapSeconds=20", "--modelRefreshSeconds=0", "--idleStopSeconds=6", "--maxSeconds=80",
        "--batchSize=2", "--modelReplicas=1"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Every JSON file of an output subfolder (hidden temporary files would be a bug: they are listed too). */
  List<JsonNode> read(String folder) throws IOException {
    Path dir = output.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<JsonNode> nodes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        nodes.add(JSON.readTree(file.toFile()));
      }
    }
    return nodes;
  }

  long count(String folder) throws IOException {
    Path dir = output.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }
}
