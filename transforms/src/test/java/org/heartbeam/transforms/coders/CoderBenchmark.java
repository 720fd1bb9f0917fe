package org.heartbeam.transforms.coders;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.heartbeam.model.image.LabeledImage;

/**
 * Encode + decode time of a labelled 256x256 image, {@link LabeledImageCoder} against Java
 * serialization, in one run (ratios, not absolute times, are what survive a shared machine).
 * Run: {@code java -cp <test classpath> org.heartbeam.transforms.coders.CoderBenchmark}.
 */
public final class CoderBenchmark {
  private CoderBenchmark() {}

  public static void main(String[] args) throws Exception {
    LabeledImage image = LabeledImage.labeled(ImageCodersTest.image(256, 256, true, 1), ImageCodersTest.mask(256, 256, 2));
    Coder<LabeledImage> java = SerializableCoder.of(LabeledImage.class);
    Coder<LabeledImage> ours = LabeledImageCoder.of();
    for (int round = 0; round < 3; round++) {
      double javaUs = microsPerRoundTrip(java, image, 400);
      double oursUs = microsPerRoundTrip(ours, image, 400);
      System.out.printf("round %d: Java serialization %.0f us, LabeledImageCoder %.0f us, ratio %.1fx; bytes %d vs %d%n",
          round, javaUs, oursUs, javaUs / oursUs, size(java, image), size(ours, image));
    }
  }

  private static double microsPerRoundTrip(Coder<LabeledImage> coder, LabeledImage image, int n) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      coder.encode(image, out);
      coder.decode(new ByteArrayInputStream(out.toByteArray()));
    }
    return (System.nanoTime() - start) / 1e3 / n;
  }

  private static int size(Coder<LabeledImage> coder, LabeledImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    coder.encode(image, out);
    return out.size();
  }
}
