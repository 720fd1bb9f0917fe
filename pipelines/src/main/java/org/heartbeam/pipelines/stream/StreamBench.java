package org.heartbeam.pipelines.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.model.stats.SummaryStatistics;

/**
 * {@code heartbeam bench stream}: the streaming pipeline on Flink [local] fed from a folder of
 * DICOM files. First its capacity (every file dropped at once: images / (last output - first
 * arrival)), then a steady feed at 25%, 50% and 90% of that capacity, reporting the sustained rate
 * and the arrival-to-output latency p50/p95 of each image (from the per-image records the pipeline
 * writes: {@code latency_ms} = written - arrived). Each level is its own run of the pipeline; one
 * image is fed first and awaited so start-up and model loading are not counted as latency.
 */
public final class StreamBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int POLL_SECONDS = 1;

  private final Path work;
  private final PrintStream out;

  public StreamBench(Path work, PrintStream out) {
    this.work = work;
    this.out = out;
  }

  /** One level's outcome. */
  public record Level(String name, double offeredPerSecond, int images, double sustainedPerSecond,
      double p50Millis, double p95Millis) {}

  /**
   * @param files distinct DICOM images (the last one warms the pipeline up; the others are fed, each at
   *     most once per level: outputs are named by image, so a repeated image would overwrite its record)
   * @param model a model file or registry reference
   */
  public List<Level> run(List<Path> files, String model, int feedSeconds) throws Exception {
    out.printf(Locale.ROOT, "bench stream: %d DICOM files, model %s, poll %d s, Flink [local] x %d%n", files.size(),
        model, POLL_SECONDS, Runtime.getRuntime().availableProcessors());
    out.println("level | offered images/s | images | sustained images/s | latency p50 ms | latency p95 ms");
    List<Level> levels = new ArrayList<>();
    Path warmUp = files.get(files.size() - 1);
    List<Path> feed = files.subList(0, files.size() - 1);
    Level capacity = level("capacity (all at once)", feed, warmUp, model, 0, feed.size());
    print(capacity);
    levels.add(capacity);
    for (double fraction : new double[] {0.25, 0.5, 0.9}) {
      double rate = fraction * capacity.sustainedPerSecond();
      int count = (int) Math.max(4, Math.min(feed.size(), Math.round(rate * feedSeconds)));
      Level l = level(Math.round(fraction * 100) + "% of capacity", feed, warmUp, model, rate, count);
      print(l);
      levels.add(l);
    }
    return levels;
  }

  private void print(Level l) {
    out.printf(Locale.ROOT, "%s | %s | %d | %.2f | %.0f | %.0f%n", l.name(),
        l.offeredPerSecond() > 0 ? String.format(Locale.ROOT, "%.2f", l.offeredPerSecond()) : "all at once",
        l.images(), l.sustainedPerSecond(), l.p50Millis(), l.p95Millis());
  }

  /** One pipeline run: warm-up image, then {@code count} files at {@code rate} per second (0 = at once). */
  private Level level(String name, List<Path> files, Path warmUp, String model, double rate, int count)
      throws Exception {
    Path dir = Files.createTempDirectory(work, "level");
    Path input = Files.createDirectories(dir.resolve("in"));
    Path output = dir.resolve("out");
    double expectedSeconds = rate > 0 ? count / rate : count / 2.0;
    long maxSeconds = Math.round(expectedSeconds * 2 + 60);
    String[] args = {"--input=" + input, "--model=" + model, "--output=" + output,
        "--registry=" + work.resolve("registry"), "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=" + Runtime.getRuntime().availableProcessors(), "--pollSeconds=" + POLL_SECONDS,
        "--maxSeconds=" + maxSeconds, "--shutdownSourcesAfterIdleMs=" + maxSeconds * 1000, "--windowSeconds=10"};
    StreamOptions options = PipelineOptionsFactory.fromArgs(args).as(StreamOptions.class);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<?> stream = runner.submit(() -> StreamPipeline.run(options));
    try {
      drop(warmUp, input.resolve("warmup.dcm"));
      awaitRecords(output, 1, 300, stream);
      long started = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (rate > 0) {
          long due = started + Math.round(i / rate * 1e9);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        drop(files.get(i), input.resolve("f" + i + ".dcm"));
      }
      List<JsonNode> records = awaitRecords(output, count + 1, maxSeconds, stream);
      records.removeIf(r -> r.path("source").asText().endsWith("warmup.dcm"));
      double[] latencies = records.stream().mapToDouble(r -> r.path("latency_ms").asDouble()).toArray();
      long firstArrival = records.stream().mapToLong(r -> millis(r, "arrived_at")).min().orElse(0);
      long lastWritten = records.stream().mapToLong(r -> millis(r, "written_at")).max().orElse(0);
      SummaryStatistics latency = SummaryStatistics.of(latencies);
      double sustained = records.size() / Math.max(1e-3, (lastWritten - firstArrival) / 1000.0);
      return new Level(name, rate, records.size(), sustained, latency.median(),
          SummaryStatistics.quantile(sorted(latencies), latencies.length, 0.95));
    } finally {
      stream.cancel(true);
      runner.shutdownNow();
    }
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static long millis(JsonNode record, String field) {
    return Instant.parse(record.path(field).asText()).toEpochMilli();
  }

  /** Copies as the intake contract asks: a dot-name first, then one atomic rename. */
  private static void drop(Path source, Path target) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
    Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static List<JsonNode> awaitRecords(Path output, int count, long seconds, Future<?> stream) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Path images = output.resolve("images");
    while (System.nanoTime() < deadline) {
      if (stream.isDone()) {
        stream.get(); // surfaces the pipeline's failure
        throw new IllegalStateException("the stream ended before " + count + " images were written");
      }
      List<Path> done = list(images);
      if (done.size() >= count) {
        List<JsonNode> records = new ArrayList<>();
        for (Path p : done) {
          records.add(JSON.readTree(p.toFile()));
        }
        return records;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("timed out waiting for " + count + " image records in " + images);
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString()
          .startsWith(".")).collect(Collectors.toList());
    }
  }
}
