package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFileNamesTest {

  @Test
  void validUidsAreKeptAsNames() {
    assertEquals("1.2.840.113619.2.5.1762583153", SafeFileNames.forUid("1.2.840.113619.2.5.1762583153"));
    assertEquals("2.25.1", SafeFileNames.forUid("2.25.1"));
    assertEquals(SafeFileNames.UNKNOWN, SafeFileNames.forUid(""));
  }

  @Test
  void anythingElseBecomesAHash() {
    List<String> hostile = List.of("../../etc", "..", ".", "1.2/3", "1.2\\3", "1..2", ".1", "1.", "1.2\u0000",
        "1.2\n3", "SMITH^JOHN", "1".repeat(65), "1.2 ", "１.２");
    for (String uid : hostile) {
      String name = SafeFileNames.forUid(uid);
      assertTrue(name.matches("h-[0-9a-f]{16}"), uid + " -> " + name);
    }
    assertNotEquals(SafeFileNames.forUid("../a"), SafeFileNames.forUid("../b"));
    assertEquals(SafeFileNames.forUid("../a"), SafeFileNames.forUid("../a"));
  }

  @Test
  void hostileIdentifiersStayInsideTheOutputDirectory(@TempDir Path out) {
    CardiacImage image = CardiacImage.builder().size(2, 2).pixels(new float[4]).geometry(ImageGeometry.ofSpacing(1))
        .studyInstanceUid("../../etc").seriesInstanceUid("/root/.ssh").sopInstanceUid("../../../x")
        .patientId("SECRET-ID").sourceUri("../../../etc/passwd").build();
    for (String relative : List.of(SafeFileNames.maskPng(image), SafeFileNames.overlayPng(image),
        SafeFileNames.segmentation(image))) {
      Path resolved = Paths.get(OutputFiles.resolve(out.toString(), relative).toString()).normalize();
      assertTrue(resolved.startsWith(out), resolved + " escapes " + out);
      assertEquals(out.getNameCount() + 3, resolved.getNameCount(), resolved.toString());
      assertTrue(!resolved.toString().contains("SECRET"), resolved.toString());
    }
  }

  @Test
  void outputFilesRefusesUnsafeComponentsItself(@TempDir Path out) {
    assertThrows(IllegalArgumentException.class, () -> OutputFiles.resolve(out.toString(), "a/../b.png"));
    assertThrows(IllegalArgumentException.class, () -> OutputFiles.resolve(out.toString(), "a//b.png"));
  }
}
