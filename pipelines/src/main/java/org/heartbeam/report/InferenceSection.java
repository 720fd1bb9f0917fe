package org.heartbeam.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The inference part of the report: run summary, Dice distribution, per-patient table, overlay grid,
 * and ejection fraction. Each part is left out when the run has nothing for it.
 */
final class InferenceSection {
  /** An overlay larger than this is not an overlay the pipeline wrote; it is not embedded. */
  static final long MAX_OVERLAY_BYTES = 4L << 20;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  /** Keys are long hashes; this many characters tell a run's patients and series apart on screen. */
  static final int SHORT_KEY = 12;

  private InferenceSection() {}

  static String html(InferenceRun run) throws IOException {
    return summary(run) + diceDistribution(run) + patients(run) + overlays(run) + ejectionFraction(run);
  }

  private static String summary(InferenceRun run) {
    List<ImageRow> images = run.images();
    double[] dice = images.stream().filter(ImageRow::hasDice).mapToDouble(ImageRow::dice).toArray();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("images", Integer.toString(images.size())));
    rows.add(List.of("labelled images", Integer.toString(dice.length)));
    rows.add(List.of("patients", Integer.toString(distinct(images, ImageRow::patientKey))));
    rows.add(List.of("series", Integer.toString(distinct(images, ImageRow::seriesKey))));
    Set<String> versions = new TreeSet<>();
    images.forEach(i -> versions.add(i.modelVersion()));
    rows.add(List.of("model version", String.join(", ", versions)));
    if (dice.length > 0) {
      rows.add(List.of("Dice mean", Format.number(Arrays.stream(dice).average().orElse(Double.NaN), 4)));
      rows.add(List.of("Dice median", Format.number(Statistics.median(dice), 4)));
    }
    StringBuilder out = new StringBuilder("<section id=\"inference-summary\"><h2>Inference run</h2>\n")
        .append(Html.table("summary", List.of("field", "value"), rows));
    if (!run.runSummary().isEmpty()) {
      out.append("<h3>Dice by model version</h3>\n")
          .append(diceTable("model version", run.runSummary(), DiceSummaryRow::modelVersion, false));
    }
    return out.append("</section>\n").toString();
  }

  private static String diceDistribution(InferenceRun run) throws IOException {
    List<Double> dice = run.images().stream().filter(ImageRow::hasDice).map(ImageRow::dice).toList();
    if (dice.isEmpty()) {
      return "";
    }
    Map<String, List<Double>> byPatient = new TreeMap<>();
    run.images().stream().filter(ImageRow::hasDice)
        .forEach(i -> byPatient.computeIfAbsent(shortKey(i.patientKey()), k -> new ArrayList<>()).add(i.dice()));
    String boxes = byPatient.size() > DiceByPatientChart.MAX_PATIENTS ? ""
        : Html.pngImage(DiceByPatientChart.png(byPatient), "box plot of per-image Dice by patient",
            DiceByPatientChart.WIDTH, DiceByPatientChart.HEIGHT);
    return "<section id=\"dice-distribution\"><h2>Dice distribution</h2>\n"
        + Html.pngImage(DiceHistogramChart.png(dice), "histogram of per-image Dice", DiceHistogramChart.WIDTH,
            DiceHistogramChart.HEIGHT)
        + boxes + "</section>\n";
  }

  private static String patients(InferenceRun run) {
    if (run.patients().isEmpty()) {
      return "";
    }
    return "<section id=\"patients\"><h2>Per patient</h2>\n"
        + diceTable("patient key", run.patients(), DiceSummaryRow::patientKey, true) + "</section>\n";
  }

  /** Dice summaries, one row each, first column named by {@code keyName}. */
  private static String diceTable(String keyName, List<DiceSummaryRow> summaries, Function<DiceSummaryRow, String> key,
      boolean withModelVersion) {
    List<String> header = new ArrayList<>(List.of(keyName));
    if (withModelVersion) {
      header.add("model version");
    }
    header.addAll(List.of("images", "labelled", "Dice mean", "Dice sd", "Dice median", "Dice min", "Dice max"));
    List<List<Object>> rows = new ArrayList<>();
    for (DiceSummaryRow p : summaries) {
      List<Object> row = new ArrayList<>(List.of(key.apply(p)));
      if (withModelVersion) {
        row.add(p.modelVersion());
      }
      row.addAll(List.of(Long.toString(p.images()), Long.toString(p.labelled()), Format.number(p.mean(), 4),
          Format.number(p.sd(), 4), Format.number(p.median(), 4), Format.number(p.min(), 4),
          Format.number(p.max(), 4)));
      rows.add(row);
    }
    return Html.table("numbers", header, rows);
  }

  private static String overlays(InferenceRun run) throws IOException {
    StringBuilder groups = new StringBuilder();
    for (OverlaySelection.Group group : OverlaySelection.choose(run)) {
      StringBuilder figures = new StringBuilder();
      for (ImageRow image : group.images()) {
        byte[] png = readPng(run.overlays().get(image.imageKey()));
        if (png == null) {
          continue;
        }
        double value = group.measure().equals("Dice") ? image.dice() : image.lvAreaMm2();
        String caption = group.measure() + " " + Format.number(value, group.measure().equals("Dice") ? 3 : 0)
            + (group.measure().equals("Dice") ? "" : " mm\u00b2") + " \u00b7 image " + image.imageKey()
            + " \u00b7 patient " + shortKey(image.patientKey()) + " \u00b7 phase " + image.phaseIndex();
        figures.append("<figure>").append(zoomed(png, image.imageKey()))
            .append("<figcaption>").append(Html.escape(caption)).append("</figcaption></figure>\n");
      }
      if (figures.length() > 0) {
        groups.append("<h3>").append(Html.escape(group.title())).append("</h3>\n<div class=\"grid\">\n")
            .append(figures).append("</div>\n");
      }
    }
    if (groups.length() == 0) {
      return "";
    }
    return "<section id=\"overlays\"><h2>Overlays</h2>\n" + groups + "</section>\n";
  }

  /**
   * The heart region enlarged ({@link HeartCrop}), the whole field of view one click away (a closed
   * {@code <details>}: no script, the page stays one file); the whole image alone when it shows no contour.
   */
  private static String zoomed(byte[] overlay, String imageKey) throws IOException {
    String full = Html.pngImage(overlay, "overlay of image " + imageKey, 0, 0);
    var crop = HeartCrop.of(overlay);
    if (crop.isEmpty()) {
      return full;
    }
    String zoom = Html.pngImage(crop.get().png(), "heart region of image " + imageKey, 0, 0);
    return zoom.substring(0, zoom.length() - 1) + " class=\"zoom\">" + "<details><summary>whole image</summary>" + full + "</details>";
  }

  private static String ejectionFraction(InferenceRun run) throws IOException {
    if (run.volumes().isEmpty()) {
      return "";
    }
    List<VolumeRow> computable = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<List<Object>> rows = new ArrayList<>();
    for (VolumeRow v : run.volumes()) {
      String label = shortKey(v.patientKey()) + "/" + shortKey(v.seriesKey());
      while (!seen.add(label)) {
        label = label + "'";
      }
      boolean drawable = v.computable() && Double.isFinite(v.efPercent());
      if (drawable) {
        computable.add(v);
        labels.add(label);
      }
      double bar = drawable ? Math.max(0, Math.min(100, v.efPercent())) : 0;
      List<Object> row = new ArrayList<>(List.of(label, Format.number(v.edvMl(), 1), Format.number(v.esvMl(), 1),
          Format.number(v.svMl(), 1), Format.number(v.efPercent(), 1)));
      for (String source : EjectionFractionChart.sourcesIn(run.truths())) {
        Double truth = EjectionFractionChart.truthOf(v, source, run.truths());
        row.add(truth == null ? "" : Format.number(truth, 1));
      }
      row.add(Html.raw(drawable ? "<div class=\"bar\" style=\"width:" + Format.number(bar, 1) + "%\"></div>" : "",
          "bar"));
      row.add(v.computable() ? "" : v.reason());
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("patient/series", "EDV (ml)", "ESV (ml)", "SV (ml)", "EF (%)"));
    EjectionFractionChart.sourcesIn(run.truths()).forEach(source -> header.add("EF, " + source + " (%)"));
    header.addAll(List.of("EF", "not computable because"));
    StringBuilder out = new StringBuilder("<section id=\"ejection-fraction\"><h2>Ejection fraction</h2>\n");
    if (!computable.isEmpty()) {
      out.append(Html.pngImage(EjectionFractionChart.png(computable, labels, run.truths()),
          run.truths().isEmpty() ? "ejection fraction per series" : "ejection fraction per series, measured and true",
          EjectionFractionChart.WIDTH, EjectionFractionChart.HEIGHT));
    }
    if (EjectionFractionChart.sourcesIn(run.truths()).contains(EfTruth.EXPERT)) {
      out.append("<p class=\"meta\">Expert contours: the same Simpson sum over the experts' areas, on the slices"
          + " and phases they contoured (which may be fewer than the measured series has).</p>\n");
    }
    out.append(Html.table("numbers", header, rows));
    return out.append("</section>\n").toString();
  }

  /** The overlay's bytes when it is a PNG of plausible size; null otherwise (left out of the grid). */
  private static byte[] readPng(Path file) throws IOException {
    if (file == null || Files.size(file) > MAX_OVERLAY_BYTES) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < PNG_SIGNATURE.length) {
      return null;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        return null;
      }
    }
    return bytes;
  }

  static String shortKey(String key) {
    return key.isEmpty() ? "?" : key.length() <= SHORT_KEY ? key : key.substring(0, SHORT_KEY);
  }

  private static int distinct(List<ImageRow> images, Function<ImageRow, String> key) {
    Set<String> keys = new HashSet<>();
    images.forEach(i -> keys.add(key.apply(i)));
    return keys.size();
  }
}
