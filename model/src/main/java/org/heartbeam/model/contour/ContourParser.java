package org.heartbeam.model.contour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads the Sunnybrook contour text format: one "x y" pair of decimal numbers per line (x = column,
 * y = row), separated by spaces or tabs; blank lines are skipped. Anything else (a third number, a
 * word, NaN, fewer than 3 vertices) is refused with the 1-based line number, because a half-read
 * polygon would silently become a wrong label.
 */
public final class ContourParser {
  private ContourParser() {}

  public static Contour parse(String text) throws ContourFormatException {
    try {
      return parse(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException("a StringReader does not fail", e);
    }
  }

  public static Contour parse(Reader reader) throws IOException, ContourFormatException {
    double[] xs = new double[256];
    double[] ys = new double[256];
    int n = 0;
    BufferedReader lines = new BufferedReader(reader);
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] fields = trimmed.split("[ \t]+");
      if (fields.length != 2) {
        throw new ContourFormatException("line " + lineNumber + ": expected \"x y\", found "
            + fields.length + " field(s): " + excerpt(trimmed));
      }
      if (n == xs.length) {
        xs = Arrays.copyOf(xs, n * 2);
        ys = Arrays.copyOf(ys, n * 2);
      }
      xs[n] = number(fields[0], lineNumber, trimmed);
      ys[n] = number(fields[1], lineNumber, trimmed);
      n++;
    }
    if (n < 3) {
      throw new ContourFormatException("a closed contour needs at least 3 vertices, found " + n
          + (lineNumber == 0 ? " (empty file)" : " in " + lineNumber + " line(s)"));
    }
    return new Contour(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
  }

  private static double number(String field, int lineNumber, String line) throws ContourFormatException {
    double value;
    try {
      value = Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new ContourFormatException("line " + lineNumber + ": not a number: " + excerpt(line));
    }
    // Double.parseDouble accepts "NaN", "Infinity" and "1d"; only finite decimals are coordinates.
    if (!Double.isFinite(value) || !field.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
      throw new ContourFormatException("line " + lineNumber + ": not a finite decimal number: " + excerpt(line));
    }
    return value;
  }

  private static String excerpt(String line) {
    return line.length() <= 60 ? "\"" + line + "\"" : "\"" + line.substring(0, 60) + "...\"";
  }
}
