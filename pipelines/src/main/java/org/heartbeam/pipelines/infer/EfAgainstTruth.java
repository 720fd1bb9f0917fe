package org.heartbeam.pipelines.infer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.heartbeam.model.image.PatientKey;
import org.heartbeam.model.text.Plural;

/**
 * Measured EDV, ESV and EF of an inference run next to the truth of a synthetic set
 * ({@code ground_truth.csv} of {@code heartbeam synth}), matched by patient key (the hash of the
 * PatientID), so the comparison never needs the IDs in the outputs.
 */
public final class EfAgainstTruth {
  public static final String TRUTH_FILE = "ground_truth.csv";
  /** The truth of the studies an inference run measured, in its output folder (what the report reads). */
  public static final String RUN_TRUTH_FILE = "ef_truth.csv";

  /** One study: truth and measured (NaN when the run could not compute it). */
  public record Row(String patientKey, double trueEdvMl, double trueEsvMl, double trueEf, double edvMl,
      double esvMl, double ef) {
    public double efError() { return ef - trueEf; }
  }

  private EfAgainstTruth() {}

  /** The truth file of the synthetic set an input folder belongs to (the folder or its parent), if any. */
  public static java.util.Optional<Path> truthFor(Path input) {
    Path folder = input.toAbsolutePath().normalize();
    for (Path dir : new Path[] {folder, folder.getParent()}) {
      if (dir != null && Files.isRegularFile(dir.resolve(TRUTH_FILE)) && Files.isRegularFile(dir.resolve("link.csv"))) {
        return java.util.Optional.of(dir.resolve(TRUTH_FILE));
      }
    }
    return java.util.Optional.empty();
  }

  /** Rows for every truth patient the run measured (a series with computable volumes). */
  public static List<Row> compare(Path truthCsv, Iterable<JsonNode> volumes) throws IOException {
    Map<String, JsonNode> measured = new HashMap<>();
    for (JsonNode v : volumes) {
      if (v.path("computable").asBoolean()) {
        measured.put(v.path("patient_key").asText(), v);
      }
    }
    List<String> lines = Files.readAllLines(truthCsv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      JsonNode v = measured.get(PatientKey.of(f[header.indexOf("patient_id")]));
      if (v == null && header.contains("original_id")) {
        v = measured.get(PatientKey.of(f[header.indexOf("original_id")]));
      }
      if (v == null) {
        continue;
      }
      rows.add(new Row(v.path("patient_key").asText(), number(f, header, "EDV_ml"), number(f, header, "ESV_ml"),
          number(f, header, "EF_percent"), v.path("edv_ml").asDouble(Double.NaN),
          v.path("esv_ml").asDouble(Double.NaN), v.path("ef_percent").asDouble(Double.NaN)));
    }
    return rows;
  }

  /**
   * Writes the truth of the measured studies into the run folder as {@value #RUN_TRUTH_FILE} (patient keys
   * only, never IDs), where the report shows it next to the measured EF.
   */
  public static Path writeInto(Path runFolder, List<Row> rows) throws IOException {
    StringBuilder csv = new StringBuilder("patient_key,true_edv_ml,true_esv_ml,true_ef_percent\n");
    for (Row r : rows) {
      csv.append(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f%n", r.patientKey(), r.trueEdvMl(), r.trueEsvMl(),
          r.trueEf()));
    }
    Path file = runFolder.resolve(RUN_TRUTH_FILE);
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  /** The table as the CLI prints it, with the largest EF error. */
  public static void print(List<Row> rows, PrintStream out, String prefix) {
    out.println(prefix + "patient           | EDV true/measured ml | ESV true/measured ml | EF true/measured % | EF error");
    double worst = 0;
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%s%-17s | %7.1f / %7.1f      | %7.1f / %7.1f      | %5.1f / %5.1f      | %+5.1f%n", prefix,
          r.patientKey(), r.trueEdvMl(), r.edvMl(), r.trueEsvMl(), r.esvMl(), r.trueEf(), r.ef(), r.efError());
      worst = Math.max(worst, Math.abs(r.efError()));
    }
    out.printf(Locale.ROOT, "%s%s, largest EF error %.1f points%n", prefix, Plural.of(rows.size(), "study", "studies"), worst);
  }

  private static double number(String[] fields, List<String> header, String column) {
    return Double.parseDouble(fields[header.indexOf(column)]);
  }
}
