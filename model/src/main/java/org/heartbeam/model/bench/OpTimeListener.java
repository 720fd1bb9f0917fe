package org.heartbeam.model.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Wall time per op type (conv2d, conv2d_bp, concat...) of a SameDiff graph's executions: where a
 * forward or backward pass spends its time. Time between ops (SameDiff's own bookkeeping) is not
 * in any op's total; compare the sum with the pass's wall time to see it.
 */
public final class OpTimeListener extends BaseListener {
  private final Map<String, long[]> nanosAndCounts = new LinkedHashMap<>();
  private long start;

  @Override
  public boolean isActive(Operation operation) { return true; }

  @Override
  public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
    start = System.nanoTime();
  }

  @Override
  public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
      INDArray[] outputs) {
    long[] entry = nanosAndCounts.computeIfAbsent(op.getOp().opName(), k -> new long[2]);
    entry[0] += System.nanoTime() - start;
    entry[1]++;
  }

  public void reset() { nanosAndCounts.clear(); }

  /** Op type to {total nanoseconds, executions} since the last reset. */
  public Map<String, long[]> totals() { return nanosAndCounts; }
}
