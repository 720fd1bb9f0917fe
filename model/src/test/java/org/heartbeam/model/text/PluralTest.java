package org.heartbeam.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PluralTest {
  @Test
  void oneIsSingularEverythingElsePlural() {
    assertEquals("1 patient", Plural.of(1, "patient"));
    assertEquals("2 patients", Plural.of(2, "patient"));
    assertEquals("0 patients", Plural.of(0, "patient"));
    assertEquals("-1 patients", Plural.of(-1, "patient"));
  }

  @Test
  void irregularPlurals() {
    assertEquals("1 series", Plural.of(1, "series", "series"));
    assertEquals("3 copies", Plural.of(3, "copy", "copies"));
  }
}
