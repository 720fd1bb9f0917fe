package org.heartbeam.transforms.inference;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The JVM-wide model cache: one {@link ModelPool} per {@link ModelHandler#modelId()}, shared by every
 * DoFn instance, thread and bundle in this JVM, so a model is loaded once per worker however the
 * runner spreads the work (Flink runs one DoFn instance per slot, the DirectRunner several).
 *
 * <p>Entries are never evicted: a batch pipeline uses one model version for its life, and a stream that
 * hot-swaps ({@link ModelHandler#current()}) keeps each version it used in memory (a few MB per
 * promotion for the U-Net), so a version promoted back is not reloaded.
 */
final class SharedModels {
  private static final ConcurrentHashMap<String, ModelPool<?>> POOLS = new ConcurrentHashMap<>();

  private SharedModels() {}

  /** The pool for the handler's model, created (not loaded) on first use; the first handler's settings win. */
  @SuppressWarnings("unchecked")
  static <ModelT> ModelPool<ModelT> pool(ModelHandler<?, ?, ModelT> handler) {
    return (ModelPool<ModelT>) POOLS.computeIfAbsent(handler.modelId(), id -> new ModelPool<>(handler));
  }
}
