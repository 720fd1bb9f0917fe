package org.heartbeam.pipelines.stream;

import java.io.Serializable;
import java.util.Objects;
import org.heartbeam.model.stats.ImageStatistics;

/**
 * One image as the stream wrote it: its statistics (with the model version that segmented it), when it
 * arrived and when its record was written. Small (no pixels): this is what the fixed windows of run
 * statistics aggregate.
 *
 * @param arrivedAtMillis the file's modification time (when its writer renamed it into place), or the
 *     watch's first sighting when that time is implausible (see {@link WriteImageRecordFn})
 * @param seenAtMillis when the watch first listed the file (the element's timestamp)
 * @param writtenAtMillis when its record was written
 */
public record StreamedImage(ImageStatistics statistics, long arrivedAtMillis, long seenAtMillis,
    long writtenAtMillis) implements Serializable {

  public StreamedImage {
    Objects.requireNonNull(statistics, "statistics");
  }

  /** Arrival to output, in milliseconds. */
  public long latencyMillis() { return writtenAtMillis - arrivedAtMillis; }
}
