package org.heartbeam.transforms.sunnybrook;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Lists a Sunnybrook root on a worker (the driver may not see the files) into the items to read and
 * the layout's dead letters. Only names are read here, so one worker lists a whole tree quickly; the
 * decoding is spread out after a reshuffle.
 */
final class ListSunnybrookLayoutFn extends DoFn<String, SunnybrookItem> {
  private final TupleTag<SunnybrookItem> itemTag;
  private final boolean withUnlabelled;
  private final Counter considered = Metrics.counter(ReadSunnybrook.class, ReadSunnybrook.ITEMS_CONSIDERED);
  private final Counter dead = Metrics.counter(ReadSunnybrook.class, ReadSunnybrook.DEAD_LETTERED);

  ListSunnybrookLayoutFn(TupleTag<SunnybrookItem> itemTag, boolean withUnlabelled) {
    this.itemTag = itemTag;
    this.withUnlabelled = withUnlabelled;
  }

  @ProcessElement
  public void process(@Element String root, MultiOutputReceiver out) {
    SunnybrookLayout layout;
    try {
      layout = SunnybrookLayout.scan(Path.of(root));
    } catch (IOException | RuntimeException e) {
      considered.inc();
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of(root, SunnybrookLayout.STAGE, e));
      return;
    }
    for (SunnybrookItem item : withUnlabelled ? layout.images() : layout.labelledImages()) {
      considered.inc();
      out.get(itemTag).output(item);
    }
    for (DeadLetter problem : layout.problems()) {
      considered.inc();
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(problem);
    }
  }
}
