package org.heartbeam.transforms.preprocess;

import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Images (labeled or not) to U-Net inputs: intensity normalization and the model grid, with the
 * {@link org.heartbeam.model.preprocess.GridMapping} that maps predictions back. Stage "preprocess".
 */
public final class PrepareForModel extends PTransform<PCollection<LabeledImage>, WithDeadLetters<PreparedImage>> {
  private static final long serialVersionUID = 1L;

  private final PreprocessOptions options;

  private PrepareForModel(PreprocessOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public static PrepareForModel with(PreprocessOptions options) { return new PrepareForModel(options); }

  /** 256x256, percentile:1:99, no resize, centre crop/pad. */
  public static PrepareForModel withDefaults() { return with(PreprocessOptions.defaults()); }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("preprocessing", options.toString()).withLabel("Preprocessing"));
  }

  @Override
  public WithDeadLetters<PreparedImage> expand(PCollection<LabeledImage> images) {
    PCollectionTuple outputs = images.apply("Prepare", ParDo.of(new PrepareForModelFn(options))
        .withOutputTags(PrepareForModelFn.PREPARED, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    outputs.get(PrepareForModelFn.PREPARED).setCoder(SerializableCoder.of(PreparedImage.class));
    return WithDeadLetters.of(outputs, PrepareForModelFn.PREPARED);
  }
}
