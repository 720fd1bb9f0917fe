package org.heartbeam.model.unet;

import java.util.Random;
import org.heartbeam.model.loss.DiceCrossEntropy;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds a {@link UNetConfig}'s network as a SameDiff graph in NHWC, the layout in which ND4J's
 * conv2d runs on oneDNN (75-250 GFLOP/s here, against 8-17 in NCHW). Up-sampling is
 * 1x1 convs or copies plus concatenations of contiguous blocks (see {@link #upSample} and
 * {@link #nearestUpsample2x}), so every op with real work is a conv2d.
 *
 * <p>Placeholders: {@link #IMAGE} [n, h, w, 1] float, {@link #LABEL} [n, h, w, c] float (one-hot,
 * or 0/1 for one channel) and, when the config has dropout, {@link #DROPOUT_KEEP}: the inverted
 * dropout multiplier after the bottleneck (0 or 1/(1-p) while training, all ones for inference),
 * fed by the caller so that inference is deterministic. Outputs: {@link #PROBABILITIES}
 * [n, h, w, c] and the scalar {@link #LOSS} ({@link DiceCrossEntropy}).
 */
public final class UNetSameDiffGraph {
  public static final String IMAGE = "image";
  public static final String LABEL = "label";
  public static final String DROPOUT_KEEP = "dropoutKeep";
  public static final String PROBABILITIES = "probabilities";
  public static final String LOSS = "loss";

  private final UNetConfig config;
  private final SameDiff sd = SameDiff.create();
  private final Random random;

  private UNetSameDiffGraph(UNetConfig config) {
    this.config = config;
    this.random = new Random(config.seed());
  }

  /** Builds the graph with He-normal initial weights drawn from the config's seed. */
  public static SameDiff build(UNetConfig config) {
    if (config.batchNorm()) {
      throw new UnsupportedOperationException(
          "batch norm is not implemented on the SameDiff engine (it needs running statistics); "
              + "use the ComputationGraph engine or batchNorm(false)");
    }
    return new UNetSameDiffGraph(config).graph();
  }

  private SameDiff graph() {
    int h = config.inputHeight();
    int w = config.inputWidth();
    int channels = config.outputMode().channels();
    SDVariable x = sd.placeHolder(IMAGE, DataType.FLOAT, -1, h, w, 1);
    SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, h, w, channels);

    SDVariable[] skips = new SDVariable[config.depth()];
    int in = 1;
    for (int level = 0; level < config.depth(); level++) {
      int f = config.filters(level);
      x = convRelu("enc" + level + "_a", x, 3, in, f);
      x = convRelu("enc" + level + "_b", x, 3, f, f);
      skips[level] = x;
      x = sd.cnn().maxPooling2d("enc" + level + "_pool", x, Pooling2DConfig.builder()
          .kH(2).kW(2).sH(2).sW(2).type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID)
          .isNHWC(true).build());
      in = f;
    }
    int fb = config.filters(config.depth());
    x = convRelu("bottleneck_a", x, 3, in, fb);
    x = convRelu("bottleneck_b", x, 3, fb, fb);
    if (config.dropout() > 0) {
      int hb = h >> config.depth();
      int wb = w >> config.depth();
      x = x.mul("bottleneck_dropout", sd.placeHolder(DROPOUT_KEEP, DataType.FLOAT, -1, hb, wb, fb));
    }
    for (int level = config.depth() - 1; level >= 0; level--) {
      int f = config.filters(level);
      int below = config.filters(level + 1);
      SDVariable up = upSample("dec" + level + "_up", x, level + 1, below, f);
      x = sd.concat("dec" + level + "_concat", 3, up, skips[level]);
      x = convRelu("dec" + level + "_a", x, 3, 2 * f, f);
      x = convRelu("dec" + level + "_b", x, 3, f, f);
    }
    SDVariable logits = conv("logits", x, 1, config.filters(0), channels, false);
    SDVariable probabilities = channels == 1
        ? sd.nn().sigmoid(PROBABILITIES, logits)
        : sd.nn().softmax(PROBABILITIES, logits, 3);
    DiceCrossEntropy.build(sd, LOSS, logits, probabilities, label, channels, DiceCrossEntropy.DEFAULT_SMOOTH);
    sd.setLossVariables(LOSS);
    return sd;
  }

  private SDVariable convRelu(String name, SDVariable input, int k, int in, int out) {
    return sd.nn().relu(name + "_relu", conv(name, input, k, in, out, true), 0);
  }

  /** A "same" convolution with weights in YXIO [k, k, in, out] and a bias. */
  private SDVariable conv(String name, SDVariable input, int k, int in, int out, boolean relu) {
    SDVariable weights = sd.var(name + "_W", relu
        ? normal(Math.sqrt(2.0 / (k * k * in)), k, k, in, out)
        : normal(xavierStd(k, in, out), k, k, in, out));
    SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, out));
    return sd.cnn().conv2d(name, input, weights, bias, Conv2DConfig.builder()
        .kH(k).kW(k).sH(1).sW(1).paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NHWC).build());
  }

  /** Doubles the resolution of {@code input}, which is at {@code fromLevel}. */
  private SDVariable upSample(String name, SDVariable input, int fromLevel, int in, int out) {
    long h = config.inputHeight() >> fromLevel;
    long w = config.inputWidth() >> fromLevel;
    if (config.upSampling() == UpSampling.UPSAMPLE_CONV) {
      return conv(name, nearestUpsample2x(name + "_nn", input, h, w, in), 3, in, out, false);
    }
    // A 2x2 stride-2 transposed conv writes each output pixel from one input pixel and one kernel
    // tap: out[2y+i, 2x+j, o] = sum_c in[y, x, c] W[i, j, o, c] + b[o]. Output row 2y+i is a 1x1
    // conv of input row y to 2 x out channels ordered (j, o), which in NHWC memory already IS the
    // doubled-width row; the two row parities then interleave as one concat of contiguous blocks.
    // Not deconv2d (no oneDNN kernel: 46% of a reference forward pass) nor depth_to_space (a 6-D
    // permutation copy, 6x slower than a plain copy here). The weights keep libnd4j's deconv2d
    // shape [kH, kW, out, in], so files and initialisation are unchanged.
    SDVariable weights = sd.var(name + "_W", normal(xavierStd(2, in, out), 2, 2, out, in));
    SDVariable bias = sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, out));
    SDVariable bias2 = sd.tile(bias, 2);
    SDVariable[] rows = new SDVariable[2];
    for (int i = 0; i < 2; i++) {
      SDVariable pointwise = weights.get(SDIndex.point(i)).permute(2, 0, 1).reshape(1, 1, in, 2 * out);
      SDVariable row = sd.cnn().conv2d(name + "_row" + i, input, pointwise, bias2, Conv2DConfig.builder()
          .kH(1).kW(1).sH(1).sW(1).paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NHWC).build());
      rows[i] = row.reshape(-1, w * 2 * out);
    }
    return sd.concat(name + "_rows", 1, rows).reshape(name, sd.constant(Nd4j.createFromArray(-1L, 2 * h, 2 * w, out)));
  }

  /**
   * Nearest-neighbour 2x up-sampling of [n, h, w, c] by two concatenations of contiguous blocks: as
   * [n h w, c] side by side with itself it is [n, h, 2w, c] in NHWC memory, and that as [n h, 2w c]
   * side by side with itself is [n, 2h, 2w, c]. Its gradient is two slices and sums. Not
   * {@code upsampling2d} (its NHWC gradient is wrong in ND4J 1.0.0-M2.1: finite differences
   * disagree by 4-10x), {@code resize_nearest_neighbor} (~30x slower), a reshape + broadcast
   * multiply (its gradient, a broadcast reduction, took 36% of a training step) or depth_to_space.
   */
  private SDVariable nearestUpsample2x(String name, SDVariable input, long h, long w, int channels) {
    SDVariable pixels = input.reshape(-1, channels);
    SDVariable wide = sd.concat(name + "_columns", 1, pixels, pixels).reshape(-1, 2 * w * channels);
    return sd.concat(name + "_rows", 1, wide, wide)
        .reshape(name, sd.constant(Nd4j.createFromArray(-1L, 2 * h, 2 * w, channels)));
  }

  /** DL4J's XAVIER for a k x k conv: variance 2 / (fanIn + fanOut), as the reference engine uses. */
  private static double xavierStd(int k, int in, int out) { return Math.sqrt(2.0 / (k * k * (in + out))); }

  /**
   * Normal(0, std^2) weights from the config's seed. ReLU convs use He (std = sqrt(2 / fanIn)),
   * linear ones (up-sampling, logits) Xavier: the same distributions as {@link UNetComputationGraph}.
   */
  private INDArray normal(double std, long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    float[] values = new float[Math.toIntExact(n)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return Nd4j.create(values, shape, 'c');
  }
}
