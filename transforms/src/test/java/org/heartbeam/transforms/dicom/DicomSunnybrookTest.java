package org.heartbeam.transforms.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Every file of one real Sunnybrook patient decodes, with the geometry its README states. */
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
    assertTrue(phases.size() >= 20, "expected ~20 distinct trigger times, found " + phases.size());
  }
}
