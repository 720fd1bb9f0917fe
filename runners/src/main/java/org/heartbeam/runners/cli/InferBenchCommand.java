package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
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
    BenchOptions options = BenchOptions.parse("infer", args, Set.of("patients", "slices", "phases", "model",
        "parallelism"));
    SynthOptions phantom = options.phantom(4);
    int[] parallelisms = options.positives("parallelism", new int[] {1, 2}, 1);
    Path model = options.text("model").map(Path::of).orElse(null);
    if (model != null && !Files.isRegularFile(model)) {
      throw new UserError("no such model file: " + model);
    }
    Path work = Files.createTempDirectory("heartbeam-bench-infer");
    new InferBench(work, out).run(phantom, model, parallelisms);
    out.println("bench infer: outputs kept in " + work);
    return 0;
  }
}
