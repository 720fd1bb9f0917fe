package org.heartbeam.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesPerRfc4180() {
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",", Csv.row("plain", "a,b", "say \"hi\"", "two\nlines", ""));
  }

  @Test
  void numbersIgnoreTheDefaultLocaleAndNaNIsEmpty() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY); // decimal comma: must not leak into the files
      assertEquals("1234.5", Csv.number(1234.5));
      assertEquals("0.1", Csv.number(0.1));
      assertEquals("0.3", Csv.number(0.1 + 0.2)); // 10 significant digits hide binary noise
      assertEquals("0.0001", Csv.number(1e-4)); // plain, not 1.0E-4
      assertEquals("-2", Csv.number(-2.0));
      assertEquals("0", Csv.number(0.0));
      assertEquals("", Csv.number(Double.NaN));
      assertEquals("12345678901", Csv.number(12345678901L));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
