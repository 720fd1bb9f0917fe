package org.heartbeam.transforms.inference;

import java.io.Serializable;
import java.util.List;

/**
 * What {@link RunInference} needs to know of a model, and all it knows: how to name it, load it,
 * copy it for another thread, and run it on a batch. The handler knows nothing of Beam's bundles,
 * windows or caches; {@link RunInference} knows nothing of the model's insides. Shaped like Beam
 * Python's {@code ModelHandler}.
 *
 * <p>Handlers are serialized into the pipeline: keep them small (a path, a version, settings), and
 * keep the model itself out of them.
 *
 * @param <InputT> one element to predict on
 * @param <OutputT> one prediction, one per input, in input order
 * @param <ModelT> one loaded model instance; instances are never used by two threads at once
 */
public interface ModelHandler<InputT, OutputT, ModelT> extends Serializable {

  /**
   * The JVM-wide cache key: the same for every handler that would load the same model (e.g. file URI
   * plus a content hash), different for any other model or version.
   */
  String modelId();

  /** Loads the model: called once per worker JVM per {@link #modelId()}. */
  ModelT load() throws Exception;

  /**
   * Predicts a batch: exactly one output per input, in order. Throwing fails the whole batch;
   * {@link RunInference} then runs its inputs one by one, so only the inputs that fail alone become
   * dead letters.
   */
  List<OutputT> run(ModelT model, List<InputT> batch) throws Exception;

  /**
   * Names an input in its dead letter: where it came from (file, URI, key). Never a patient name or
   * ID.
   */
  String sourceOf(InputT input);

  /**
   * The handler to run the next batch with. A fixed model returns itself (the default); a handler
   * that follows a registry stage returns the handler of the version that holds the stage now, so a
   * running stream switches models between batches without a restart. {@link RunInference} asks
   * before every batch and keys its JVM-wide cache by the returned handler's {@link #modelId()}, so
   * this must be cheap, and must return a handler whose outputs record its own version.
   */
  default ModelHandler<InputT, OutputT, ModelT> current() throws Exception { return this; }

  /** How large a batch may grow, and how long it may wait for more inputs. */
  default BatchingHints batching() { return BatchingHints.defaults(); }

  /**
   * How many instances of the model one JVM may hold, one per concurrently inferring thread. 1 (the
   * default) means one instance shared under a lock; more means threads beyond the first get a
   * {@link #replicate replica} while they all are busy.
   */
  default int maxReplicas() { return 1; }

  /**
   * A new instance of the loaded model for another thread (e.g. a copy of its weights), or the same
   * instance when the model is thread-safe. Only called when {@link #maxReplicas()} is above 1; it
   * may run while another thread uses {@code loaded}, so it must only read it.
   */
  default ModelT replicate(ModelT loaded) throws Exception {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot replicate its model");
  }
}
