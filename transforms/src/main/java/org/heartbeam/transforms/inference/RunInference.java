package org.heartbeam.transforms.inference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Runs a model on every input, shaped like Beam Python's {@code RunInference}: the model is loaded
 * once per worker JVM per {@link ModelHandler#modelId()} and shared by all threads (one instance per
 * concurrently inferring thread, up to {@link ModelHandler#maxReplicas()}); inputs are batched within
 * a bundle and a window ({@link ModelHandler#batching()}); an input its model cannot handle becomes a
 * dead letter (stage "inference"), never an exception.
 *
 * <p>Metrics (namespace {@code RunInference}): counters {@code modelLoads}, {@code modelReplicas},
 * {@code images} (inputs), {@code emitted}, {@code failures} (dead letters), {@code batches} (model
 * runs, including the one-by-one re-runs of a failed batch); distributions {@code batchSize} and
 * {@code inferenceMillisPerBatch}. images = emitted + failures.
 */
@AutoValue
public abstract class RunInference<InputT, OutputT>
    extends PTransform<PCollection<InputT>, WithDeadLetters<OutputT>> {
  private static final long serialVersionUID = 1L;

  abstract ModelHandler<InputT, OutputT, ?> handler();

  abstract @Nullable Coder<OutputT> outputCoder();

  abstract Builder<InputT, OutputT> toBuilder();

  @AutoValue.Builder
  abstract static class Builder<InputT, OutputT> {
    abstract Builder<InputT, OutputT> setHandler(ModelHandler<InputT, OutputT, ?> handler);

    abstract Builder<InputT, OutputT> setOutputCoder(Coder<OutputT> coder);

    abstract RunInference<InputT, OutputT> build();
  }

  public static <InputT, OutputT> RunInference<InputT, OutputT> of(ModelHandler<InputT, OutputT, ?> handler) {
    checkArgument(handler != null, "RunInference needs a model handler");
    return new AutoValue_RunInference.Builder<InputT, OutputT>().setHandler(handler).build();
  }

  /**
   * The predictions' coder. Without one, the pipeline's coder registry is asked for the handler's
   * output type (Java serialization at worst): set a fast coder for large outputs.
   */
  public RunInference<InputT, OutputT> withOutputCoder(Coder<OutputT> coder) {
    checkArgument(coder != null, "withOutputCoder needs a coder");
    return toBuilder().setOutputCoder(coder).build();
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    ModelHandler<InputT, OutputT, ?> handler = handler();
    builder.add(DisplayData.item("model", handler.modelId()).withLabel("Model"))
        .add(DisplayData.item("modelHandler", handler.getClass()).withLabel("Model handler"))
        .add(DisplayData.item("maxReplicas", handler.maxReplicas()).withLabel("Model replicas per worker JVM"))
        .add(DisplayData.item("batching", handler.batching().toString()).withLabel("Batching"))
        .addIfNotNull(DisplayData.item("outputCoder", outputCoder() == null ? null : outputCoder().getClass())
            .withLabel("Output coder"));
  }

  @Override
  public WithDeadLetters<OutputT> expand(PCollection<InputT> inputs) {
    TupleTag<OutputT> predictions = new TupleTag<>("predictions");
    PCollectionTuple outputs = inputs.apply("RunInference", ParDo.of(fn(handler(), predictions))
        .withOutputTags(predictions, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    outputs.get(predictions).setCoder(outputCoder() != null ? outputCoder() : registeredCoder(inputs));
    return WithDeadLetters.of(outputs, predictions);
  }

  private static <I, O, M> RunInferenceFn<I, O, M> fn(ModelHandler<I, O, M> handler, TupleTag<O> tag) {
    return new RunInferenceFn<>(handler, tag);
  }

  /** The registry's coder for OutputT as the handler's class binds it. */
  @SuppressWarnings("unchecked")
  private Coder<OutputT> registeredCoder(PCollection<InputT> inputs) {
    TypeDescriptor<?> type = TypeDescriptor.of(handler().getClass())
        .resolveType(ModelHandler.class.getTypeParameters()[1]);
    try {
      return (Coder<OutputT>) inputs.getPipeline().getCoderRegistry().getCoder(type);
    } catch (CannotProvideCoderException e) {
      throw new IllegalArgumentException("RunInference has no coder for " + type + ": use withOutputCoder(...)", e);
    }
  }
}
