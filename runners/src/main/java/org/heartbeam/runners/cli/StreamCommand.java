package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.apache.beam.sdk.PipelineResult;
import org.heartbeam.pipelines.stream.StreamOptions;
import org.heartbeam.pipelines.stream.StreamPipeline;
import org.heartbeam.registry.RegistryException;

/** {@code heartbeam stream}: segment DICOM files as they arrive in a folder, following the production model. */
final class StreamCommand implements Command {
  @Override
  public String name() {
    return "stream";
  }

  @Override
  public String summary() {
    return "watch a folder: segment each arriving DICOM image, windowed run statistics, EF per study session";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam stream --input=<watched folder> --model=<name@production or .hbm> --output=<folder>");
    out.println("                        [--windowSeconds=60] [--sessionGapSeconds=30] [--pollSeconds=2]");
    out.println("                        [--idleStopSeconds=0] [--maxSeconds=0] [--registry=heartbeam-out/registry]");
    out.println();
    out.println("Writes images/<image key>.<model version>.json per image (LV area, model version, latency),");
    out.println("windows/<start>_<end>.json per fixed window (count, mean Dice, mean LV area, latency p50/p95),");
    out.println("volumes/<series>.<version>.<session start>.json when a study stops receiving images (EDV, ESV, EF)");
    out.println("seg/<study>/<series>/seg.<version>.dcm, the DICOM SEG of the same session,");
    out.println("and dead_letters/. A promotion in the registry reaches the running stream within");
    out.println("--modelRefreshSeconds. Runs until stopped (Ctrl-C) unless --idleStopSeconds or --maxSeconds.");
    out.println("Pair it with `heartbeam receive --output=<watched folder>`.");
    out.println();
    PipelineArgs.printPipelineHelp(out, StreamOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    StreamOptions options = PipelineArgs.parse(withSourceLifetime(args), StreamOptions.class);
    out.printf("stream: watching %s with %s; outputs in %s%n", options.getInput(), options.getModel(),
        options.getOutput());
    PipelineResult result;
    try {
      result = StreamPipeline.run(options);
    } catch (RegistryException e) {
      throw new UserError(e.getMessage());
    }
    out.println("stream: ended in state " + result.getState());
    return result.getState() == PipelineResult.State.DONE ? 0 : 1;
  }

  /**
   * On Flink, keeps the impulse source alive for the stream's whole life unless the user said
   * otherwise: when it shuts down, its final watermark passes through Flink's SDF operator to the
   * windows, which then drop every later image as late. So the job lives until --maxSeconds (the
   * windows are flushed then), or until cancelled; --idleStopSeconds alone stops the watch only.
   */
  static String[] withSourceLifetime(String[] args) {
    String[] withRunner = PipelineArgs.withDefaultRunner(args);
    boolean flink = Arrays.stream(withRunner).anyMatch(a -> a.equals("--runner=FlinkRunner"));
    boolean set = Arrays.stream(withRunner).anyMatch(a -> a.startsWith("--shutdownSourcesAfterIdleMs"));
    if (!flink || set) {
      return withRunner;
    }
    long maxSeconds = Arrays.stream(withRunner).filter(a -> a.startsWith("--maxSeconds="))
        .mapToLong(a -> Long.parseLong(a.substring("--maxSeconds=".length()))).findFirst().orElse(0);
    String[] more = Arrays.copyOf(withRunner, withRunner.length + 1);
    more[withRunner.length] = "--shutdownSourcesAfterIdleMs=" + (maxSeconds > 0 ? maxSeconds * 1000 : Long.MAX_VALUE);
    return more;
  }
}
