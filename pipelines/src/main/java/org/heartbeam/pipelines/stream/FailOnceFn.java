package org.heartbeam.pipelines.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * TEST ONLY (option {@code --failOnceAfterImages}): passes records through and, once this JVM has
 * passed {@code afterImages} of them, throws a single time to kill the task mid-stream. The marker
 * file makes it "once" across the runner's restart (the restarted task would otherwise count again)
 * and lets the test see that the failure really happened.
 */
final class FailOnceFn extends DoFn<StreamedImage, StreamedImage> {
  private static final long serialVersionUID = 1L;
  /** Records passed per marker in this JVM: the count survives the task's restart, as the marker does. */
  private static final ConcurrentHashMap<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

  private final int afterImages;
  private final String marker;
  private final Counter injected = Metrics.counter(StreamPipeline.class, "injectedFailures");

  FailOnceFn(int afterImages, String marker) {
    this.afterImages = afterImages;
    this.marker = marker;
  }

  @ProcessElement
  public void processElement(@Element StreamedImage image, OutputReceiver<StreamedImage> out) throws Exception {
    out.output(image);
    AtomicInteger seen = SEEN.computeIfAbsent(marker, m -> new AtomicInteger());
    if (seen.incrementAndGet() >= afterImages) {
      Path file = Path.of(marker);
      synchronized (seen) {
        if (Files.exists(file)) {
          return;
        }
        Files.writeString(file, "failed after " + seen.get() + " images\n");
      }
      injected.inc();
      throw new IllegalStateException("injected test failure after " + afterImages + " images (--failOnceAfterImages)");
    }
  }
}
