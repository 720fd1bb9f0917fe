package org.heartbeam.model.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A measurement, not a test: per 3x3 "same" NHWC conv layer shape of the reference U-Net, the time of
 * the forward conv2d, of libnd4j's conv2d_bp (both gradients + bias), and of alternative formulations
 * of each half: input gradient as a forward conv2d with the flipped, in/out-transposed kernel; weight
 * gradient as 9 GEMMs on row-offset views of the zero-padded input and output gradient, as one GEMM
 * on an im2col built by concatenation, and the pieces (padding, one full-size GEMM) and conv2d_bp in
 * NCHW. Prints ms and GFLOP/s (each half of the backward pass is one forward's FLOPs) and how far the
 * new gradients are from conv2d_bp's. Result here: the input gradient as a forward conv matches conv2d
 * and beats conv2d_bp's share, but every weight-gradient formulation is slower than conv2d_bp's. Run:
 * {@code java -cp model/target/classes:model/target/test-classes:<cp> org.heartbeam.model.bench.ConvBackwardProbe [repeats] [batch]}.
 */
public final class ConvBackwardProbe {
  private ConvBackwardProbe() {}

  public static void main(String[] args) {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int[][] shapes = {
        {256, 1, 16}, {256, 16, 16}, {256, 32, 16}, {128, 16, 32}, {128, 32, 32}, {128, 64, 32},
        {64, 32, 64}, {64, 64, 64}, {64, 128, 64}, {32, 128, 128}, {16, 256, 256}};
    System.out.println("OMP threads " + Nd4j.getEnvironment().maxMasterThreads() + ", batch " + n
        + "; ms (GFLOP/s) median of " + repeats);
    System.out.println("HxW cin->cout | fwd | conv2d_bp | gradI as fwd conv | "
        + "gradW 9 GEMM | gradI + gradW + gradB new | max |diff| I, W");
    for (int[] s : shapes) {
      probe(n, s[0], s[1], s[2], repeats);
    }
  }

  static void probe(int n, int hw, int cin, int cout, int repeats) {
    INDArray x = Nd4j.rand(DataType.FLOAT, n, hw, hw, cin).subi(0.5);
    INDArray w = Nd4j.rand(DataType.FLOAT, 3, 3, cin, cout).subi(0.5);
    INDArray b = Nd4j.rand(DataType.FLOAT, cout);
    INDArray dOut = Nd4j.rand(DataType.FLOAT, n, hw, hw, cout).subi(0.5);
    Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME)
        .dataFormat(Conv2DConfig.NHWC).build();
    double flops = 2.0 * n * hw * hw * cin * cout * 9;

    double fwd = median(repeats, () -> Nd4j.exec(new Conv2D(x, w, b, c)));
    INDArray[] ref = new INDArray[3];
    double bp = median(repeats, () -> {
      INDArray[] r = conv2dBp(x, w, b, dOut);
      System.arraycopy(r, 0, ref, 0, 3);
    });
    INDArray[] alt = new INDArray[3];
    double gradI = median(repeats, () -> alt[0] = inputGradient(dOut, w));
    double gradW = median(repeats, () -> alt[1] = weightGradient(x, dOut));
    INDArray xf = x.reshape(-1, cin).dup();
    INDArray df = dOut.reshape(-1, cout).dup();
    double pad = median(repeats, () -> {
      Nd4j.zeros(DataType.FLOAT, n, hw + 2, hw + 2, cin).get(NDArrayIndex.all(), NDArrayIndex.interval(1, hw + 1),
          NDArrayIndex.interval(1, hw + 1), NDArrayIndex.all()).assign(x);
    });
    double padOp = median(repeats, () -> Nd4j.pad(x, new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}));
    System.out.printf(Locale.ROOT, "   pad by assign %.1f, pad op %.1f%n", pad, padOp);
    double gemm1 = median(repeats, () -> Nd4j.gemm(xf, df, true, false));
    INDArray xfT = xf.transpose().dup('c');
    double gemm1n = median(repeats, () -> Nd4j.gemm(xfT, df, false, false));
    double im2col = median(repeats, () -> im2colWeightGradient(x, dOut));
    INDArray xn = x.permute(0, 3, 1, 2).dup('c');
    INDArray dn = dOut.permute(0, 3, 1, 2).dup('c');
    double bpNchw = median(repeats, () -> conv2dBpNchw(xn, w, b, dn));
    System.out.printf(Locale.ROOT, "   one full GEMM T,N %.1f; N,N %.1f; im2col GEMM %.1f; conv2d_bp NCHW %.1f%n",
        gemm1, gemm1n, im2col, bpNchw);
    double both = median(repeats, () -> {
      alt[0] = inputGradient(dOut, w);
      alt[1] = weightGradient(x, dOut);
      alt[2] = dOut.reshape(-1, cout).sum(0);
    });
    double diffI = ref[0].sub(alt[0]).amaxNumber().doubleValue();
    double diffW = ref[1].sub(alt[1]).amaxNumber().doubleValue();
    System.out.printf(Locale.ROOT, "%dx%d %d->%d | %.1f (%.0f) | %.1f (%.0f) | %.1f (%.0f) | %.1f (%.0f) | %.1f (%.0f) | %.1e %.1e%n",
        hw, hw, cin, cout, fwd, flops / fwd / 1e6, bp, 2 * flops / bp / 1e6, gradI, flops / gradI / 1e6,
        gradW, flops / gradW / 1e6, both, 2 * flops / both / 1e6, diffI, diffW);
  }

  static INDArray[] conv2dBp(INDArray x, INDArray w, INDArray b, INDArray dOut) {
    long cin = w.size(2);
    long cout = w.size(3);
    INDArray gi = Nd4j.create(DataType.FLOAT, x.shape());
    INDArray gw = Nd4j.create(DataType.FLOAT, w.shape());
    INDArray gb = Nd4j.create(DataType.FLOAT, cout);
    DynamicCustomOp op = DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, dOut).addOutputs(gi, gw, gb)
        .addIntegerArguments(3, 3, 1, 1, 0, 0, 1, 1, 1, 1, 0).build();
    Nd4j.exec(op);
    return new INDArray[] {gi, gw, gb};
  }

  static INDArray[] conv2dBpNchw(INDArray x, INDArray w, INDArray b, INDArray dOut) {
    INDArray gi = Nd4j.create(DataType.FLOAT, x.shape());
    INDArray gw = Nd4j.create(DataType.FLOAT, w.shape());
    INDArray gb = Nd4j.create(DataType.FLOAT, w.size(3));
    Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, dOut).addOutputs(gi, gw, gb)
        .addIntegerArguments(3, 3, 1, 1, 0, 0, 1, 1, 1, 0, 0).build());
    return new INDArray[] {gi, gw, gb};
  }

  /** dW as one GEMM: columns [pixels, 9 cin] (copied from the padded input's row-offset views)^T x dOut. */
  static INDArray im2colWeightGradient(INDArray x, INDArray dOut) {
    long n = x.size(0);
    long h = x.size(1);
    long wd = x.size(2);
    long cin = x.size(3);
    long cout = dOut.size(3);
    INDArray xp = Nd4j.zeros(DataType.FLOAT, n, h + 2, wd + 2, cin);
    xp.get(NDArrayIndex.all(), NDArrayIndex.interval(1, h + 1), NDArrayIndex.interval(1, wd + 1), NDArrayIndex.all())
        .assign(x);
    INDArray dp = Nd4j.zeros(DataType.FLOAT, n, h + 2, wd + 2, cout);
    dp.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h), NDArrayIndex.interval(0, wd), NDArrayIndex.all())
        .assign(dOut);
    long rows = n * (h + 2) * (wd + 2);
    long span = rows - (2 * (wd + 2) + 2);
    INDArray xFlat = xp.reshape(rows, cin);
    INDArray[] taps = new INDArray[9];
    for (int t = 0; t < 9; t++) {
      long off = (t / 3) * (wd + 2) + t % 3;
      taps[t] = xFlat.get(NDArrayIndex.interval(off, off + span), NDArrayIndex.all());
    }
    INDArray cols = Nd4j.concat(1, taps);
    INDArray d = dp.reshape(rows, cout).get(NDArrayIndex.interval(0, span), NDArrayIndex.all());
    return Nd4j.gemm(cols, d, true, false).reshape(3, 3, cin, cout);
  }

  /** dX = conv(dOut, W') with W'[ky, kx, o, i] = W[2 - ky, 2 - kx, i, o]: exact for stride 1, same, 3x3. */
  static INDArray inputGradient(INDArray dOut, INDArray w) {
    INDArray flipped = Nd4j.create(DataType.FLOAT, 3, 3, w.size(3), w.size(2));
    for (int ky = 0; ky < 3; ky++) {
      for (int kx = 0; kx < 3; kx++) {
        flipped.get(NDArrayIndex.point(ky), NDArrayIndex.point(kx), NDArrayIndex.all(), NDArrayIndex.all())
            .assign(w.get(NDArrayIndex.point(2 - ky), NDArrayIndex.point(2 - kx), NDArrayIndex.all(),
                NDArrayIndex.all()).transpose());
      }
    }
    Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME)
        .dataFormat(Conv2DConfig.NHWC).build();
    return Nd4j.exec(new Conv2D(dOut, flipped, null, c))[0];
  }

  /**
   * dW[ky, kx] = sum over pixels p of Xpad[p + ky (W+2) + kx]^T dOutPad[p], with both zero-padded to
   * (H+2) x (W+2) and flattened to [pixels, channels]: each tap is one GEMM on contiguous row ranges.
   */
  static INDArray weightGradient(INDArray x, INDArray dOut) {
    long n = x.size(0);
    long h = x.size(1);
    long wd = x.size(2);
    long cin = x.size(3);
    long cout = dOut.size(3);
    INDArray xp = Nd4j.zeros(DataType.FLOAT, n, h + 2, wd + 2, cin);
    xp.get(NDArrayIndex.all(), NDArrayIndex.interval(1, h + 1), NDArrayIndex.interval(1, wd + 1), NDArrayIndex.all())
        .assign(x);
    INDArray dp = Nd4j.zeros(DataType.FLOAT, n, h + 2, wd + 2, cout);
    dp.get(NDArrayIndex.all(), NDArrayIndex.interval(0, h), NDArrayIndex.interval(0, wd), NDArrayIndex.all())
        .assign(dOut);
    long rows = n * (h + 2) * (wd + 2);
    INDArray xFlat = xp.reshape(rows, cin);
    INDArray dFlat = dp.reshape(rows, cout);
    long span = rows - (2 * (wd + 2) + 2);
    INDArray gw = Nd4j.create(DataType.FLOAT, 3, 3, cin, cout);
    INDArray d = dFlat.get(NDArrayIndex.interval(0, span), NDArrayIndex.all());
    for (int ky = 0; ky < 3; ky++) {
      for (int kx = 0; kx < 3; kx++) {
        long off = ky * (wd + 2) + kx;
        INDArray xs = xFlat.get(NDArrayIndex.interval(off, off + span), NDArrayIndex.all());
        Nd4j.gemm(xs, d, gw.get(NDArrayIndex.point(ky), NDArrayIndex.point(kx), NDArrayIndex.all(), NDArrayIndex.all()),
            true, false, 1.0, 0.0);
      }
    }
    return gw;
  }

  /**
   * Median ms of the calling thread's CPU time when OMP_NUM_THREADS=1 (the native ops then run on it,
   * so neighbours' load hardly counts), else wall time.
   */
  private static double median(int repeats, Runnable work) {
    work.run();
    boolean cpu = Nd4j.getEnvironment().maxMasterThreads() == 1;
    java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      long start = cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime();
      work.run();
      times.add(((cpu ? bean.getCurrentThreadCpuTime() : System.nanoTime()) - start) / 1e6);
    }
    times.sort(null);
    return times.get(times.size() / 2);
  }
}
