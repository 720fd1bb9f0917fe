package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PValue;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.coders.SegmentedImageCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteSegmentationsTest {

  /** The series shuffle carries every image with its pixels: the binary coder, exact for real DICOM-decoded images. */
  @Test
  void seriesAreShuffledWithTheBinaryImageCoder(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    List<SegmentedImage> exact = PhantomSegmentations.exact(PhantomSegmentations.labelled(dir));
    KvCoder<String, SegmentedImage> binary = KvCoder.of(StringUtf8Coder.of(), SegmentedImageCoder.of());
    for (SegmentedImage image : exact) {
      CoderProperties.coderDecodeEncodeEqual(binary, KV.of(image.image().seriesInstanceUid(), image));
    }
    pipeline.apply(Create.of(exact).withCoder(SegmentedImageCoder.of()))
        .apply("WriteSegmentations", WriteSegmentations.to(dir.resolve("out").toString()));
    List<Coder<?>> keyedBySeries = new ArrayList<>();
    pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public void visitValue(PValue value, TransformHierarchy.Node producer) {
        if (producer.getFullName().startsWith("WriteSegmentations/KeyBySeries") && value instanceof PCollection) {
          keyedBySeries.add(((PCollection<?>) value).getCoder());
        }
      }
    });
    assertEquals(List.of(binary), keyedBySeries);
    pipeline.run().waitUntilFinish();
  }

  @Test
  void writesOneValidSegPerSeriesAndCountsImagesWithoutUids(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    List<SegmentedImage> exact = PhantomSegmentations.exact(PhantomSegmentations.labelled(dir));
    List<SegmentedImage> withoutUids = List.of(
        PhantomSegmentations.withoutUids(exact.get(0), "a.tfrecord#record=0"),
        PhantomSegmentations.withoutUids(exact.get(1), "a.tfrecord#record=1"));
    Path out = dir.resolve("out");
    CardiacImage any = exact.get(0).image();
    String expectedPath = out.resolve(SafeFileNames.segmentation(any)).toString();

    WithDeadLetters<WrittenFile> written = PhantomPipelineInput
        .of(pipeline, dir.resolve("phantom").toString(), withoutUids)
        .apply(WriteSegmentations.to(out.toString()));
    PAssert.that(written.output()).satisfies(files -> {
      List<WrittenFile> all = new ArrayList<>();
      files.forEach(all::add);
      assertEquals(1, all.size(), all.toString());
      assertEquals(WrittenFile.Kind.DICOM_SEG, all.get(0).kind());
      assertEquals(expectedPath, all.get(0).path());
      assertEquals(PhantomSegmentations.MODEL, all.get(0).modelVersion());
      return null;
    });
    PAssert.that(written.deadLetters()).empty();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertEquals(exact.size() + 2, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.IMAGES_READ));
    assertEquals(2, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.IMAGES_WITHOUT_UIDS));
    assertEquals(1, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.SERIES_WRITTEN));
    assertEquals(0, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.SERIES_WITHOUT_HEADER));
    assertEquals(exact.size(), OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.IMAGES_IN_SEG));

    Path seg = Path.of(expectedPath);
    assertEquals(List.of(), Dciodvfy.errors(seg), String.join("\n", Dciodvfy.run(seg)));
    AttributeList read = new AttributeList();
    read.read(seg.toFile());
    assertEquals(exact.size(), Attribute.getSingleIntegerValueOrDefault(read, TagFromName.NumberOfFrames, -1));
    // Patient and study were copied from the re-read source header.
    assertEquals(any.patientId(), Attribute.getSingleStringValueOrEmptyString(read, TagFromName.PatientID));
  }

  @Test
  void badSeriesAreDeadLetteredAndHostileUidsWriteNothingOutside(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    List<SegmentedImage> exact = PhantomSegmentations.exact(PhantomSegmentations.labelled(dir));
    // Series 1: hostile UIDs (not valid UIDs, so no SEG can reference them).
    List<SegmentedImage> extra = new ArrayList<>();
    extra.add(PhantomSegmentations.withHostileUids(exact.get(0)));
    // Series 2: two images of different sizes under one series UID.
    extra.add(resized(exact.get(0), "2.25.9001", "2.25.9002.1", 128));
    extra.add(resized(exact.get(0), "2.25.9001", "2.25.9002.2", 64));
    Path out = dir.resolve("out");

    WithDeadLetters<WrittenFile> written = pipeline
        .apply(org.apache.beam.sdk.transforms.Create.of(extra)
            .withCoder(org.apache.beam.sdk.coders.SerializableCoder.of(SegmentedImage.class)))
        .apply(WriteSegmentations.to(out.toString()));
    PAssert.that(written.output()).empty();
    PAssert.that(written.deadLetters()).satisfies(letters -> {
      List<DeadLetter> all = new ArrayList<>();
      letters.forEach(all::add);
      assertEquals(2, all.size(), all.toString());
      for (DeadLetter letter : all) {
        assertEquals(WriteSegmentations.STAGE, letter.stage());
        assertTrue(letter.source().matches("series:(2\\.25\\.9001|h-[0-9a-f]{16})"), letter.source());
        assertTrue(!letter.reason().contains(".."), letter.reason());
      }
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(2, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.SERIES_DEAD_LETTERED));
    assertEquals(3, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.IMAGES_READ));
    assertEquals(3, OutputCounters.counter(result, WriteSegmentations.class, WriteSegmentations.IMAGES_DEAD_LETTERED));
    try (Stream<Path> walk = Files.walk(dir)) {
      assertEquals(List.of(), walk.filter(f -> f.toString().endsWith("seg.dcm")).toList());
    }
  }

  @Test
  void perModelVersionWritesOneSegPerVersionOfASeries(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    List<SegmentedImage> exact = PhantomSegmentations.exact(PhantomSegmentations.labelled(dir));
    // A promotion mid-series, as in a stream: the later half was segmented by another version.
    int half = exact.size() / 2;
    List<SegmentedImage> mixed = new ArrayList<>(exact.subList(0, half));
    for (SegmentedImage s : exact.subList(half, exact.size())) {
      mixed.add(SegmentedImage.of(LabeledImage.unlabeled(s.image()), s.predicted(), "lv-unet@2"));
    }
    Path out = dir.resolve("out");
    WithDeadLetters<WrittenFile> written = pipeline
        .apply(org.apache.beam.sdk.transforms.Create.of(mixed)
            .withCoder(org.apache.beam.sdk.coders.SerializableCoder.of(SegmentedImage.class)))
        .apply(WriteSegmentations.to(out.toString()).perModelVersion());
    PAssert.that(written.deadLetters()).empty();
    pipeline.run().waitUntilFinish();

    CardiacImage any = exact.get(0).image();
    Path first = out.resolve(SafeFileNames.segmentation(any, PhantomSegmentations.MODEL));
    Path second = out.resolve(SafeFileNames.segmentation(any, "lv-unet@2"));
    assertTrue(second.getFileName().toString().equals("seg.lv-unet_2.dcm"), second.toString());
    for (Path seg : List.of(first, second)) {
      AttributeList read = new AttributeList();
      read.read(seg.toFile());
      int frames = seg.equals(first) ? half : exact.size() - half;
      assertEquals(frames, Attribute.getSingleIntegerValueOrDefault(read, TagFromName.NumberOfFrames, -1), seg.toString());
      assertEquals(List.of(), Dciodvfy.errors(seg), seg.toString());
    }
  }

  private static SegmentedImage resized(SegmentedImage from, String seriesUid, String sopUid, int size) {
    CardiacImage image = from.image().toBuilder().size(size, size).pixels(new float[size * size])
        .seriesInstanceUid(seriesUid).sopInstanceUid(sopUid).build();
    return SegmentedImage.of(LabeledImage.unlabeled(image), Mask.empty(size, size), PhantomSegmentations.MODEL);
  }
}
