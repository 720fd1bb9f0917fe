package org.heartbeam.transforms.sunnybrook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The names the phantom writes are the names the reader parses, as in the Sunnybrook release. */
class SunnybrookTreeTest {
  private final SunnybrookTree tree = new SunnybrookTree(Path.of("/data"));

  @Test
  void writtenNamesParseBackToTheirInstanceNumber() {
    for (int instance : new int[] {1, 48, 220, 12345}) {
      Matcher dicom = SunnybrookTree.DICOM_NAME.matcher(SunnybrookTree.dicomFileName(instance));
      assertTrue(dicom.matches());
      assertEquals(instance, Integer.parseInt(dicom.group(1)));
      Path contour = tree.contourFile("SC-HF-I-1", SunnybrookTree.Contour.INNER, instance);
      Matcher inner = SunnybrookTree.I_CONTOUR_NAME.matcher(contour.getFileName().toString());
      assertTrue(inner.matches(), contour.toString());
      assertEquals(instance, Integer.parseInt(inner.group(1)));
    }
  }

  @Test
  void pathsFollowTheReleaseLayout() {
    assertEquals(Path.of("/data/link.csv"), tree.linkFile());
    assertEquals(Path.of("/data/dicoms/SCD0000101"), tree.dicomFolder("SCD0000101"));
    assertEquals(Path.of("/data/contourfiles/SC-HF-I-1/i-contours/IM-0001-0048-icontour-manual.txt"),
        tree.contourFile("SC-HF-I-1", SunnybrookTree.Contour.INNER, 48));
    Path outer = tree.contourFile("SC-HF-I-1", SunnybrookTree.Contour.OUTER, 48);
    assertEquals(Path.of("/data/contourfiles/SC-HF-I-1/o-contours/IM-0001-0048-ocontour-manual.txt"), outer);
    assertFalse(SunnybrookTree.I_CONTOUR_NAME.matcher(outer.getFileName().toString()).matches(),
        "o-contours are not read as labels");
  }
}
