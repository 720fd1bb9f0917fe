package org.heartbeam.transforms.stats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * CSV the way spreadsheets and pandas read it: RFC 4180 (a field with a comma, quote, CR or LF is
 * quoted, quotes doubled), numbers in plain decimal notation independent of the JVM's locale, and NaN
 * (undefined) as an empty field.
 */
final class Csv {
  /** 10 significant digits: far below any measurement error, and no binary-fraction noise like 0.30000000000000004. */
  private static final MathContext DIGITS = new MathContext(10);

  private Csv() {}

  static String row(String... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields[i]));
    }
    return line.toString();
  }

  static String field(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /** Plain decimal, e.g. 1234.5 or 0.0001; empty for NaN. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a reportable number: " + value);
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(value).round(DIGITS).stripTrailingZeros().toPlainString();
  }

  static String number(long value) { return Long.toString(value); }
}
