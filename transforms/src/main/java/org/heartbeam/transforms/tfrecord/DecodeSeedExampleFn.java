package org.heartbeam.transforms.tfrecord;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/** Decodes framed records ("file#record=N" to payload) into images; invalid ones become dead letters. */
final class DecodeSeedExampleFn extends DoFn<KV<String, byte[]>, LabeledImage> {
  static final String STAGE = "tfrecord-decode";

  private final TupleTag<LabeledImage> imagesTag;
  private final double pixelSpacingMm;
  private final Counter emitted = Metrics.counter(ReadSeedTfRecords.class, ReadSeedTfRecords.RECORDS_EMITTED);
  private final Counter dead = Metrics.counter(ReadSeedTfRecords.class, ReadSeedTfRecords.RECORDS_DEAD_LETTERED);

  DecodeSeedExampleFn(TupleTag<LabeledImage> imagesTag, double pixelSpacingMm) {
    this.imagesTag = imagesTag;
    this.pixelSpacingMm = pixelSpacingMm;
  }

  @ProcessElement
  public void process(@Element KV<String, byte[]> record, MultiOutputReceiver out) {
    try {
      LabeledImage image = SeedExampleCodec.decode(record.getValue(), record.getKey(), pixelSpacingMm);
      emitted.inc();
      out.get(imagesTag).output(image);
    } catch (SeedRecordException e) {
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter(record.getKey(), STAGE, e.getMessage()));
    } catch (RuntimeException e) {
      // Bad bytes must never fail the bundle: anything protobuf or the image model refuses is a dead letter.
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of(record.getKey(), STAGE, e));
    }
  }
}
