package org.heartbeam.transforms.dicom;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.transforms.coders.CardiacImageCoder;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Reads DICOM files into {@link CardiacImage}s, one per frame, with a dead letter (stage
 * {@value #STAGE}) for every file that cannot be read or decoded; see {@link org.heartbeam.dicom.DicomFrameDecoder} for
 * what decodes.
 *
 * <pre>{@code
 * WithDeadLetters<CardiacImage> images = pipeline.apply(ReadDicomFiles.matching("/data/study/**"));
 * }</pre>
 *
 * <p>A directory is read by matching everything under it: {@code matching(dir + "/**")} (Beam's
 * "**" crosses subdirectories; {@code dir + "/*"} reads only the top level). Every matched file is
 * tried, whatever its name (DICOM files often have no extension); files that are not DICOM become
 * dead letters, so point the pattern at image folders only, or expect a dead letter per stray file.
 * A pattern matching nothing reads nothing if it has a wildcard, and fails the pipeline otherwise
 * (Beam's default), as a mistyped single path should.
 *
 * <p>Counters (namespace {@code ReadDicomFiles}): {@code filesRead} = {@code filesDecoded} +
 * {@code filesDeadLettered}; {@code framesEmitted} counts images.
 */
public final class ReadDicomFiles {
  /** The dead-letter stage of this reader. */
  public static final String STAGE = "dicom-decode";

  private ReadDicomFiles() {}

  /** Decodes already matched files (e.g. from {@code FileIO.match().continuously(...)} when streaming). */
  public static Files fromFiles() {
    return new Files();
  }

  /** Matches a file pattern (local, or any Beam file system), then decodes every file. */
  public static Matching matching(String filepattern) {
    return new Matching(filepattern);
  }

  /** Decodes each {@link FileIO.ReadableFile}. */
  public static final class Files extends PTransform<PCollection<FileIO.ReadableFile>, WithDeadLetters<CardiacImage>> {
    private static final long serialVersionUID = 1L;

    private Files() {}

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder
          .add(DisplayData.item("stage", STAGE).withLabel("Dead-letter stage"));
    }

    @Override
    public WithDeadLetters<CardiacImage> expand(PCollection<FileIO.ReadableFile> files) {
      TupleTag<CardiacImage> images = new TupleTag<CardiacImage>("images") {};
      PCollectionTuple decoded = files.apply("DecodeDicom", ParDo.of(new DecodeDicomFileFn(images))
          .withOutputTags(images, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
      decoded.get(images).setCoder(CardiacImageCoder.of());
      return WithDeadLetters.of(decoded, images);
    }
  }

  /** Matches a file pattern and decodes every matched file. */
  public static final class Matching extends PTransform<PBegin, WithDeadLetters<CardiacImage>> {
    private static final long serialVersionUID = 1L;
    private final String filepattern;

    private Matching(String filepattern) {
      this.filepattern = filepattern;
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder
          .add(DisplayData.item("filePattern", filepattern).withLabel("DICOM file pattern"));
    }

    @Override
    public WithDeadLetters<CardiacImage> expand(PBegin begin) {
      return begin
          .apply("Match", FileIO.match().filepattern(filepattern))
          .apply("Open", FileIO.readMatches())
          .apply("Decode", new Files());
    }
  }
}
