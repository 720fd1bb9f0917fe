package org.heartbeam.transforms.deadletter;

import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes dead letters as JSON lines ({@code {"source":..,"stage":..,"reason":..}}) to one file,
 * {@code <prefix>.jsonl}. One file, because users open it by hand; an empty file means none.
 */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PDone> {
  private final String prefix;

  private WriteDeadLetters(String prefix) {
    this.prefix = prefix;
  }

  /** @param prefix path without extension, e.g. {@code out/dead_letters} */
  public static WriteDeadLetters to(String prefix) {
    return new WriteDeadLetters(prefix);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("prefix", prefix).withLabel("Dead-letter file prefix (.jsonl)"));
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(DeadLetter::toJson))
        .apply("Write", TextIO.write().to(prefix).withSuffix(".jsonl").withoutSharding());
  }
}
