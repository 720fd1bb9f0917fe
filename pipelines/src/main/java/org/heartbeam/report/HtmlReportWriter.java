package org.heartbeam.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code <run dir>/report.html}: one self-contained page (pictures as data: URIs, CSS inline,
 * one inline script, nothing fetched), so it can be mailed or archived alone. A Content-Security-Policy
 * forbids any other source, so a page that tried to load something would show it as an error.
 */
public final class HtmlReportWriter {
  public static final String FILE = "report.html";

  private static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
      + "script-src 'unsafe-inline'";

  private static final String CSS = """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
      h1 { margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; margin-top: 1.6em; }
      table { border-collapse: collapse; margin: 0.5em 0; }
      th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
      table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
      table.numbers td:first-child { text-align: left; font-family: monospace; }
      td.bar { width: 200px; padding: 0; } div.bar { background: #b5524a; height: 12px; }
      .grid { display: flex; flex-wrap: wrap; gap: 12px; }
      figure { margin: 0; width: 280px; } figure img { width: 280px; height: auto; image-rendering: pixelated; }
      figure details summary { font-size: 0.8em; cursor: pointer; color: #446; }
      figcaption { font-size: 0.8em; word-break: break-all; }
      #broken-images { color: #b00; font-weight: bold; }
      .meta { color: #666; }
      """;

  /**
   * Counts pictures that failed to decode and says so on the page; the browser test reads the count
   * from the body's data attributes.
   */
  private static final String CHECK_IMAGES_SCRIPT = """
      window.addEventListener('load', function () {
        var images = document.images, broken = 0;
        for (var i = 0; i < images.length; i++) {
          if (!images[i].complete || images[i].naturalWidth === 0) { broken++; }
        }
        document.body.setAttribute('data-images', String(images.length));
        document.body.setAttribute('data-broken-images', String(broken));
        // The smallest rendered side of the enlarged heart regions (the browser test checks it).
        var zooms = document.querySelectorAll('img.zoom'), smallest = -1;
        for (var j = 0; j < zooms.length; j++) {
          var box = zooms[j].getBoundingClientRect(), side = Math.min(box.width, box.height);
          smallest = smallest < 0 ? side : Math.min(smallest, side);
        }
        document.body.setAttribute('data-zoomed-overlays', String(zooms.length));
        document.body.setAttribute('data-smallest-zoom-px', String(Math.round(smallest)));
        if (broken > 0) {
          var note = document.getElementById('broken-images');
          note.textContent = broken + ' of ' + images.length + ' pictures could not be shown.';
          note.hidden = false;
        }
      });
      """;

  private HtmlReportWriter() {}

  /** Writes the report into the run folder (replacing an earlier one) and returns its path. */
  public static Path write(RunReport report) throws IOException {
    Path target = report.runDir().resolve(FILE);
    Path partial = report.runDir().resolve(FILE + ".partial");
    Files.writeString(partial, render(report), StandardCharsets.UTF_8);
    // A reader never sees half a page: the finished file replaces the old one in one step.
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  static String render(RunReport report) throws IOException {
    String folder = report.runDir().getFileName() == null ? report.runDir().toString()
        : report.runDir().getFileName().toString();
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<title>HeartBeam report: ").append(Html.escape(folder)).append("</title>\n")
        .append("<style>").append(CSS).append("</style>\n")
        .append("<script>").append(CHECK_IMAGES_SCRIPT).append("</script>\n</head><body>\n")
        .append("<h1>HeartBeam ").append(Html.escape(report.kind())).append(" report</h1>\n")
        .append("<p class=\"meta\">Run folder <code>").append(Html.escape(report.runDir().toString()))
        .append("</code></p>\n<p id=\"broken-images\" hidden></p>\n");
    if (report.training().isPresent()) {
      page.append(TrainingSection.html(report.training().get()));
    }
    if (report.inference().isPresent()) {
      page.append(InferenceSection.html(report.inference().get()));
    }
    page.append(deadLetters(report.deadLetters()));
    return page.append("</body></html>\n").toString();
  }

  private static String deadLetters(DeadLetterSummary deadLetters) {
    if (!deadLetters.present()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<section id=\"dead-letters\"><h2>Dead letters</h2>\n<p>")
        .append(deadLetters.total()).append(deadLetters.total() == 1 ? " input" : " inputs")
        .append(" could not be processed (details in <code>").append(DeadLetterSummary.FILE).append("</code>).</p>\n");
    if (deadLetters.total() > 0) {
      List<List<Object>> rows = new ArrayList<>();
      for (Map.Entry<String, Long> e : deadLetters.byStage().entrySet()) {
        rows.add(List.of(e.getKey(), Long.toString(e.getValue())));
      }
      rows.sort((a, b) -> String.valueOf(a.get(0)).compareTo(String.valueOf(b.get(0))));
      out.append(Html.table("numbers", List.of("stage", "inputs"), rows));
    }
    return out.append("</section>\n").toString();
  }
}
