package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
    int patients = 2;
    int slices = 8;
    int phases = 10;
    int feedSeconds = 40;
    String model = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new UserError("bench stream options are --name=value, got '" + arg + "'");
      }
      String option = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      switch (option) {
        case "--patients" -> patients = BenchCommand.positiveOption(option, value, 1);
        case "--slices" -> slices = BenchCommand.positiveOption(option, value, 2);
        case "--phases" -> phases = BenchCommand.positiveOption(option, value, 4);
        case "--feedSeconds" -> feedSeconds = BenchCommand.positiveOption(option, value, 5);
        case "--model" -> model = value;
        default -> throw new UserError("unknown option " + arg + " (see heartbeam bench --help)");
      }
    }
    Path work = Files.createTempDirectory("heartbeam-bench-stream");
    Path phantom = work.resolve("phantom");
    SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(patients).slices(slices).phases(phases).seed(1).build(), phantom);
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
