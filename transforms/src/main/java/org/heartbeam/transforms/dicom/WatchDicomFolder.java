package org.heartbeam.transforms.dicom;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.dicom.IncomingFiles;
import org.joda.time.Duration;

/**
 * An unbounded reader of DICOM files as they arrive in a folder (and its subfolders): Beam's
 * continuous file matching, the {@link IncomingFiles} contract (only complete, renamed-into-place
 * files are read), then the same decoder as the batch {@link ReadDicomFiles}, so a file gives the
 * same images and dead letters in both.
 *
 * <pre>{@code
 * WithDeadLetters<CardiacImage> images = pipeline.apply(
 *     WatchDicomFolder.of("/data/incoming").withTermination(WatchTermination.never()));
 * }</pre>
 *
 * <p>Each file name is read once (Beam's {@code Watch} remembers the names it has seen), so a file
 * replaced under the same name is not read again; see {@link IncomingFiles}.
 *
 * <p>Timestamps are the poll time at which a file was first seen (processing time), which is what
 * {@code FileIO.match().continuously} assigns: file modification times are kept by copies and
 * archives, so they can be days old or in the future and would make late data of a fresh arrival.
 * The watermark therefore follows the wall clock, and downstream windows group by arrival.
 *
 * <p>Counters (namespace {@code WatchDicomFolder}): {@code filesMatched} (complete files handed to
 * the decoder) and {@code incompleteNamesSkipped} (temporary names seen and ignored); the decoder's
 * {@code ReadDicomFiles} counters reconcile as in batch.
 */
@AutoValue
public abstract class WatchDicomFolder extends PTransform<PBegin, WithDeadLetters<CardiacImage>> {
  private static final long serialVersionUID = 1L;
  private static final Duration DEFAULT_POLL = Duration.standardSeconds(5);

  abstract String directory();

  abstract Duration pollInterval();

  abstract WatchTermination termination();

  abstract Builder toBuilder();

  @AutoValue.Builder
  abstract static class Builder {
    abstract Builder setDirectory(String directory);

    abstract Builder setPollInterval(Duration interval);

    abstract Builder setTermination(WatchTermination termination);

    abstract WatchDicomFolder build();
  }

  /**
   * Watches {@code directory} (a local path or any Beam file system URI) and everything below it,
   * polling every 5 s, forever.
   */
  public static WatchDicomFolder of(String directory) {
    String trimmed = directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    checkArgument(!trimmed.isEmpty() && !trimmed.contains("*") && !trimmed.contains("?"),
        "watch a folder, not a pattern: '%s'", directory);
    return new AutoValue_WatchDicomFolder.Builder().setDirectory(trimmed).setPollInterval(DEFAULT_POLL)
        .setTermination(WatchTermination.never()).build();
  }

  /** How often the folder is listed; a new file is seen at most this long after its rename. */
  public WatchDicomFolder withPollInterval(Duration interval) {
    checkArgument(interval != null && interval.getMillis() > 0, "poll interval must be positive, got %s", interval);
    return toBuilder().setPollInterval(interval).build();
  }

  public WatchDicomFolder withTermination(WatchTermination newTermination) {
    checkArgument(newTermination != null, "a watch needs a termination (WatchTermination.never() for none)");
    return toBuilder().setTermination(newTermination).build();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("directory", directory()).withLabel("Watched folder"))
        .add(DisplayData.item("pollInterval", pollInterval()).withLabel("Poll interval"))
        .add(DisplayData.item("termination", termination().toString()).withLabel("Stops watching"));
  }

  @Override
  public WithDeadLetters<CardiacImage> expand(PBegin begin) {
    PCollection<MatchResult.Metadata> complete = begin
        .apply("Watch", FileIO.match().filepattern(directory() + "/**")
            .continuously(pollInterval(), termination().condition()))
        .apply("OnlyComplete", ParDo.of(new OnlyCompleteFn(directory())));
    return complete
        .apply("Open", FileIO.readMatches())
        .apply("Decode", ReadDicomFiles.fromFiles());
  }

  /** Drops names that the {@link IncomingFiles} contract calls incomplete, counting both kinds. */
  static final class OnlyCompleteFn extends DoFn<MatchResult.Metadata, MatchResult.Metadata> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private final Counter filesMatched = Metrics.counter(WatchDicomFolder.class, "filesMatched");
    private final Counter skipped = Metrics.counter(WatchDicomFolder.class, "incompleteNamesSkipped");

    OnlyCompleteFn(String directory) {
      this.directory = directory;
    }

    @ProcessElement
    public void processElement(@Element MatchResult.Metadata file, OutputReceiver<MatchResult.Metadata> out) {
      if (IncomingFiles.isComplete(relativePath(directory, file.resourceId().toString()))) {
        filesMatched.inc();
        out.output(file);
      } else {
        skipped.inc();
      }
    }

    /** The path below the watched folder; the folder's own path may contain dot-folders. */
    static String relativePath(String directory, String path) {
      String prefix = directory + "/";
      return path.startsWith(prefix) ? path.substring(prefix.length()) : path.substring(path.lastIndexOf('/') + 1);
    }
  }
}
