package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class WriteMaskImagesTest {

  @Test
  void writesBothPngsPerImageInsideTheOutputDirectory(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    List<LabeledImage> phantom = PhantomSegmentations.labelled(dir);
    List<SegmentedImage> exact = PhantomSegmentations.exact(phantom);
    SegmentedImage tfRecordLike = PhantomSegmentations.withoutUids(exact.get(0), "train.tfrecord#record=3");
    SegmentedImage hostile = PhantomSegmentations.withHostileUids(exact.get(1));
    Path out = dir.resolve("out");
    int images = exact.size() + 2;

    WithDeadLetters<WrittenFile> written = PhantomPipelineInput
        .of(pipeline, dir.resolve("phantom").toString(), List.of(tfRecordLike, hostile))
        .apply(WriteMaskImages.to(out.toString()));
    String outDir = out.toString();
    PAssert.that(written.output()).satisfies(files -> {
      int n = 0;
      for (WrittenFile f : files) {
        assertTrue(Path.of(f.path()).normalize().startsWith(outDir), f.path());
        assertEquals(PhantomSegmentations.MODEL, f.modelVersion());
        n++;
      }
      assertEquals(2 * images, n);
      return null;
    });
    PAssert.that(written.deadLetters()).empty();
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();

    assertEquals(images, OutputCounters.counter(result, WriteMaskImages.class, WriteMaskImages.IMAGES_READ));
    assertEquals(images, OutputCounters.counter(result, WriteMaskImages.class, WriteMaskImages.IMAGES_WRITTEN));
    assertEquals(0, OutputCounters.counter(result, WriteMaskImages.class, WriteMaskImages.IMAGES_DEAD_LETTERED));

    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(".png")).toList();
    }
    assertEquals(2 * images, files.size());
    files.forEach(f -> assertTrue(f.startsWith(out), f + " is outside " + out));
    // The TFRecord-like image has no UIDs: unknown/unknown; the hostile one gets hashed directories.
    assertTrue(Files.isRegularFile(out.resolve("unknown/unknown/" + tfRecordLike.imageKey() + "_mask.png")));
    assertTrue(Files.isRegularFile(out.resolve(SafeFileNames.maskPng(hostile.image()))));
    assertTrue(SafeFileNames.maskPng(hostile.image()).matches("h-[0-9a-f]{16}/h-[0-9a-f]{16}/[0-9a-f]{16}_mask.png"));

    // Every phantom mask PNG holds its label bit for bit.
    Map<String, SegmentedImage> byKey = exact.stream().collect(Collectors.toMap(SegmentedImage::imageKey, Function.identity()));
    for (SegmentedImage s : byKey.values()) {
      BufferedImage png = ImageIO.read(out.resolve(SafeFileNames.maskPng(s.image())).toFile());
      byte[] bits = new byte[png.getWidth() * png.getHeight()];
      for (int i = 0; i < bits.length; i++) {
        bits[i] = (byte) (png.getRaster().getSample(i % png.getWidth(), i / png.getWidth(), 0) / 255);
      }
      assertArrayEquals(s.predicted().values(), bits, s.imageKey());
      assertTrue(Files.isRegularFile(out.resolve(SafeFileNames.overlayPng(s.image()))));
    }
  }

  @Test
  void anUnwritableOutputDeadLettersEveryImage(TestPipeline pipeline, @TempDir Path dir) throws Exception {
    List<SegmentedImage> exact = PhantomSegmentations.exact(PhantomSegmentations.labelled(dir));
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "in the way");

    WithDeadLetters<WrittenFile> written = PhantomPipelineInput.of(pipeline, dir.resolve("phantom").toString(), List.of())
        .apply(WriteMaskImages.to(notADirectory.toString()));
    PAssert.that(written.output()).empty();
    PAssert.that(written.deadLetters()).satisfies(letters -> {
      int n = 0;
      for (DeadLetter letter : letters) {
        assertEquals(WriteMaskImages.STAGE, letter.stage());
        assertTrue(letter.source().endsWith(".dcm"), letter.source());
        n++;
      }
      assertEquals(exact.size(), n);
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    assertEquals(exact.size(), OutputCounters.counter(result, WriteMaskImages.class, WriteMaskImages.IMAGES_DEAD_LETTERED));
    assertEquals(0, OutputCounters.counter(result, WriteMaskImages.class, WriteMaskImages.IMAGES_WRITTEN));
  }
}
