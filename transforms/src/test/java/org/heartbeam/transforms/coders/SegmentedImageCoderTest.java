package org.heartbeam.transforms.coders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.util.CoderUtils;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.SegmentedImage;
import org.junit.jupiter.api.Test;

class SegmentedImageCoderTest {
  private static SegmentedImage labeled() {
    return SegmentedImage.of(LabeledImage.labeled(ImageCodersTest.image(48, 40, true, 7), ImageCodersTest.mask(48, 40, 8)),
        ImageCodersTest.mask(48, 40, 9), "sha256:0123456789ab");
  }

  @Test
  void labelledAndUnlabelledRoundTripExactly() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(SegmentedImageCoder.of(), labeled());
    CoderProperties.coderDecodeEncodeEqual(SegmentedImageCoder.of(), SegmentedImage.of(
        LabeledImage.unlabeled(ImageCodersTest.image(3, 700, false, 10)), ImageCodersTest.mask(3, 700, 11), "lv-unet@3"));
    CoderProperties.coderDeterministic(SegmentedImageCoder.of(), labeled(), labeled());
  }

  @Test
  void isSmallerThanJavaSerialization() throws Exception {
    int binary = CoderUtils.encodeToByteArray(SegmentedImageCoder.of(), labeled()).length;
    int serialized = CoderUtils.encodeToByteArray(SerializableCoder.of(SegmentedImage.class), labeled()).length;
    // Pixels (4 bytes each) + label + prediction (1 byte each) + metadata, no class descriptors.
    assertTrue(binary < 48 * 40 * 6 + 400, "binary encoding is " + binary + " bytes");
    assertTrue(binary < serialized, binary + " vs serialized " + serialized);
  }

  @Test
  void refusesAMaskThatIsNotBinary() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SegmentedImageCoder.of().encode(labeled(), out);
    byte[] bytes = out.toByteArray();
    bytes[bytes.length - 1] = 7; // the predicted mask's last pixel
    assertThrows(CoderException.class, () -> SegmentedImageCoder.of().decode(new ByteArrayInputStream(bytes)));
    byte[] truncated = Arrays.copyOf(out.toByteArray(), bytes.length - 10);
    assertThrows(java.io.EOFException.class,
        () -> SegmentedImageCoder.of().decode(new ByteArrayInputStream(truncated)));
    assertEquals(labeled(), SegmentedImageCoder.of().decode(new ByteArrayInputStream(out.toByteArray())));
  }
}
