package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsvTableTest {
  @Test
  void readsQuotedFieldsByColumnName() {
    CsvTable t = CsvTable.parse("b,a,reason\r\n2,1,\"one, \"\"two\"\"\nthree\"\r\n,NaN,x\n");

    assertEquals(2, t.size());
    assertEquals("one, \"two\"\nthree", t.text(0, "reason"));
    assertEquals(1.0, t.number(0, "a"));
    assertEquals(2.0, t.number(0, "b"));
    assertTrue(Double.isNaN(t.number(1, "a")), "NaN");
    assertTrue(Double.isNaN(t.number(1, "b")), "empty");
    assertTrue(Double.isNaN(t.number(1, "reason")), "not a number");
  }

  @Test
  void missingColumnsAndShortRowsReadAsEmpty() {
    CsvTable t = CsvTable.parse("a,b\n1\n");

    assertTrue(t.hasColumn("a"));
    assertFalse(t.hasColumn("c"));
    assertEquals("", t.text(0, "b"));
    assertEquals("", t.text(0, "c"));
    assertEquals(0, CsvTable.parse("").size());
  }
}
