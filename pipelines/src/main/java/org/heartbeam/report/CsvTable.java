package org.heartbeam.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row, read by column name (RFC 4180: quoted fields, doubled quotes, commas
 * and line breaks inside quotes). Columns are looked up by name so that a writer adding or reordering
 * columns does not break the report; a missing column reads as empty.
 */
final class CsvTable {
  private final Map<String, Integer> columns;
  private final List<List<String>> rows;

  private CsvTable(List<String> header, List<List<String>> rows) {
    this.columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i).trim(), i);
    }
    this.rows = rows;
  }

  static CsvTable read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  static CsvTable parse(String text) {
    List<List<String>> records = records(text);
    if (records.isEmpty()) {
      return new CsvTable(List.of(), List.of());
    }
    return new CsvTable(records.get(0), records.subList(1, records.size()));
  }

  boolean hasColumn(String name) { return columns.containsKey(name); }

  int size() { return rows.size(); }

  /** The field, or "" when the row is short or the column absent. */
  String text(int row, String column) {
    Integer index = columns.get(column);
    List<String> fields = rows.get(row);
    return index == null || index >= fields.size() ? "" : fields.get(index);
  }

  /** The field as a number; NaN when empty, absent, "NaN" or not a number. */
  double number(int row, String column) {
    String field = text(row, column).trim();
    if (field.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(field);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          fields.add(field.toString());
          records.add(fields);
        }
        fields = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}
