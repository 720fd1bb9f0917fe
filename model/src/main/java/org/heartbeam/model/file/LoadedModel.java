package org.heartbeam.model.file;

import java.util.Objects;
import org.heartbeam.model.unet.SegmentationNet;

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
}
