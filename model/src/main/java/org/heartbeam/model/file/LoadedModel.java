package org.heartbeam.model.file;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.heartbeam.model.unet.SegmentationNet;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A network read from a model file, with the manifest that describes it. */
public final class LoadedModel {
  private final ModelManifest manifest;
  private final SegmentationNet net;

  LoadedModel(ModelManifest manifest, SegmentationNet net) {
    this.manifest = Objects.requireNonNull(manifest, "manifest");
    this.net = Objects.requireNonNull(net, "net");
  }

  public ModelManifest manifest() { return manifest; }

  /** The network, weights restored; not thread-safe (see {@link SegmentationNet}). */
  public SegmentationNet net() { return net; }

  /**
   * Another network of the same engine and architecture holding a copy of these weights, for another
   * thread: the nets are not thread-safe, and copying weights in memory spares re-reading and
   * re-checking the file. Only reads this model's weights, so it may run while this net predicts.
   */
  public LoadedModel replica() {
    SegmentationNet copy = ModelFile.ENGINES.get(manifest.engine()).apply(manifest.config());
    LinkedHashMap<String, INDArray> targets = copy.weights();
    for (Map.Entry<String, INDArray> weight : net.weights().entrySet()) {
      targets.get(weight.getKey()).assign(weight.getValue());
    }
    return new LoadedModel(manifest, copy);
  }
}
