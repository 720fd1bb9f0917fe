package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.testing.SeedPatternImages;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteSeedTfRecordsTest {
  @TempDir Path dir;

  private final List<LabeledImage> images = IntStream.range(0, 4)
      .mapToObj(k -> SeedPatternImages.image(k, k == 3 ? 192 : 24, k == 3 ? 160 : 20, "w_")).toList();

  @Test
  void writesSeedFramedExamplesThatReadBackIdentical(TestPipeline pipeline) throws IOException {
    Path file = write(images, dir.resolve("first/out"));

    assertEquals("out-00000-of-00001.tfrecords", file.getFileName().toString());
    // Byte-exact: the file is exactly our framing around our Example bytes, record for record.
    List<byte[]> expected = images.stream()
        .map(i -> SeedExampleCodec.encode(i, i.image().sourceUri())).toList();
    assertEquals(TfRecordTestFiles.sortedHex(expected), TfRecordTestFiles.sortedHex(TfRecordTestFiles.payloads(file)));
    assertEquals(expected.stream().mapToLong(e -> e.length + 16L).sum(), Files.size(file));

    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSeedTfRecords.from(file.toString()));
    PAssert.that(read.output()).containsInAnyOrder(images);
    PAssert.that(read.deadLetters()).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void writeReadWriteGivesIdenticalBytes() throws IOException {
    Path first = write(images, dir.resolve("first/out"));

    Pipeline rewrite = Pipeline.create();
    rewrite.apply(ReadSeedTfRecords.from(first.toString())).output()
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(LabeledImage.class)))
            .via(i -> KV.of(i.image().sourceUri(), i)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(LabeledImage.class)))
        .apply(WriteSeedTfRecords.to(dir.resolve("second/out").toString()).withNumShards(1));
    rewrite.run().waitUntilFinish();
    Path second = TfRecordTestFiles.onlyFile(dir.resolve("second"), "out-*.tfrecords");

    // Record order inside a shard is the runner's; the records themselves must be identical.
    assertEquals(Files.size(first), Files.size(second));
    assertEquals(TfRecordTestFiles.sortedHex(TfRecordTestFiles.payloads(first)),
        TfRecordTestFiles.sortedHex(TfRecordTestFiles.payloads(second)));
  }

  @Test
  void aOneRecordFileIsByteForByteTheFramedExample() throws IOException {
    LabeledImage image = images.get(3);
    Path file = write(List.of(image), dir.resolve("one/out"));
    assertArrayEquals(TfRecordFraming.frame(SeedExampleCodec.encode(image, image.image().sourceUri())),
        Files.readAllBytes(file));
  }

  /** Writes named images in one shard with a plain pipeline; returns the file. */
  static Path write(List<LabeledImage> images, Path prefix) throws IOException {
    Pipeline p = Pipeline.create();
    p.apply(Create.of(images.stream().map(i -> KV.of(i.image().sourceUri(), i)).toList())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(LabeledImage.class))))
        .apply(WriteSeedTfRecords.to(prefix.toString()).withNumShards(1));
    p.run().waitUntilFinish();
    return TfRecordTestFiles.onlyFile(prefix.getParent(), prefix.getFileName() + "-*.tfrecords");
  }
}
