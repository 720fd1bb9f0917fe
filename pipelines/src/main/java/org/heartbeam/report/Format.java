package org.heartbeam.report;

import java.util.Locale;

/** Numbers as the report prints them: fixed decimals, locale-independent, an en dash when undefined. */
final class Format {
  static final String MISSING = "\u2013";

  private Format() {}

  static String number(double value, int decimals) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return MISSING;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
