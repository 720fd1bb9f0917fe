package org.heartbeam.model.postprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.heartbeam.model.image.Mask;
import org.junit.jupiter.api.Test;

class LargestComponentTest {
  private static Mask mask(String... rows) {
    byte[] v = new byte[rows.length * rows[0].length()];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < rows[0].length(); c++) {
        v[r * rows[0].length() + c] = (byte) (rows[r].charAt(c) == '#' ? 1 : 0);
      }
    }
    return new Mask(rows.length, rows[0].length(), v);
  }

  @Test
  void keepsTheLargestFourConnectedRegion() {
    Mask in = mask(
        "##....",
        "##..#.",
        "...###",
        "#...#.");
    assertEquals(mask(
        "......",
        "....#.",
        "...###",
        "....#."), LargestComponent.of(in));
  }

  @Test
  void diagonalNeighboursAreSeparateComponents() {
    Mask in = mask(
        "#..",
        ".##",
        "...");
    assertEquals(mask(
        "...",
        ".##",
        "..."), LargestComponent.of(in));
  }

  @Test
  void emptyAndSingleComponentMasksAreReturnedAsTheyAre() {
    Mask empty = Mask.empty(3, 4);
    assertSame(empty, LargestComponent.of(empty));
    Mask one = mask(".##.", ".##.");
    assertSame(one, LargestComponent.of(one));
  }

  @Test
  void tiesKeepTheFirstComponentInRowMajorOrder() {
    assertEquals(mask("#..", "...", "..."), LargestComponent.of(mask("#..", "...", "..#")));
  }
}
