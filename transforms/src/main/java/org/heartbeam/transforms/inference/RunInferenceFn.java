package org.heartbeam.transforms.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches a bundle's inputs per window, runs each batch on an instance of the JVM-wide shared model,
 * and outputs every prediction with its input's own timestamp and window. A failed batch is re-run
 * input by input; an input that fails alone becomes a dead letter (stage {@value #STAGE}), so
 * inputs = outputs + dead letters.
 *
 * <p>The model is fetched from {@link SharedModels} (for the handler's {@link ModelHandler#current()}
 * model, asked per batch) and loaded by the first batch that needs it, in a
 * bundle, where metrics are reported (a runner may not report metrics from {@code @Setup}). A model
 * that cannot be loaded fails the bundle: that is a configuration error, not a bad input.
 */
final class RunInferenceFn<InputT, OutputT, ModelT> extends DoFn<InputT, OutputT> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RunInferenceFn.class);
  static final String STAGE = "inference";

  private final ModelHandler<InputT, OutputT, ModelT> handler;
  private final TupleTag<OutputT> outputTag;
  private final Counter modelLoads = Metrics.counter(RunInference.class, "modelLoads");
  private final Counter modelReplicas = Metrics.counter(RunInference.class, "modelReplicas");
  private final Counter images = Metrics.counter(RunInference.class, "images");
  private final Counter emitted = Metrics.counter(RunInference.class, "emitted");
  private final Counter failures = Metrics.counter(RunInference.class, "failures");
  private final Counter batches = Metrics.counter(RunInference.class, "batches");
  private final Distribution batchSize = Metrics.distribution(RunInference.class, "batchSize");
  private final Distribution millisPerBatch = Metrics.distribution(RunInference.class, "inferenceMillisPerBatch");

  private transient Map<BoundedWindow, PendingBatch<InputT>> pending;

  RunInferenceFn(ModelHandler<InputT, OutputT, ModelT> handler, TupleTag<OutputT> outputTag) {
    this.handler = Objects.requireNonNull(handler, "handler");
    this.outputTag = Objects.requireNonNull(outputTag, "outputTag");
  }

  /** Where one batch's results go: the process context or the finish-bundle context. */
  private interface Emitter<OutputT> {
    void output(OutputT result, Instant timestamp);

    void deadLetter(DeadLetter deadLetter, Instant timestamp);
  }

  @StartBundle
  public void startBundle() {
    pending = new HashMap<>();
  }

  @ProcessElement
  public void processElement(@Element InputT input, @Timestamp Instant timestamp, BoundedWindow window,
      MultiOutputReceiver out) throws Exception {
    images.inc();
    PendingBatch<InputT> batch = pending.computeIfAbsent(window, w -> new PendingBatch<>());
    batch.add(input, timestamp);
    BatchingHints hints = handler.batching();
    if (batch.size() >= hints.maxBatchSize() || batch.waitedAtLeast(hints.maxWait())) {
      pending.remove(window);
      // Every input of this batch is in the current window, so the receiver puts results there.
      infer(batch, new Emitter<>() {
        @Override
        public void output(OutputT result, Instant t) { out.get(outputTag).outputWithTimestamp(result, t); }

        @Override
        public void deadLetter(DeadLetter d, Instant t) {
          out.get(WithDeadLetters.DEAD_LETTER_TAG).outputWithTimestamp(d, t);
        }
      });
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws Exception {
    for (Map.Entry<BoundedWindow, PendingBatch<InputT>> entry : pending.entrySet()) {
      BoundedWindow window = entry.getKey();
      infer(entry.getValue(), new Emitter<>() {
        @Override
        public void output(OutputT result, Instant t) { context.output(outputTag, result, t, window); }

        @Override
        public void deadLetter(DeadLetter d, Instant t) {
          context.output(WithDeadLetters.DEAD_LETTER_TAG, d, t, window);
        }
      });
    }
    pending.clear();
  }

  /**
   * A batch's results go out with their own inputs' timestamps, which may be earlier than the input
   * being processed. That is safe here: they all come from inputs of this same bundle, which hold
   * the watermark until the bundle commits, exactly as outputs from {@code @FinishBundle} do.
   */
  @Override
  @SuppressWarnings("deprecation")
  public Duration getAllowedTimestampSkew() { return Duration.millis(Long.MAX_VALUE); }

  private void infer(PendingBatch<InputT> batch, Emitter<OutputT> emitter) throws Exception {
    // Asked per batch: a handler that follows a registry stage may name a new version since the last.
    ModelHandler<InputT, OutputT, ModelT> current = handler.current();
    ModelPool<ModelT> pool = SharedModels.pool(current);
    if (pool.loadOnce()) {
      modelLoads.inc();
      LOG.info("loaded model {} in this JVM", current.modelId());
    }
    ModelT model = pool.borrow(modelReplicas::inc);
    try {
      List<OutputT> results;
      try {
        results = timedRun(current, model, batch.inputs());
      } catch (Exception e) {
        LOG.warn("a batch of {} failed ({}); running its inputs one by one", batch.size(), DeadLetter.of("", STAGE, e)
            .reason());
        inferOneByOne(current, model, batch, emitter);
        return;
      }
      for (int i = 0; i < results.size(); i++) {
        emitted.inc();
        emitter.output(results.get(i), batch.timestamp(i));
      }
    } finally {
      pool.giveBack(model);
    }
  }

  private void inferOneByOne(ModelHandler<InputT, OutputT, ModelT> current, ModelT model, PendingBatch<InputT> batch,
      Emitter<OutputT> emitter) {
    for (int i = 0; i < batch.size(); i++) {
      InputT input = batch.inputs().get(i);
      OutputT result;
      try {
        result = timedRun(current, model, List.of(input)).get(0);
      } catch (Exception e) {
        // Only this input fails: the rest of the batch goes on, and this one is on the record.
        failures.inc();
        emitter.deadLetter(DeadLetter.of(handler.sourceOf(input), STAGE, e), batch.timestamp(i));
        continue;
      }
      emitted.inc();
      emitter.output(result, batch.timestamp(i));
    }
  }

  /** Runs the handler and checks it kept its contract (one result per input), timing the batch. */
  private List<OutputT> timedRun(ModelHandler<InputT, OutputT, ModelT> current, ModelT model, List<InputT> inputs)
      throws Exception {
    batches.inc();
    batchSize.update(inputs.size());
    long start = System.nanoTime();
    List<OutputT> results = current.run(model, inputs);
    millisPerBatch.update((System.nanoTime() - start) / 1_000_000);
    if (results == null || results.size() != inputs.size()) {
      throw new IllegalStateException("the model handler returned " + (results == null ? "null" : results.size()
          + " results") + " for " + inputs.size() + " inputs");
    }
    return results;
  }
}
