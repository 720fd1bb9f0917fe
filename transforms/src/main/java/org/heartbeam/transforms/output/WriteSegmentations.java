package org.heartbeam.transforms.output;

import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Writes one binary DICOM Segmentation per source series ({@link org.heartbeam.dicom.seg.DicomSegWriter}) to
 * {@code <out>/<study-dir>/<series-dir>/seg.dcm} (names from {@link SafeFileNames}), through Beam's
 * file systems. A rerun of the same model overwrites the same file with the same UIDs.
 *
 * <p>Images are grouped by Series Instance UID with a {@link GroupByKey}, so a series must arrive
 * within one window: in batch that is the whole input; a streaming pipeline must window by study
 * first. Images without UIDs get no SEG and are only counted.
 *
 * <p>Counters (namespace {@code WriteSegmentations}) reconcile per image: {@value #IMAGES_READ} =
 * {@value #IMAGES_WITHOUT_UIDS} + {@value #IMAGES_IN_SEG} + {@value #IMAGES_DEAD_LETTERED}; per series
 * {@value #SERIES_WRITTEN} and {@value #SERIES_DEAD_LETTERED} (one dead letter, stage {@value #STAGE}, per series that failed), and {@value #SERIES_WITHOUT_HEADER}
 * for SEGs written without the source header (patient/study attributes left empty).
 */
public final class WriteSegmentations extends PTransform<PCollection<SegmentedImage>, WithDeadLetters<WrittenFile>> {
  private static final long serialVersionUID = 1L;

  public static final String STAGE = "write-seg";
  public static final String IMAGES_READ = "images-read";
  public static final String IMAGES_WITHOUT_UIDS = "images-without-uids";
  public static final String IMAGES_IN_SEG = "images-in-seg";
  public static final String IMAGES_DEAD_LETTERED = "images-in-dead-lettered-series";
  public static final String SERIES_WRITTEN = "series-written";
  public static final String SERIES_DEAD_LETTERED = "series-dead-lettered";
  public static final String SERIES_WITHOUT_HEADER = "series-without-source-header";

  private final String outputDirectory;
  private final boolean perModelVersion;

  private WriteSegmentations(String outputDirectory, boolean perModelVersion) {
    this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
    this.perModelVersion = perModelVersion;
  }

  /** @param outputDirectory local path or URI of the output directory (the PNGs' one, so they sit together) */
  public static WriteSegmentations to(String outputDirectory) {
    return new WriteSegmentations(outputDirectory, false);
  }

  /**
   * One SEG per series and model version, {@code <study-dir>/<series-dir>/seg.<version>.dcm}, instead
   * of one per series: for a stream whose model can be swapped while a series arrives, where a
   * series' images of two versions would otherwise be one dead letter (a SEG has one algorithm).
   */
  public WriteSegmentations perModelVersion() {
    return new WriteSegmentations(outputDirectory, true);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("outputDirectory", outputDirectory).withLabel("Output folder"))
        .add(DisplayData.item("perModelVersion", perModelVersion).withLabel("One SEG per series and model version"));
  }

  @Override
  public WithDeadLetters<WrittenFile> expand(PCollection<SegmentedImage> images) {
    TupleTag<WrittenFile> written = new TupleTag<WrittenFile>("written") {};
    PCollectionTuple result = images
        .apply("KeyBySeries", ParDo.of(new KeyBySeriesFn(perModelVersion)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SegmentedImageCoder.of()))
        .apply("GroupSeries", GroupByKey.create())
        .apply("WriteSeg", ParDo.of(new WriteSegmentationFn(outputDirectory, perModelVersion, written))
            .withOutputTags(written, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    result.get(written).setCoder(SerializableCoder.of(WrittenFile.class));
    return WithDeadLetters.of(result, written);
  }
}
