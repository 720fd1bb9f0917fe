package org.heartbeam.pipelines.stream;

/**
 * How the stream tests run on Flink [local]. Flink's impulse source must outlive the watch: once it
 * shuts down its final watermark passes straight through Flink's SDF operator (the watch's watermark
 * hold is not honoured), every later image is behind the watermark and the windows drop it. With
 * {@code --shutdownSourcesAfterIdleMs=0} (the usual test setting) no window would ever see an image.
 * So it shuts down after a time longer than a test's stream, which then ends the job.
 */
final class StreamFlinkSettings {
  static final long SOURCE_IDLE_MS = 30_000;

  private StreamFlinkSettings() {}
}
