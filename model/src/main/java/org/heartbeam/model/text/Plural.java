package org.heartbeam.model.text;

import java.util.Locale;

/**
 * "1 patient", "2 patients": counts in what users read. Every command's output says counts this
 * way, so none prints "1 patients" (or "patient(s)").
 */
public final class Plural {
  private Plural() {}

  /** {@code count} and {@code noun}, with an "s" unless the count is exactly one. */
  public static String of(long count, String noun) {
    return of(count, noun, noun + "s");
  }

  /** For nouns whose plural is not noun + "s" ("series", "copies"). */
  public static String of(long count, String singular, String plural) {
    return String.format(Locale.ROOT, "%d %s", count, count == 1 ? singular : plural);
  }
}
