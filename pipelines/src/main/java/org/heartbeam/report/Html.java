package org.heartbeam.report;

import java.util.Base64;
import java.util.List;

/** HTML fragments. Every text that came from a file goes through {@link #escape}. */
final class Html {
  private Html() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters (a corrupt file) would make the page invalid: show them as U+FFFD.
          out.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
        }
      }
    }
    return out.toString();
  }

  /** An image embedded as a data: URI, so the page needs no other file. */
  static String pngImage(byte[] png, String alt, int width, int height) {
    return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" alt=\"" + escape(alt)
        + "\"" + (width > 0 ? " width=\"" + width + "\" height=\"" + height + "\"" : "") + ">";
  }

  /** A table; header cells and body cells are escaped here, except cells already made by {@link #raw}. */
  static String table(String cssClass, List<String> header, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder("<table class=\"" + cssClass + "\"><thead><tr>");
    for (String h : header) {
      out.append("<th>").append(escape(h)).append("</th>");
    }
    out.append("</tr></thead><tbody>\n");
    for (List<Object> row : rows) {
      out.append("<tr>");
      for (Object cell : row) {
        out.append(cell instanceof Raw raw ? "<td class=\"" + raw.cssClass() + "\">" + raw.html() : "<td>"
            + escape(String.valueOf(cell))).append("</td>");
      }
      out.append("</tr>\n");
    }
    return out.append("</tbody></table>\n").toString();
  }

  /** A cell whose HTML the report built itself (e.g. a bar). */
  record Raw(String html, String cssClass) {}

  static Raw raw(String html, String cssClass) { return new Raw(html, cssClass); }
}
