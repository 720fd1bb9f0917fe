package org.heartbeam.transforms.tfrecord;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Reads seed-schema TFRecord files (see {@link SeedExampleCodec}) into {@link LabeledImage}s.
 *
 * <p>Two stages, each with its dead letters: "tfrecord-frame" (CRCs, truncation; see
 * {@link TfRecordFraming}) and "tfrecord-decode" (the Example and its features). Dead letters name
 * "file#record=N", N counted from 0 within the file. Files ending in ".gz" are read as GZIP. Bad bytes
 * never fail the pipeline.
 *
 * <p>TFRecords carry no pixel spacing: images get {@link #DEFAULT_PIXEL_SPACING_MM} unless
 * {@code withPixelSpacingMm} says otherwise, so areas are in pixel units unless it is set.
 *
 * <p>Counters (namespace this class): {@value #RECORDS_READ} (records framed, plus one per file whose
 * framing was lost) = {@value #RECORDS_EMITTED} + {@value #RECORDS_DEAD_LETTERED}.
 */
public final class ReadSeedTfRecords {
  public static final double DEFAULT_PIXEL_SPACING_MM = 1.0;
  public static final String RECORDS_READ = "tfrecord-records-read";
  public static final String RECORDS_EMITTED = "tfrecord-records-emitted";
  public static final String RECORDS_DEAD_LETTERED = "tfrecord-records-dead-lettered";

  private ReadSeedTfRecords() {}

  /** Reads every file matching the pattern (local path, glob or any Beam filesystem URI). */
  public static Read from(String filepattern) { return new Read(filepattern, DEFAULT_PIXEL_SPACING_MM); }

  /** Reads files already matched, e.g. from {@code FileIO.match().continuously(...)} in a stream. */
  public static ReadFiles files() { return new ReadFiles(DEFAULT_PIXEL_SPACING_MM); }

  /** {@link #from(String)}. */
  public static final class Read extends PTransform<PBegin, WithDeadLetters<LabeledImage>> {
    private final String filepattern;
    private final double pixelSpacingMm;

    private Read(String filepattern, double pixelSpacingMm) {
      this.filepattern = filepattern;
      this.pixelSpacingMm = pixelSpacingMm;
    }

    /** In-plane spacing given to every image read (mm); default 1.0, i.e. areas in pixel units. */
    public Read withPixelSpacingMm(double spacingMm) {
      return new Read(filepattern, checkSpacing(spacingMm));
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder
          .add(DisplayData.item("filePattern", filepattern).withLabel("TFRecord file pattern"))
          .add(DisplayData.item("pixelSpacingMm", pixelSpacingMm).withLabel("Pixel spacing given to images (mm)"));
    }

    @Override
    public WithDeadLetters<LabeledImage> expand(PBegin input) {
      return input
          .apply("Match", FileIO.match().filepattern(filepattern))
          .apply("ReadMatches", FileIO.readMatches())
          .apply("ReadFiles", new ReadFiles(pixelSpacingMm));
    }
  }

  /** {@link #files()}. */
  public static final class ReadFiles
      extends PTransform<PCollection<FileIO.ReadableFile>, WithDeadLetters<LabeledImage>> {
    private final double pixelSpacingMm;

    private ReadFiles(double pixelSpacingMm) {
      this.pixelSpacingMm = pixelSpacingMm;
    }

    /** In-plane spacing given to every image read (mm); default 1.0, i.e. areas in pixel units. */
    public ReadFiles withPixelSpacingMm(double spacingMm) { return new ReadFiles(checkSpacing(spacingMm)); }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder
          .add(DisplayData.item("pixelSpacingMm", pixelSpacingMm).withLabel("Pixel spacing given to images (mm)"));
    }

    @Override
    public WithDeadLetters<LabeledImage> expand(PCollection<FileIO.ReadableFile> files) {
      TupleTag<KV<String, byte[]>> recordsTag = new TupleTag<KV<String, byte[]>>("records") {};
      PCollectionTuple framed = files.apply(FrameTfRecordsFn.STAGE,
          ParDo.of(new FrameTfRecordsFn(recordsTag))
              .withOutputTags(recordsTag, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
      framed.get(recordsTag).setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
      WithDeadLetters<KV<String, byte[]>> records = WithDeadLetters.of(framed, recordsTag);

      return records.then(DecodeSeedExampleFn.STAGE, new Decode(pixelSpacingMm));
    }
  }

  /** The decode stage, shaped for {@link WithDeadLetters#then} so both stages' dead letters gather. */
  private static final class Decode
      extends PTransform<PCollection<KV<String, byte[]>>, WithDeadLetters<LabeledImage>> {
    private final double pixelSpacingMm;

    Decode(double pixelSpacingMm) {
      this.pixelSpacingMm = pixelSpacingMm;
    }

    @Override
    public WithDeadLetters<LabeledImage> expand(PCollection<KV<String, byte[]>> records) {
      TupleTag<LabeledImage> imagesTag = new TupleTag<LabeledImage>("images") {};
      PCollectionTuple decoded = records.apply("Decode",
          ParDo.of(new DecodeSeedExampleFn(imagesTag, pixelSpacingMm))
              .withOutputTags(imagesTag, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
      decoded.get(imagesTag).setCoder(LabeledImageCoder.of());
      return WithDeadLetters.of(decoded, imagesTag);
    }
  }

  private static double checkSpacing(double spacingMm) {
    if (!(spacingMm > 0) || !Double.isFinite(spacingMm)) {
      throw new IllegalArgumentException("pixel spacing must be > 0 mm: " + spacingMm);
    }
    return spacingMm;
  }
}
