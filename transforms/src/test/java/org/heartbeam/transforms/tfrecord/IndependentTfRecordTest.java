package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.testing.SeedPatternImages;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks our TFRecords against tfrecord/independent_tfrecord.py, a pure-Python writer and reader that
 * hand-codes the protobuf wire format and CRC32C, sharing no code with the Java side.
 */
@ExtendWith(TestPipelineExtension.class)
class IndependentTfRecordTest {
  private static final int COUNT = 3;
  private static final int HEIGHT = 192;
  private static final int WIDTH = 160;

  @TempDir Path dir;

  private final List<LabeledImage> images = IntStream.range(0, COUNT)
      .mapToObj(k -> SeedPatternImages.image(k, HEIGHT, WIDTH, "py_")).toList();

  @Test
  void pythonRecordsAreByteForByteOurs(TestPipeline pipeline) throws Exception {
    Path file = dir.resolve("python.tfrecords");
    python("write", file.toString(), "--count", "" + COUNT, "--height", "" + HEIGHT, "--width", "" + WIDTH,
        "--prefix", "py_", "--order", "seed");

    List<byte[]> ours = new ArrayList<>();
    for (LabeledImage image : images) {
      ours.add(TfRecordFraming.frame(SeedExampleCodec.encode(image, image.image().sourceUri())));
    }
    assertArrayEquals(TfRecordTestFiles.concat(ours), Files.readAllBytes(file),
        "python file = our framing around our Example bytes, in the seed's feature order");

    WithDeadLetters<LabeledImage> read = pipeline.apply(ReadSeedTfRecords.from(file.toString()));
    PAssert.that(read.output()).containsInAnyOrder(images);
    PAssert.that(read.deadLetters()).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void keySortedExamplesDifferInBytesButDecodeTheSame() throws Exception {
    Path file = dir.resolve("sorted.tfrecords");
    python("write", file.toString(), "--count", "1", "--height", "16", "--width", "12",
        "--prefix", "py_", "--order", "sorted");
    LabeledImage image = SeedPatternImages.image(0, 16, 12, "py_");

    byte[] sorted = TfRecordTestFiles.payloads(file).get(0);

    assertEquals(List.of("depth", "height", "image_raw", "label_raw", "name", "width"),
        SeedExampleCodecTest.mapKeysInWireOrder(sorted));
    assertNotEquals(TfRecordTestFiles.hex(SeedExampleCodec.encode(image, "py_000")), TfRecordTestFiles.hex(sorted));
    assertEquals(image, SeedExampleCodec.decode(sorted, "x", 1.0));
  }

  @Test
  void pythonReadsOurFilesAndReportsTheSameValues() throws Exception {
    Path file = WriteSeedTfRecordsTest.write(images, dir.resolve("java/out"));

    JsonNode summary = new ObjectMapper().readTree(python("summary", file.toString()));

    assertEquals(0, summary.get("errors").size(), summary.toString());
    assertEquals(COUNT, summary.get("records").size());
    for (JsonNode record : summary.get("records")) {
      LabeledImage image = images.stream()
          .filter(i -> i.image().sourceUri().equals(record.get("name").asText())).findFirst()
          .orElseThrow(() -> new AssertionError("python saw an unknown record " + record));
      long sum = 0;
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (float p : image.image().pixels()) {
        sum += (long) p;
        min = Math.min(min, (long) p);
        max = Math.max(max, (long) p);
      }
      assertEquals(HEIGHT, record.get("height").asInt());
      assertEquals(WIDTH, record.get("width").asInt());
      assertEquals(1, record.get("depth").asInt());
      assertEquals(sum, record.get("pixel_sum").asLong());
      assertEquals(min, record.get("pixel_min").asLong());
      assertEquals(max, record.get("pixel_max").asLong());
      assertEquals(image.label().orElseThrow().count(), record.get("label_count").asInt());
    }
  }

  @Test
  void pythonAgreesOnBrokenRecords() throws Exception {
    byte[] good = TfRecordFraming.frame(SeedExampleCodec.encode(images.get(0), "py_000"));
    byte[] badData = good.clone();
    badData[40] ^= 1;
    Path file = dir.resolve("broken.tfrecords");
    Files.write(file, TfRecordTestFiles.concat(List.of(good, badData, good)));

    JsonNode summary = new ObjectMapper().readTree(python("summary", file.toString()));

    assertEquals(2, summary.get("records").size());
    assertEquals("data crc mismatch", summary.get("errors").get(0).get("reason").asText());
    assertEquals(1, summary.get("errors").get(0).get("index").asInt());
  }

  /** Runs the independent script; fails (never skips) when python3 is missing or the script fails. */
  private String python(String... args) throws IOException, InterruptedException, URISyntaxException {
    Path script = Paths.get(getClass().getResource("/tfrecord/independent_tfrecord.py").toURI());
    List<String> command = new ArrayList<>(List.of("python3", script.toString()));
    command.addAll(List.of(args));
    Path stderr = dir.resolve("python-stderr.txt");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    } catch (IOException e) {
      return fail("python3 is required for the independent TFRecord check and could not be started: " + e.getMessage());
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("independent_tfrecord.py timed out: " + command);
    }
    if (process.exitValue() != 0) {
      fail("independent_tfrecord.py failed (" + process.exitValue() + "): " + Files.readString(stderr));
    }
    return out;
  }
}
