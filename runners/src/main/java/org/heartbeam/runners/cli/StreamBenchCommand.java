package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.pipelines.stream.StreamBench;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;

/**
 * {@code heartbeam bench stream [--patients=2] [--slices=8] [--phases=10] [--model=FILE] [--feedSeconds=40]}:
 * runs {@link StreamBench} on phantom DICOM files, in a child JVM with OMP_NUM_THREADS=1 (the
 * pipelines' setting). Without --model, the default architecture with fresh weights (speed does not
 * depend on the weights' values).
 */
final class StreamBenchCommand {
  private StreamBenchCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
      return BenchCommand.forked(1, Arrays.asList(args), out);
    }
    BenchOptions options = BenchOptions.parse("stream", args, Set.of("patients", "slices", "phases", "feedSeconds",
        "model"));
    SynthOptions phantomOptions = options.phantom(2);
    int feedSeconds = options.positive("feedSeconds", 40, 5);
    String model = options.text("model").orElse(null);
    Path work = Files.createTempDirectory("heartbeam-bench-stream");
    Path phantom = work.resolve("phantom");
    SyntheticStudyGenerator.generate(phantomOptions, phantom);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(phantom.resolve("dicoms"))) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    if (model == null) {
      Path file = work.resolve("default.hbm");
      ModelFile.save(file, new SameDiffUNet(UNetConfig.defaultModel()),
          ModelProvenance.of(PreprocessOptions.modelDefaults(UNetConfig.DEFAULT_INPUT_SIZE)));
      model = file.toString();
    }
    new StreamBench(work, out).run(files, model, feedSeconds);
    out.println("bench stream: outputs kept in " + work);
    return 0;
  }
}
