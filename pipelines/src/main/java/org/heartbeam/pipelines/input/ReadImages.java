package org.heartbeam.pipelines.input;

import java.nio.file.Path;
import java.util.Objects;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.dicom.ReadDicomFiles;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.heartbeam.transforms.tfrecord.ReadSeedTfRecords;

/**
 * Reads a folder of any {@link ImageSource} as labelled-or-not images, with every unreadable input
 * as a dead letter: the one entry point the inference and training pipelines share.
 */
public final class ReadImages extends PTransform<PBegin, WithDeadLetters<LabeledImage>> {
  private final String input;
  private final ImageSource source;
  private final boolean includeUnlabelled;
  private final double tfRecordSpacingMm;

  private ReadImages(String input, ImageSource source, boolean includeUnlabelled, double tfRecordSpacingMm) {
    this.input = Path.of(input).toAbsolutePath().normalize().toString();
    this.source = Objects.requireNonNull(source, "source");
    this.includeUnlabelled = includeUnlabelled;
    this.tfRecordSpacingMm = tfRecordSpacingMm;
  }

  /** Reads {@code input} as {@code source}; Sunnybrook images without a contour are included. */
  public static ReadImages from(String input, ImageSource source) {
    return new ReadImages(input, source, true, ReadSeedTfRecords.DEFAULT_PIXEL_SPACING_MM);
  }

  /** Whether Sunnybrook images without an expert contour are read (training wants only labelled ones). */
  public ReadImages withUnlabelled(boolean include) {
    return new ReadImages(input, source, include, tfRecordSpacingMm);
  }

  /** The pixel spacing TFRecord images get (the seed schema carries none). */
  public ReadImages withTfRecordSpacingMm(double spacingMm) {
    return new ReadImages(input, source, includeUnlabelled, spacingMm);
  }

  public ImageSource source() { return source; }

  @Override
  public WithDeadLetters<LabeledImage> expand(PBegin begin) {
    switch (source) {
      case SUNNYBROOK:
        return begin.apply("ReadSunnybrook", ReadSunnybrook.from(input).withUnlabelled(includeUnlabelled));
      case TFRECORD:
        return begin.apply("ReadTfRecords",
            ReadSeedTfRecords.from(input + "/**.tfrecord*").withPixelSpacingMm(tfRecordSpacingMm));
      case DICOM:
        WithDeadLetters<CardiacImage> dicom = begin.apply("ReadDicom", ReadDicomFiles.matching(input + "/**"));
        PCollection<LabeledImage> unlabelled = dicom.output()
            .apply("Unlabelled", MapElements.into(TypeDescriptor.of(LabeledImage.class)).via(LabeledImage::unlabeled))
            .setCoder(LabeledImageCoder.of());
        return WithDeadLetters.of(new TupleTag<LabeledImage>("images") {}, unlabelled, dicom.deadLetters());
      default:
        throw new IllegalArgumentException("unsupported image source " + source);
    }
  }
}
