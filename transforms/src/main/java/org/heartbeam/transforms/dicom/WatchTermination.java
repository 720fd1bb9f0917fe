package org.heartbeam.transforms.dicom;

import java.io.Serializable;
import org.apache.beam.sdk.transforms.Watch;
import org.joda.time.Duration;

/**
 * When a {@link WatchDicomFolder} stops watching: never (production: the stream runs until it is
 * cancelled), after a total time, or once the folder has been idle for a while after something
 * arrived (tests, and one-shot "drain this drop folder" runs).
 */
public final class WatchTermination implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Duration total;
  private final Duration idle;

  private WatchTermination(Duration total, Duration idle) {
    this.total = total;
    this.idle = idle;
  }

  /** Watches until the pipeline is cancelled. */
  public static WatchTermination never() {
    return new WatchTermination(null, null);
  }

  /** Stops after {@code total} since the watch started, whatever arrived. */
  public static WatchTermination afterTotal(Duration total) {
    return new WatchTermination(positive(total, "total"), null);
  }

  /**
   * Stops once no new file name has appeared for {@code idle}, or after {@code atMost} in all.
   * {@code atMost} is needed because Beam's idle condition never fires if nothing ever arrives.
   */
  public static WatchTermination afterIdle(Duration idle, Duration atMost) {
    return new WatchTermination(positive(atMost, "atMost"), positive(idle, "idle"));
  }

  /** Beam's condition on the watched pattern. */
  public Watch.Growth.TerminationCondition<String, ?> condition() {
    if (total == null) {
      return Watch.Growth.never();
    }
    if (idle == null) {
      return Watch.Growth.afterTotalOf(total);
    }
    return Watch.Growth.eitherOf(Watch.Growth.afterTimeSinceNewOutput(idle), Watch.Growth.afterTotalOf(total));
  }

  @Override
  public String toString() {
    return total == null ? "never" : idle == null ? "after " + total : "after idle " + idle + " (at most " + total + ")";
  }

  private static Duration positive(Duration d, String name) {
    if (d == null || d.getMillis() <= 0) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }
    return d;
  }
}
