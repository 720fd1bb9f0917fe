package org.heartbeam.model.contour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContourParserTest {

  @Test
  void readsPairsSkippingBlankLines() throws Exception {
    Contour c = ContourParser.parse("120.50 137.50\n\n121.00\t136.50\r\n  122 135  \n\n");
    assertEquals(3, c.size());
    assertArrayEquals(new double[] {120.5, 121.0, 122.0}, new double[] {c.x(0), c.x(1), c.x(2)});
    assertArrayEquals(new double[] {137.5, 136.5, 135.0}, new double[] {c.y(0), c.y(1), c.y(2)});
  }

  @Test
  void garbageNamesItsLine() {
    ContourFormatException e = assertThrows(ContourFormatException.class,
        () -> ContourParser.parse("1 1\n2 2\n\nthis is not a contour\n3 3\n"));
    assertTrue(e.getMessage().startsWith("line 4:"), e.getMessage());
  }

  @Test
  void refusesThreeFieldsNanAndHexLikeNumbers() {
    assertTrue(message("1 1\n2 2 2\n3 3").startsWith("line 2: expected \"x y\", found 3"));
    assertTrue(message("1 1\nNaN 2\n3 3").startsWith("line 2: not a finite decimal"));
    assertTrue(message("1 1\n2 Infinity\n3 3").startsWith("line 2: not a finite decimal"));
    assertTrue(message("1d 1\n2 2\n3 3").startsWith("line 1: not a finite decimal"));
    assertTrue(message("1 1\n2 2\n3 x3").startsWith("line 3: not a number"));
  }

  @Test
  void refusesEmptyAndTooFewVertices() {
    assertEquals("a closed contour needs at least 3 vertices, found 0 (empty file)", message(""));
    assertEquals("a closed contour needs at least 3 vertices, found 0 in 2 line(s)", message("\n \n"));
    assertEquals("a closed contour needs at least 3 vertices, found 2 in 2 line(s)", message("1 1\n2 2\n"));
  }

  @Test
  void acceptsSignsAndExponents() throws Exception {
    Contour c = ContourParser.parse("-1.5 +2\n.5 1e1\n3. 2E-1\n");
    assertArrayEquals(new double[] {-1.5, 0.5, 3.0}, new double[] {c.x(0), c.x(1), c.x(2)});
    assertArrayEquals(new double[] {2, 10, 0.2}, new double[] {c.y(0), c.y(1), c.y(2)});
  }

  private static String message(String text) {
    return assertThrows(ContourFormatException.class, () -> ContourParser.parse(text)).getMessage();
  }
}
