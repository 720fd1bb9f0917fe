package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.heartbeam.pipelines.infer.InferBench;
import org.heartbeam.phantom.SynthOptions;

/**
 * {@code heartbeam bench infer [--patients=4] [--slices=8] [--phases=10] [--model=FILE]
 * [--parallelism=1,2]}: runs {@link InferBench} in a child JVM with OMP_NUM_THREADS=1, the setting
 * pipelines run with (one model replica per worker thread).
 */
final class InferBenchCommand {
  private InferBenchCommand() {}

  static int run(String[] args, PrintStream out) throws Exception {
    if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
      return BenchCommand.forked(1, Arrays.asList(args), out);
    }
    int patients = 4;
    int slices = 8;
    int phases = 10;
    Path model = null;
    int[] parallelisms = {1, 2};
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new UserError("bench infer options are --name=value, got '" + arg + "'");
      }
      String option = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      switch (option) {
        case "--patients" -> patients = BenchCommand.positiveOption(option, value, 1);
        case "--slices" -> slices = BenchCommand.positiveOption(option, value, 2);
        case "--phases" -> phases = BenchCommand.positiveOption(option, value, 4);
        case "--model" -> {
          model = Path.of(value);
          if (!Files.isRegularFile(model)) {
            throw new UserError("no such model file: " + value);
          }
        }
        case "--parallelism" -> {
          List<Integer> list = new ArrayList<>();
          for (String p : value.split(",")) {
            list.add(BenchCommand.positiveOption(option, p, 1));
          }
          parallelisms = list.stream().mapToInt(Integer::intValue).toArray();
        }
        default -> throw new UserError("unknown option " + arg + " (see heartbeam bench --help)");
      }
    }
    Path work = Files.createTempDirectory("heartbeam-bench-infer");
    new InferBench(work, out).run(SynthOptions.builder().patients(patients).slices(slices).phases(phases).seed(1).build(),
        model, parallelisms);
    out.println("bench infer: outputs kept in " + work);
    return 0;
  }
}
