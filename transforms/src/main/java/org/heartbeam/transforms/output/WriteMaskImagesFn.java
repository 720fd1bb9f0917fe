package org.heartbeam.transforms.output;

import java.io.IOException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;

/**
 * Renders and writes the mask and overlay PNGs of one image. Any failure (rendering, a full disk, a
 * refused bucket) makes the image one dead letter; an image whose mask was written but whose overlay
 * failed still counts as dead-lettered, so "images written" means both files exist.
 */
final class WriteMaskImagesFn extends DoFn<SegmentedImage, WrittenFile> {
  private static final long serialVersionUID = 1L;

  private final String outputDirectory;
  private final TupleTag<WrittenFile> writtenTag;
  private final Counter read = Metrics.counter(WriteMaskImages.class, WriteMaskImages.IMAGES_READ);
  private final Counter written = Metrics.counter(WriteMaskImages.class, WriteMaskImages.IMAGES_WRITTEN);
  private final Counter dead = Metrics.counter(WriteMaskImages.class, WriteMaskImages.IMAGES_DEAD_LETTERED);

  WriteMaskImagesFn(String outputDirectory, TupleTag<WrittenFile> writtenTag) {
    this.outputDirectory = outputDirectory;
    this.writtenTag = writtenTag;
  }

  @ProcessElement
  public void process(@Element SegmentedImage image, MultiOutputReceiver out) {
    read.inc();
    WrittenFile mask;
    WrittenFile overlay;
    try {
      mask = write(WrittenFile.Kind.MASK_PNG, SafeFileNames.maskPng(image.image()), MaskPngRenderer.maskPng(image), image);
      overlay = write(WrittenFile.Kind.OVERLAY_PNG, SafeFileNames.overlayPng(image.image()),
          MaskPngRenderer.overlayPng(image), image);
    } catch (Exception e) {
      dead.inc();
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of(image.image().sourceUri(), WriteMaskImages.STAGE, e));
      return;
    }
    written.inc();
    out.get(writtenTag).output(mask);
    out.get(writtenTag).output(overlay);
  }

  private WrittenFile write(WrittenFile.Kind kind, String relativePath, byte[] png, SegmentedImage image)
      throws IOException {
    String path = OutputFiles.write(outputDirectory, relativePath, png, "image/png");
    return new WrittenFile(kind, path, image.imageKey(), image.modelVersion(), png.length);
  }
}
