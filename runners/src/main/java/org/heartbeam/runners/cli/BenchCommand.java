package org.heartbeam.runners.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.heartbeam.model.bench.BenchNetwork;
import org.heartbeam.model.bench.ModelBench;

/**
 * {@code heartbeam bench model}: U-Net throughput on this machine, for the reference network and the
 * default model. OpenMP reads its thread count once, when the native library loads, so
 * {@code --threads N} runs the benchmark in a child JVM started with OMP_NUM_THREADS=N.
 */
final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "benchmarks: 'bench model' (U-Net speed), 'bench infer' (pipeline vs bare model loop), 'bench stream'";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam bench model [--repeats=N] [--warmup=N] [--input=SIZE[,SIZE...]] [--variants] [--threads=N[,N...]]");
    out.println("       heartbeam bench infer [--patients=4] [--slices=8] [--phases=10] [--model=FILE] [--parallelism=1,2]");
    out.println("       heartbeam bench stream [--patients=2] [--slices=8] [--phases=10] [--model=FILE] [--feedSeconds=40]");
    out.println();
    out.println("bench infer: a phantom DICOM archive through the whole inference pipeline on Flink [local] (masks,");
    out.println("overlays, SEG, statistics written) next to the bare model loop on the same images in the same JVM");
    out.println("(one replica per thread, same batch), at each parallelism; and the model's memory per worker JVM.");
    out.println("bench stream: the streaming pipeline on Flink [local] fed from a folder: its capacity (all files at");
    out.println("once), then a steady feed at 25%, 50% and 90% of it: sustained images/s, latency p50/p95.");
    out.println();
    out.println("For the reference U-Net (depth 4, 16..256 filters, transposed-conv up-sampling, 256x256) and the");
    out.println("default model (the same on the 160x160 heart region), on the SameDiff NHWC engine: images/s and");
    out.println("GFLOP/s for inference at batch 1 and 8 and for one training step at batch 8, each the median of");
    out.println("the repeats after warm-up, with the backend, oneDNN and thread count used. With one OpenMP");
    out.println("thread it also runs one net per core side by side (how a Beam worker uses the cores), which");
    out.println("was the fastest setting measured here. About 1-2 minutes per input size and thread count.");
    out.println();
    out.println("  --repeats=N       timed runs per figure (default 3)");
    out.println("  --warmup=N        untimed runs first (default 1)");
    out.println("  --input=SIZE,...  square input sizes for the reference network (default 256)");
    out.println("  --variants        also the up-sample + 3x3 conv variant at each input size");
    out.println("  --threads=N,...   OpenMP threads, each in a child JVM (default: this JVM's OMP_NUM_THREADS)");
  }

  @Override
  public Set<String> flagOptions() {
    return Set.of("variants");
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    if (args.length > 0 && args[0].equals("infer")) {
      return InferBenchCommand.run(args, out);
    }
    if (args.length > 0 && args[0].equals("stream")) {
      return StreamBenchCommand.run(args, out);
    }
    if (args.length == 0 || !args[0].equals("model")) {
      throw new UserError("name what to benchmark: 'heartbeam bench model', 'bench infer' or 'bench stream' (got "
          + (args.length == 0 ? "nothing" : "'" + args[0] + "'") + ")");
    }
    int repeats = 3;
    int warmUp = 1;
    List<Integer> inputs = List.of(256);
    List<Integer> threads = new ArrayList<>();
    List<String> passOn = new ArrayList<>();
    boolean variants = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--variants")) {
        variants = true;
        passOn.add(arg);
        continue;
      }
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (value == null && i + 1 < args.length && option.startsWith("--")) {
        value = args[++i];
      }
      switch (option) {
        case "--repeats":
          repeats = positive(option, value, 1);
          break;
        case "--warmup":
          warmUp = positive(option, value, 0);
          break;
        case "--input":
          inputs = new ArrayList<>();
          for (String size : (value == null ? "" : value).split(",")) {
            inputs.add(positive(option, size, 16));
          }
          break;
        case "--threads":
          for (String n : (value == null ? "" : value).split(",")) {
            threads.add(positive(option, n, 1));
          }
          continue;
        default:
          throw new UserError("unknown option " + arg + " (see heartbeam bench --help)");
      }
      passOn.add(option + "=" + value);
    }
    int status = 0;
    for (int n : threads) {
      List<String> childArgs = new ArrayList<>(List.of("model"));
      childArgs.addAll(passOn);
      status = Math.max(status, forked(n, childArgs, out));
    }
    if (!threads.isEmpty()) {
      return status;
    }
    ModelBench bench = new ModelBench(repeats, warmUp, out);
    bench.printEnvironment();
    bench.convProbe();
    bench.printHeader();
    for (int size : inputs) {
      if (size % 16 != 0) {
        throw new UserError("--input " + size + " must be a multiple of 16 (the U-Net pools 4 times)");
      }
      bench.measure(BenchNetwork.reference(size));
      if (variants) {
        bench.measure(BenchNetwork.upsampleConv(size));
      }
    }
    bench.measure(BenchNetwork.defaultModel());
    return 0;
  }

  /** The same bench in a child JVM with OMP_NUM_THREADS set, its output copied to {@code out}. */
  static int forked(int threads, List<String> args, PrintStream out) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HeartBeamCli.class.getName());
    command.add("bench");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    Process process = builder.start();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().forEach(out::println);
    }
    return process.waitFor();
  }

  private static int positive(String option, String value, int min) {
    return BenchOptions.positive(option, value, min);
  }
}
