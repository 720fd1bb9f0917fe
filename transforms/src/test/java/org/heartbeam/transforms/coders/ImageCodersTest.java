package org.heartbeam.transforms.coders;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.testing.CoderProperties;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.junit.jupiter.api.Test;

class ImageCodersTest {
  static CardiacImage image(int rows, int columns, boolean withPosition, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] pixels = new float[rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (float) (random.nextGaussian() * 300 - 40);
    }
    pixels[0] = -0f;
    pixels[pixels.length - 1] = Float.MAX_VALUE;
    ImageGeometry geometry = withPosition
        ? new ImageGeometry(1.367, 1.25, 10, new double[] {-120.5, 33, 7.25}, new double[] {1, 0, 0, 0, 0.6, -0.8}, 7.25)
        : ImageGeometry.ofSpacing(1.0);
    return CardiacImage.builder().size(rows, columns).pixels(pixels).geometry(geometry)
        .triggerTimeMs(withPosition ? 412.5 : Double.NaN).phaseIndex(withPosition ? 11 : -1)
        .instanceNumber(withPosition ? 59 : -1).frameIndex(withPosition ? 2 : 0)
        .patientId(withPosition ? "Ünïcode^Name" : "").studyInstanceUid("1.2.3").seriesInstanceUid("1.2.3.4")
        .sopInstanceUid(withPosition ? "1.2.3.4.5" : "").sourceUri("/data/x y/59.dcm#frame=2").build();
  }

  static Mask mask(int rows, int columns, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] values = new byte[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) random.nextInt(2);
    }
    return new Mask(rows, columns, values);
  }

  @Test
  void imagesRoundTripExactly() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(CardiacImageCoder.of(), image(256, 256, true, 1));
    CoderProperties.coderDecodeEncodeEqual(CardiacImageCoder.of(), image(3, 700, false, 2));
    CoderProperties.coderDecodeEncodeEqual(CardiacImageCoder.of(), image(1, 1, true, 3));
  }

  @Test
  void labelledAndUnlabelledRoundTripExactly() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(LabeledImageCoder.of(),
        LabeledImage.labeled(image(192, 160, true, 4), mask(192, 160, 5)));
    CoderProperties.coderDecodeEncodeEqual(LabeledImageCoder.of(), LabeledImage.unlabeled(image(64, 64, false, 6)));
  }

  @Test
  void refusesCorruptBytes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LabeledImageCoder.of().encode(LabeledImage.labeled(image(8, 8, true, 7), mask(8, 8, 8)), bytes);
    byte[] encoded = bytes.toByteArray();
    byte[] badVersion = encoded.clone();
    badVersion[0] = 9;
    assertThrows(CoderException.class, () -> LabeledImageCoder.of().decode(new ByteArrayInputStream(badVersion)));
    byte[] badLabel = encoded.clone();
    badLabel[badLabel.length - 1] = 7;
    assertThrows(CoderException.class, () -> LabeledImageCoder.of().decode(new ByteArrayInputStream(badLabel)));
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 10);
    assertThrows(java.io.EOFException.class, () -> LabeledImageCoder.of().decode(new ByteArrayInputStream(truncated)));
  }
}
