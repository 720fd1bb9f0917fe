package org.heartbeam.pipelines.train;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.augment.TrainingExampleCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Reads shard files written by {@link WriteExampleShards} back into a pipeline; a damaged shard
 * yields the examples before the damage and one dead letter (stage "read-examples").
 */
final class ReadExampleShards extends PTransform<PBegin, WithDeadLetters<TrainingExample>> {
  private static final TupleTag<TrainingExample> EXAMPLES = new TupleTag<TrainingExample>("examples") {};

  private final String filepattern;

  ReadExampleShards(String filepattern) {
    this.filepattern = filepattern;
  }

  @Override
  public WithDeadLetters<TrainingExample> expand(PBegin input) {
    PCollectionTuple read = input
        .apply("Match", FileIO.match().filepattern(filepattern))
        .apply("ReadMatches", FileIO.readMatches())
        .apply("Decode", ParDo.of(new DecodeShardFn())
            .withOutputTags(EXAMPLES, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    read.get(EXAMPLES).setCoder(TrainingExampleCoder.of());
    return WithDeadLetters.of(read, EXAMPLES);
  }

  private static final class DecodeShardFn extends DoFn<FileIO.ReadableFile, TrainingExample> {
    private final Counter readCount = Metrics.counter(ReadExampleShards.class, "examplesRead");
    private final Counter dead = Metrics.counter(ReadExampleShards.class, "shardsDamaged");

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String source = file.getMetadata().resourceId().toString();
      try (InputStream raw = Channels.newInputStream(file.open());
          PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16))) {
        int first;
        while ((first = in.read()) >= 0) {
          in.unread(first);
          out.get(EXAMPLES).output(TrainingExampleCoder.of().decode(in));
          readCount.inc();
        }
      } catch (IOException | RuntimeException e) {
        dead.inc();
        out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of(source, ExampleShardReader.STAGE, e));
      }
    }
  }
}
