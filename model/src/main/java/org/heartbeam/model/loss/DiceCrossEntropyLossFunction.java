package org.heartbeam.model.loss;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * {@link DiceCrossEntropy}'s loss for a DL4J {@code CnnLossLayer}, which hands the loss function
 * every pixel of the batch as one row [n*h*w, c].
 *
 * <p>DL4J divides the layer score and the gradient by the number of images n; this function
 * multiplies both by n (known from {@link #pixelsPerImage()}), so the network's score is exactly the
 * SameDiff loss (mean-pixel CE + batch Dice) and so is the gradient. Masks are not supported.
 * Its fields are JSON properties so that DL4J's configuration JSON keeps them.
 */
public final class DiceCrossEntropyLossFunction implements ILossFunction {
  private static final long serialVersionUID = 1L;
  private static final double EPS = 1e-7;

  @JsonProperty("pixelsPerImage")
  private int pixelsPerImage;
  @JsonProperty("smooth")
  private double smooth;

  /** For DL4J's JSON deserialisation. */
  public DiceCrossEntropyLossFunction() {
    this(1, DiceCrossEntropy.DEFAULT_SMOOTH);
  }

  public DiceCrossEntropyLossFunction(int pixelsPerImage, double smooth) {
    if (pixelsPerImage < 1 || !(smooth >= 0)) {
      throw new IllegalArgumentException("pixelsPerImage must be >= 1 and smooth >= 0");
    }
    this.pixelsPerImage = pixelsPerImage;
    this.smooth = smooth;
  }

  public int pixelsPerImage() { return pixelsPerImage; }

  public double smooth() { return smooth; }

  /** Loss terms and the derivative of the loss with respect to the activations. */
  private static final class Terms {
    INDArray crossEntropyRows;
    double dice;
    INDArray dLossDActivation;
  }

  private Terms terms(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    if (mask != null) {
      throw new UnsupportedOperationException("DiceCrossEntropyLossFunction does not support masks");
    }
    INDArray y = labels.castTo(preOutput.dataType());
    INDArray p = activationFn.getActivation(preOutput.dup(), true);
    long rows = p.rows();
    long channels = p.columns();
    Terms t = new Terms();
    INDArray dCe;
    if (channels == 1) {
      INDArray pc = Transforms.max(Transforms.min(p, 1 - EPS), EPS);
      INDArray oneMinusP = pc.rsub(1.0);
      t.crossEntropyRows = y.mul(Transforms.log(pc)).addi(y.rsub(1.0).muli(Transforms.log(oneMinusP))).negi();
      dCe = pc.sub(y).divi(pc.mul(oneMinusP)).divi(rows);
    } else {
      INDArray pc = Transforms.max(p, EPS);
      t.crossEntropyRows = y.mul(Transforms.log(pc)).sum(true, 1).negi();
      dCe = y.div(pc).negi().divi(rows);
    }
    INDArray pf = p.get(NDArrayIndex.all(), NDArrayIndex.point(channels - 1));
    INDArray yf = y.get(NDArrayIndex.all(), NDArrayIndex.point(channels - 1));
    double intersection = pf.mul(yf).sumNumber().doubleValue();
    double union = pf.sumNumber().doubleValue() + yf.sumNumber().doubleValue();
    t.dice = 1 - (2 * intersection + smooth) / (union + smooth);
    // d dice / d p_f = -(2 y_f (U + s) - (2 I + s)) / (U + s)^2
    double u = union + smooth;
    INDArray dDice = yf.mul(-2 * u).addi(2 * intersection + smooth).divi(u * u);
    dCe.get(NDArrayIndex.all(), NDArrayIndex.point(channels - 1)).addi(dDice);
    t.dLossDActivation = dCe;
    return t;
  }

  private long images(INDArray preOutput) {
    long rows = preOutput.rows();
    if (rows % pixelsPerImage != 0) {
      throw new IllegalArgumentException(rows + " rows are not a whole number of " + pixelsPerImage + "-pixel images");
    }
    return rows / pixelsPerImage;
  }

  private static double loss(Terms t) { return t.crossEntropyRows.meanNumber().doubleValue() + t.dice; }

  /** With {@code average} false: n x loss (DL4J then divides by n); with it true: the loss. */
  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean average) {
    double loss = loss(terms(labels, preOutput, activationFn, mask));
    return average ? loss : loss * images(preOutput);
  }

  /** Per-row shares of n x loss (the Dice term spread evenly), so they add up to the score. */
  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    Terms t = terms(labels, preOutput, activationFn, mask);
    double scale = (double) images(preOutput) / preOutput.rows();
    return t.crossEntropyRows.add(t.dice).muli(scale).reshape(-1);
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    Terms t = terms(labels, preOutput, activationFn, mask);
    INDArray grad = activationFn.backprop(preOutput.dup(), t.dLossDActivation).getFirst();
    return grad.muli(images(preOutput));
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
      IActivation activationFn, INDArray mask, boolean average) {
    Terms t = terms(labels, preOutput, activationFn, mask);
    long n = images(preOutput);
    INDArray grad = activationFn.backprop(preOutput.dup(), t.dLossDActivation).getFirst().muli(n);
    double loss = loss(t);
    return new Pair<>(average ? loss : loss * n, grad);
  }

  @Override
  public String name() { return "DiceCrossEntropy"; }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiceCrossEntropyLossFunction
        && pixelsPerImage == ((DiceCrossEntropyLossFunction) o).pixelsPerImage
        && Double.compare(smooth, ((DiceCrossEntropyLossFunction) o).smooth) == 0;
  }

  @Override
  public int hashCode() { return 31 * pixelsPerImage + Double.hashCode(smooth); }

  @Override
  public String toString() {
    return "DiceCrossEntropyLossFunction(pixelsPerImage=" + pixelsPerImage + ", smooth=" + smooth + ")";
  }
}
