package org.heartbeam.model.unet;

import java.util.LinkedHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A U-Net for LV segmentation, whatever engine runs it: load (construct), predict a batch, train a
 * batch. Images and masks travel as flat row-major arrays, n images of
 * {@link UNetConfig#inputHeight()} x {@link UNetConfig#inputWidth()} one after the other, already
 * preprocessed (resized, normalised) to the config's input size.
 *
 * <p>Not thread-safe: give each thread its own instance (DL4J's {@code ComputationGraph.output()}
 * is synchronized anyway, and training mutates the weights).
 */
public interface SegmentationNet {

  UNetConfig config();

  /** Short engine name for logs and benchmarks, e.g. "samediff-nhwc". */
  String engine();

  /** Parameters the engine actually holds (for checks against {@link UNetConfig#parameterCount()}). */
  long parameterCount();

  /**
   * The trainable weight arrays by name, in a fixed order (the graph's), as live views: assigning
   * into one changes the net. Model files save and restore the net through this map; the names and
   * shapes are the engine's own (SameDiff conv weights are [kH, kW, in, out], DL4J's [out, in, kH, kW]).
   */
  LinkedHashMap<String, INDArray> weights();

  /**
   * LV probabilities of n images.
   *
   * @param images n x h x w pixels
   * @return n arrays of h x w probabilities in [0, 1]
   */
  float[][] predictProbabilities(float[] images, int n);

  /**
   * One Adam step on one batch, with the Dice + cross-entropy loss.
   *
   * @param images n x h x w pixels
   * @param masks n x h x w labels, each 0 or 1 (1 = LV)
   * @return the batch's loss, computed in the forward pass before the update
   */
  double fitBatch(float[] images, byte[] masks, int n);
}
