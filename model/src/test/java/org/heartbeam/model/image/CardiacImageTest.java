package org.heartbeam.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class CardiacImageTest {
  private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

  private static CardiacImage.Builder valid() {
    return CardiacImage.builder().size(2, 3).pixels(new float[] {0, 1, 2, 3, 4, -5})
        .geometry(new ImageGeometry(1.5, 1.25, 8, new double[] {10, 20, 30}, AXIAL, 30))
        .triggerTimeMs(40).phaseIndex(1).instanceNumber(7).patientId("SECRET-ID")
        .studyInstanceUid("1.2").seriesInstanceUid("1.2.3").sopInstanceUid("1.2.3.4").sourceUri("/a/7.dcm");
  }

  @Test
  void holdsWhatItWasGiven() {
    CardiacImage image = valid().build();
    assertEquals(2, image.rows());
    assertEquals(3, image.columns());
    assertEquals(-5f, image.pixel(1, 2));
    assertEquals(1.875, image.geometry().pixelAreaMm2(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 1}, image.geometry().sliceNormal(), 1e-12);
    assertEquals(30, image.geometry().positionAlongNormalMm(), 1e-12);
    assertEquals(image, image.toBuilder().build());
  }

  @Test
  void refusesBrokenInvariants() {
    assertThrows(IllegalArgumentException.class, () -> valid().size(0, 3).build());
    assertThrows(IllegalArgumentException.class, () -> valid().size(3, 3).build());
    assertThrows(IllegalArgumentException.class, () -> valid().pixels(new float[] {0, 1, 2, 3, 4, Float.NaN}).build());
    assertThrows(IllegalArgumentException.class, () -> valid().geometry(null).build());
    assertThrows(IllegalArgumentException.class, () -> valid().sourceUri("").build());
    assertThrows(IllegalArgumentException.class, () -> valid().phaseIndex(-2).build());
    assertThrows(IllegalArgumentException.class, () -> valid().triggerTimeMs(-1).build());
    assertThrows(IllegalArgumentException.class, () -> new ImageGeometry(0, 1, 1, null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new ImageGeometry(1, 1, -1, null, null, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ImageGeometry(1, 1, 1, new double[] {0, 0, 0}, new double[] {1, 0, 0, 1, 0, 0}, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ImageGeometry(1, 1, 1, new double[] {0, 0}, AXIAL, 0));
    assertThrows(IllegalArgumentException.class, () -> new Mask(2, 2, new byte[] {0, 1, 2, 0}));
    assertThrows(IllegalArgumentException.class, () -> new Mask(2, 2, new byte[3]));
    CardiacImage image = valid().build();
    assertThrows(IllegalArgumentException.class, () -> LabeledImage.labeled(image, Mask.empty(3, 2)));
  }

  @Test
  void keyAndTextNeverShowThePatient() {
    CardiacImage image = valid().build();
    assertEquals(16, image.imageKey().length());
    assertFalse(image.toString().contains("SECRET"));
    assertNotEquals(image.imageKey(), image.toBuilder().frameIndex(1).build().imageKey());
    CardiacImage noUid = valid().sopInstanceUid("").build();
    assertEquals(CardiacImage.shortHash("uri:/a/7.dcm"), noUid.imageKey());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    LabeledImage labeled = LabeledImage.labeled(valid().build(), new Mask(2, 3, new byte[] {0, 1, 1, 0, 0, 1}));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(labeled);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      LabeledImage back = (LabeledImage) in.readObject();
      assertEquals(labeled, back);
      assertTrue(back.isLabeled());
      assertEquals(3, back.label().orElseThrow().count());
    }
  }
}
