package org.heartbeam.transforms.inference;

import java.util.concurrent.LinkedBlockingDeque;

/**
 * The instances of one model in one JVM: the model loaded once, plus replicas made on demand, up to
 * the handler's {@link ModelHandler#maxReplicas()}, for threads that find every instance busy. A
 * thread borrows an instance, runs a batch, and gives it back; with one instance this is a lock.
 */
final class ModelPool<ModelT> {
  private final ModelHandler<?, ?, ModelT> handler;
  // Last in, first out: the most recently used instance has its buffers warm.
  private final LinkedBlockingDeque<ModelT> idle = new LinkedBlockingDeque<>();
  private volatile ModelT loaded;
  private int instances; // guarded by this

  ModelPool(ModelHandler<?, ?, ModelT> handler) {
    this.handler = handler;
  }

  /**
   * Loads the model unless it is loaded; under races exactly one caller loads.
   *
   * @return true if this call loaded it
   */
  boolean loadOnce() throws Exception {
    if (loaded != null) {
      return false;
    }
    synchronized (this) {
      if (loaded != null) {
        return false;
      }
      ModelT model = handler.load();
      idle.addFirst(model);
      instances = 1;
      loaded = model;
      return true;
    }
  }

  /**
   * An instance no other thread uses until {@link #giveBack}: an idle one, else a new replica while
   * under the maximum, else the next one given back. Call {@link #loadOnce()} first.
   *
   * @param onNewReplica told when this call made a replica
   */
  ModelT borrow(Runnable onNewReplica) throws Exception {
    ModelT model = idle.pollFirst();
    if (model != null) {
      return model;
    }
    synchronized (this) {
      if (instances < handler.maxReplicas()) {
        ModelT replica = handler.replicate(loaded);
        instances++;
        onNewReplica.run();
        return replica;
      }
    }
    return idle.takeFirst();
  }

  void giveBack(ModelT model) {
    idle.addFirst(model);
  }

  /** Instances made so far: the loaded model and its replicas. */
  synchronized int instances() { return instances; }
}
