package org.heartbeam.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every file of one real Sunnybrook patient decodes, with the geometry its README states. */
@Tag("realdata")
class DicomSunnybrookTest {

  @Test
  void decodesEveryFileOfOnePatient() throws Exception {
    Path patient = SharedData.sunnybrook().resolve("dicoms/SCD0000101");
    List<Path> files;
    try (Stream<Path> listing = Files.list(patient)) {
      files = listing.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
    assertEquals(240, files.size());
    Set<Integer> instances = new HashSet<>();
    Set<Integer> phases = new HashSet<>();
    for (Path file : files) {
      List<CardiacImage> images = DicomFrameDecoder.decode(Files.readAllBytes(file), file.toString());
      assertEquals(1, images.size(), file.toString());
      CardiacImage image = images.get(0);
      assertEquals(256, image.rows());
      assertEquals(256, image.columns());
      assertEquals(1.367, image.geometry().rowSpacingMm(), 0.001);
      assertEquals(1.367, image.geometry().columnSpacingMm(), 0.001);
      assertEquals(10, image.geometry().sliceThicknessMm(), 1e-9);
      assertTrue(image.geometry().hasPosition(), file.toString());
      assertTrue(image.triggerTimeMs() >= 0, file.toString());
      // The README: file N.dcm is InstanceNumber N.
      assertEquals(file.getFileName().toString(), image.instanceNumber() + ".dcm");
      instances.add(image.instanceNumber());
      phases.add((int) Math.round(image.triggerTimeMs()));
      float max = 0;
      for (float v : image.pixels()) {
        max = Math.max(max, v);
      }
      assertTrue(max > 0, "an MR frame that is all zero: " + file);
    }
    assertEquals(240, instances.size());
    assertPixelsEqualTheFilesRawSamples(files.get(0));
    assertTrue(phases.size() >= 20, "expected ~20 distinct trigger times, found " + phases.size());
  }

  /**
   * An independent check of the pixel path: in these explicit VR little endian files Pixel Data is
   * the last attribute, so the last rows x columns x 2 bytes are the signed 16-bit samples.
   */
  private static void assertPixelsEqualTheFilesRawSamples(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    CardiacImage image = DicomFrameDecoder.decode(bytes, file.toString()).get(0);
    int n = image.rows() * image.columns();
    ByteBuffer raw = ByteBuffer.wrap(bytes, bytes.length - 2 * n, 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    float[] expected = new float[n];
    for (int i = 0; i < n; i++) {
      expected[i] = raw.getShort();
    }
    assertArrayEquals(expected, image.pixels());
  }
}
