package org.heartbeam.transforms.deadletter;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The output of every HeartBeam reader and fallible step: what worked, and a dead letter for each
 * input that did not. Shaped like Beam's own {@code WriteResult}: a plain {@link POutput} with two
 * named collections.
 */
public final class WithDeadLetters<T> implements POutput {
  /** The tag every fallible DoFn uses for its dead-letter output. */
  public static final TupleTag<DeadLetter> DEAD_LETTER_TAG = new TupleTag<DeadLetter>("deadLetters") {};

  private final Pipeline pipeline;
  private final TupleTag<T> outputTag;
  private final PCollection<T> output;
  private final PCollection<DeadLetter> deadLetters;

  private WithDeadLetters(Pipeline pipeline, TupleTag<T> outputTag, PCollection<T> output,
      PCollection<DeadLetter> deadLetters) {
    this.pipeline = pipeline;
    this.outputTag = outputTag;
    this.output = output;
    this.deadLetters = deadLetters;
  }

  /** From a multi-output ParDo whose dead letters went to {@link #DEAD_LETTER_TAG}. */
  public static <T> WithDeadLetters<T> of(PCollectionTuple tuple, TupleTag<T> outputTag) {
    PCollection<DeadLetter> dead = tuple.get(DEAD_LETTER_TAG);
    dead.setCoder(SerializableCoder.of(DeadLetter.class));
    return new WithDeadLetters<>(tuple.getPipeline(), outputTag, tuple.get(outputTag), dead);
  }

  public static <T> WithDeadLetters<T> of(TupleTag<T> outputTag, PCollection<T> output,
      PCollection<DeadLetter> deadLetters) {
    return new WithDeadLetters<>(output.getPipeline(), outputTag, output, deadLetters);
  }

  public PCollection<T> output() { return output; }

  public PCollection<DeadLetter> deadLetters() { return deadLetters; }

  /**
   * Applies a further fallible step to the output and gathers both steps' dead letters, so a chain of
   * steps still ends in one dead-letter collection.
   */
  public <R> WithDeadLetters<R> then(String name, PTransform<PCollection<T>, WithDeadLetters<R>> step) {
    WithDeadLetters<R> next = output.apply(name, step);
    PCollection<DeadLetter> all = PCollectionList.of(deadLetters).and(next.deadLetters())
        .apply("DeadLettersUpTo" + name, Flatten.pCollections());
    return new WithDeadLetters<>(pipeline, next.outputTag, next.output(), all);
  }

  @Override
  public Pipeline getPipeline() { return pipeline; }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(outputTag, output, DEAD_LETTER_TAG, deadLetters);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}
