package org.heartbeam.transforms.tfrecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Splits each TFRecord file into its records, keyed by "file#record=N". A record with a bad data
 * CRC, and the point where a file's framing is lost, become dead letters; each counts as one record
 * read, so that read = emitted + dead-lettered holds over the whole read.
 */
final class FrameTfRecordsFn extends DoFn<FileIO.ReadableFile, KV<String, byte[]>> {
  static final String STAGE = "tfrecord-frame";

  private final TupleTag<KV<String, byte[]>> recordsTag;
  private final Counter read = Metrics.counter(ReadSeedTfRecords.class, ReadSeedTfRecords.RECORDS_READ);
  private final Counter dead = Metrics.counter(ReadSeedTfRecords.class, ReadSeedTfRecords.RECORDS_DEAD_LETTERED);

  FrameTfRecordsFn(TupleTag<KV<String, byte[]>> recordsTag) {
    this.recordsTag = recordsTag;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String path = file.getMetadata().resourceId().toString();
    // open() decompresses by the file's compression (AUTO in readMatches: by extension, e.g. .gz).
    InputStream in;
    try {
      in = Channels.newInputStream(file.open());
    } catch (IOException | RuntimeException e) {
      read.inc();
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(
          new DeadLetter(source(path, 0), STAGE, "cannot open file: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      return;
    }
    try (InputStream stream = in) {
      TfRecordFraming.Reader reader = TfRecordFraming.reader(stream);
      for (TfRecordFrame frame = reader.next(); frame != null; frame = reader.next()) {
        read.inc();
        String source = source(path, frame.index());
        if (frame.isRecord()) {
          out.get(recordsTag).output(KV.of(source, frame.data()));
        } else {
          dead.inc();
          out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter(source, STAGE, frame.reason()));
        }
      }
    } catch (IOException e) {
      // Only close() can get here, after every frame was handled: nothing is lost.
    }
  }

  static String source(String path, int index) { return path + "#record=" + index; }
}
