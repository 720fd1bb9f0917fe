package org.heartbeam.model.unet;

import java.io.Serializable;
import java.util.Objects;

/**
 * The architecture and training settings of a 2-D U-Net for LV segmentation; both engines
 * ({@link SameDiffUNet}, {@link ComputationGraphUNet}) build the same network from it.
 *
 * <p>The network, for {@code depth} = D and {@code baseFilters} = F (filters at level l: F x 2^l):
 * <ul>
 *   <li>input H x W x 1 (one grey channel);
 *   <li>contracting path, levels l = 0..D-1: two 3x3 "same" convolutions (+ batch norm) + ReLU with
 *       F x 2^l filters, then 2x2 max pooling, stride 2;
 *   <li>bottleneck at level D: the same two convolutions with F x 2^D filters, then dropout;
 *   <li>expanding path, levels l = D-1..0: up-sampling to F x 2^l channels ({@link UpSampling}),
 *       concatenation with the skip connection of level l, two 3x3 convolutions as above;
 *   <li>a 1x1 convolution to {@link OutputMode#channels()} channels, then softmax or sigmoid.
 * </ul>
 * With batch norm on, convolutions before a batch norm have no bias (it would be redundant).
 *
 * <p>The reference ({@link #reference()}: the seed's net, 256x256, D = 4, F = 16, no batch norm,
 * transposed-conv up-sampling, 2-class softmax) has 1,940,834 parameters and costs 3.01 G
 * multiply-adds (6.03 GFLOP) per image forward.
 */
