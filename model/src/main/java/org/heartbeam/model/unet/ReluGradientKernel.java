package org.heartbeam.model.unet;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;

/**
 * Swaps, in a built SameDiff gradient function, each ReLU's backward op {@code thresholdedrelu_bp}
 * (what ND4J 1.0.0-M2.1's {@code relu} differentiates to) for libnd4j's {@code relu_bp}. Both
 * compute grad x (input > 0) from the same two inputs, bit for bit, but {@code thresholdedrelu_bp}
 * takes 2.7x as long (128 against 48 ms of CPU on 8 x 256 x 256 x 16 floats) and was 13% of a
 * reference training step, more than all forward convolutions together.
 *
 * <p>Why after the fact: SameDiff copies every op through FlatBuffers when it builds the gradient
 * function, re-creating it from its op number, so a ReLU subclass with its own {@code doDiff} is
 * lost. The swap keeps the op's name, inputs and outputs: only the kernel changes.
 */
final class ReluGradientKernel {
  private ReluGradientKernel() {}

  /** Returns how many ops were swapped. */
  static long useReluBp(SameDiff gradientFunction) {
    long swapped = 0;
    for (SameDiffOp op : gradientFunction.getOps().values()) {
      if (op.getOp() instanceof ThresholdReluBp bp && bp.getCutoff() == 0.0) {
        RectifiedLinearDerivative relu = new RectifiedLinearDerivative();
        relu.setSameDiff(gradientFunction);
        relu.setOwnName(op.getName());
        relu.addTArgument(0.0);
        op.setOp(relu);
        swapped++;
      }
    }
    return swapped;
  }
}
