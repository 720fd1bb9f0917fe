package org.heartbeam.transforms.output;

import java.util.Objects;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Writes, for every {@link SegmentedImage}, its predicted mask and an overlay as PNGs on the original
 * pixel grid (see {@link MaskPngRenderer}) under an output directory (local path or any Beam file
 * system):
 *
 * <pre>
 *   &lt;out&gt;/&lt;study-dir&gt;/&lt;series-dir&gt;/&lt;imageKey&gt;_mask.png
 *   &lt;out&gt;/&lt;study-dir&gt;/&lt;series-dir&gt;/&lt;imageKey&gt;_overlay.png
 * </pre>
 *
 * with directory names from {@link SafeFileNames}. Emits a {@link WrittenFile} per file (two per
 * image); an image that cannot be written is one dead letter (stage {@value #STAGE}).
 * Counters (namespace {@code WriteMaskImages}): {@value #IMAGES_READ} = {@value #IMAGES_WRITTEN} +
 * {@value #IMAGES_DEAD_LETTERED}.
 */
public final class WriteMaskImages extends PTransform<PCollection<SegmentedImage>, WithDeadLetters<WrittenFile>> {
  private static final long serialVersionUID = 1L;

  public static final String STAGE = "write-png";
  public static final String IMAGES_READ = "images-read";
  public static final String IMAGES_WRITTEN = "images-written";
  public static final String IMAGES_DEAD_LETTERED = "images-dead-lettered";

  private final String outputDirectory;

  private WriteMaskImages(String outputDirectory) {
    this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
  }

  /** @param outputDirectory local path or URI (e.g. gs://bucket/run-7) of the output directory */
  public static WriteMaskImages to(String outputDirectory) {
    return new WriteMaskImages(outputDirectory);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("outputDirectory", outputDirectory).withLabel("Output folder"));
  }

  @Override
  public WithDeadLetters<WrittenFile> expand(PCollection<SegmentedImage> images) {
    TupleTag<WrittenFile> written = new TupleTag<WrittenFile>("written") {};
    PCollectionTuple result = images.apply("WritePngs", ParDo.of(new WriteMaskImagesFn(outputDirectory, written))
        .withOutputTags(written, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    result.get(written).setCoder(SerializableCoder.of(WrittenFile.class));
    return WithDeadLetters.of(result, written);
  }
}