public final class UNetConfig implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 6;
  private static final int MAX_FILTERS = 4096;

  private final int inputHeight;
  private final int inputWidth;
  private final int depth;
  private final int baseFilters;
  private final boolean batchNorm;
  private final double dropout;
  private final UpSampling upSampling;
  private final OutputMode outputMode;
  private final double learningRate;
  private final long seed;

  private UNetConfig(Builder b) {
    require(b.depth >= 1 && b.depth <= MAX_DEPTH, "depth must be 1.." + MAX_DEPTH + ": " + b.depth);
    int divisor = 1 << b.depth;
    require(b.inputHeight >= divisor && b.inputHeight % divisor == 0,
        "input height " + b.inputHeight + " must be a positive multiple of 2^depth = " + divisor);
    require(b.inputWidth >= divisor && b.inputWidth % divisor == 0,
        "input width " + b.inputWidth + " must be a positive multiple of 2^depth = " + divisor);
    require(b.baseFilters >= 1 && ((long) b.baseFilters << b.depth) <= MAX_FILTERS,
        "base filters " + b.baseFilters + " must be >= 1 and base x 2^depth <= " + MAX_FILTERS);
    require(b.dropout >= 0 && b.dropout < 1, "dropout must be in [0, 1): " + b.dropout);
    require(b.learningRate > 0 && Double.isFinite(b.learningRate), "learning rate must be > 0: " + b.learningRate);
    this.inputHeight = b.inputHeight;
    this.inputWidth = b.inputWidth;
    this.depth = b.depth;
    this.baseFilters = b.baseFilters;
    this.batchNorm = b.batchNorm;
    this.dropout = b.dropout;
    this.upSampling = Objects.requireNonNull(b.upSampling, "upSampling");
    this.outputMode = Objects.requireNonNull(b.outputMode, "outputMode");
    this.learningRate = b.learningRate;
    this.seed = b.seed;
  }

  /** Starts from the reference network's settings. */
  public static Builder builder() { return new Builder(); }

  /** The seed's U-Net: 256x256x1, depth 4, 16..256 filters, no batch norm, transposed conv, softmax. */
  public static UNetConfig reference() { return builder().build(); }

  /** Input side of {@link #defaultModel()}: see {@code PreprocessOptions.modelDefaults()} for the grid it sees. */
  public static final int DEFAULT_INPUT_SIZE = 160;

  /**
   * HeartBeam's default model: the reference architecture on a 160x160 input (the heart's region,
   * 200 mm at 1.25 mm/pixel; see {@code PreprocessOptions.modelDefaults()}). Why: with transposed
   * convolutions computed as 1x1 convolutions the reference architecture is the fastest variant
   * measured (fewer FLOPs than up-sample + 3x3 conv at the same GFLOP/s), and the 160 grid cuts
   * work 2.56x against 256 while every expert LV contour of the shared Sunnybrook patients and of
   * the phantom stays >= 25 mm inside it (tested).
   */
  public static UNetConfig defaultModel() {
    return builder().inputSize(DEFAULT_INPUT_SIZE, DEFAULT_INPUT_SIZE).build();
  }

  /**
   * The reference network with up-sampling + 3x3 conv instead of transposed convolutions: the
   * earlier default, chosen when deconv2d was the slow op; kept for the bench's comparison.
   */
  public static UNetConfig upsampleConvVariant() { return builder().upSampling(UpSampling.UPSAMPLE_CONV).build(); }

  public Builder toBuilder() {
    return new Builder().inputSize(inputHeight, inputWidth).depth(depth).baseFilters(baseFilters)
        .batchNorm(batchNorm).dropout(dropout).upSampling(upSampling).outputMode(outputMode)
        .learningRate(learningRate).seed(seed);
  }

  public int inputHeight() { return inputHeight; }

  public int inputWidth() { return inputWidth; }

  /** Number of 2x2 poolings; the bottleneck works at 1/2^depth of the input size. */
  public int depth() { return depth; }

  public int baseFilters() { return baseFilters; }

  public boolean batchNorm() { return batchNorm; }

  /** Drop probability after the bottleneck (0 = none). */
  public double dropout() { return dropout; }

  public UpSampling upSampling() { return upSampling; }

  public OutputMode outputMode() { return outputMode; }

  /** Adam's learning rate. */
  public double learningRate() { return learningRate; }

  /** Seed for weight initialisation (and dropout). */
  public long seed() { return seed; }

  /** Filters of the convolutions at a level: 0 = full resolution, {@link #depth()} = bottleneck. */
  public int filters(int level) {
    require(level >= 0 && level <= depth, "level must be 0.." + depth + ": " + level);
    return baseFilters << level;
  }

  public int pixelsPerImage() { return inputHeight * inputWidth; }

  /**
   * Multiply-accumulates of one image's forward pass, counting the convolutions only (transposed
   * ones included); batch norm, ReLU, pooling, up-sampling and softmax are negligible next to them.
   */
  public long forwardMacs() {
    long macs = 0;
    int inChannels = 1;
    for (int level = 0; level <= depth; level++) {
      int f = filters(level);
      macs += pixels(level) * 9L * ((long) inChannels * f + (long) f * f);
      inChannels = f;
    }
    for (int level = depth - 1; level >= 0; level--) {
      long f = filters(level);
      long below = filters(level + 1);
      // A 2x2 stride-2 transposed conv touches each output pixel with exactly one kernel tap.
      long upTaps = upSampling == UpSampling.TRANSPOSED_CONV ? 1 : 9;
      macs += pixels(level) * upTaps * below * f;
      macs += pixels(level) * 9L * (2 * f * f + f * f);
    }
    macs += pixels(0) * filters(0) * (long) outputMode.channels();
    return macs;
  }

  /** Floating-point operations of one image's forward pass: 2 per multiply-accumulate. */
  public long forwardFlops() { return 2 * forwardMacs(); }

  /**
   * Number of stored parameters: weights, biases, and with batch norm its gamma, beta, running mean
   * and running variance (4 per channel), which is how DL4J's {@code numParams()} counts them.
   */
  public long parameterCount() {
    long params = 0;
    int inChannels = 1;
    for (int level = 0; level <= depth; level++) {
      int f = filters(level);
      params += convBlock(3, inChannels, f) + convBlock(3, f, f);
      inChannels = f;
    }
    for (int level = depth - 1; level >= 0; level--) {
      int f = filters(level);
      int k = upSampling == UpSampling.TRANSPOSED_CONV ? 2 : 3;
      params += (long) k * k * filters(level + 1) * f + f;
      params += convBlock(3, 2 * f, f) + convBlock(3, f, f);
    }
    params += (long) filters(0) * outputMode.channels() + outputMode.channels();
    return params;
  }

  private long convBlock(int k, int in, int out) {
    long weights = (long) k * k * in * out;
    return batchNorm ? weights + 4L * out : weights + out;
  }

  private long pixels(int level) { return (long) (inputHeight >> level) * (inputWidth >> level); }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof UNetConfig)) {
      return false;
    }
    UNetConfig c = (UNetConfig) o;
    return inputHeight == c.inputHeight && inputWidth == c.inputWidth && depth == c.depth
        && baseFilters == c.baseFilters && batchNorm == c.batchNorm && Double.compare(dropout, c.dropout) == 0
        && upSampling == c.upSampling && outputMode == c.outputMode
        && Double.compare(learningRate, c.learningRate) == 0 && seed == c.seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(inputHeight, inputWidth, depth, baseFilters, batchNorm, dropout, upSampling, outputMode,
        learningRate, seed);
  }

  @Override
  public String toString() {
    return "UNetConfig{" + inputHeight + "x" + inputWidth + "x1, depth " + depth + ", filters " + baseFilters
        + ".." + filters(depth) + ", batchNorm " + batchNorm + ", dropout " + dropout + ", " + upSampling + ", "
        + outputMode + ", lr " + learningRate + ", seed " + seed + "}";
  }

  /** Defaults are the reference network's; learning rate 1e-3, seed 42. */
  public static final class Builder {
    private int inputHeight = 256;
    private int inputWidth = 256;
    private int depth = 4;
    private int baseFilters = 16;
    private boolean batchNorm;
    private double dropout;
    private UpSampling upSampling = UpSampling.TRANSPOSED_CONV;
    private OutputMode outputMode = OutputMode.SOFTMAX_2;
    private double learningRate = 1e-3;
    private long seed = 42;

    private Builder() {}

    public Builder inputSize(int height, int width) {
      this.inputHeight = height;
      this.inputWidth = width;
      return this;
    }

    public Builder depth(int depth) {
      this.depth = depth;
      return this;
    }

    public Builder baseFilters(int baseFilters) {
      this.baseFilters = baseFilters;
      return this;
    }

    public Builder batchNorm(boolean batchNorm) {
      this.batchNorm = batchNorm;
      return this;
    }

    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    public Builder upSampling(UpSampling upSampling) {
      this.upSampling = upSampling;
      return this;
    }

    public Builder outputMode(OutputMode outputMode) {
      this.outputMode = outputMode;
      return this;
    }

    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public UNetConfig build() { return new UNetConfig(this); }
  }
}
