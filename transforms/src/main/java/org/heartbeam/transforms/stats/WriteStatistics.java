package org.heartbeam.transforms.stats;

import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.MetricSummary;
import org.heartbeam.model.stats.StudyVolumes;

/**
 * Writes the statistics as files under an output directory (any Beam filesystem), each one file with
 * a header, the model version in every row:
 * <ul>
 *   <li>{@value #IMAGES_CSV}: one row per image ({@link ImageStatistics});
 *   <li>{@value #PATIENTS_CSV}: one row per model version, patient and metric;
 *   <li>{@value #RUN_CSV} (one row per model version and metric) and {@value #RUN_JSON} (an array of
 *       one object per model version, metrics nested);
 *   <li>{@value #VOLUMES_CSV} and {@value #VOLUMES_JSON}: one row/object per series, EDV, ESV, SV, EF,
 *       or computable=false and the reason.
 * </ul>
 * CSV is RFC 4180 with locale-independent plain numbers, undefined values empty; JSON has null there.
 * The JSON arrays are assembled in one place (Combine.globally): meant for the global window of a batch
 * run, where an empty input still gives "[]".
 */
public final class WriteStatistics {
  public static final String IMAGES_CSV = "images.csv";
  public static final String PATIENTS_CSV = "patients.csv";
  public static final String RUN_CSV = "run.csv";
  public static final String RUN_JSON = "run.json";
  public static final String VOLUMES_CSV = "volumes.csv";
  public static final String VOLUMES_JSON = "volumes.json";

  private WriteStatistics() {}

  public static PTransform<PCollection<ImageStatistics>, PDone> images(String outputDir) {
    return new CsvFile<>(outputDir, IMAGES_CSV, StatisticsCsv.IMAGES_HEADER, s -> List.of(StatisticsCsv.image(s)));
  }

  public static PTransform<PCollection<MetricSummary>, PDone> patients(String outputDir) {
    return new CsvFile<>(outputDir, PATIENTS_CSV, StatisticsCsv.PATIENTS_HEADER, s -> StatisticsCsv.summary(s, true));
  }

  public static PTransform<PCollection<MetricSummary>, PDone> run(String outputDir) {
    return new CsvAndJson<>(
        new CsvFile<>(outputDir, RUN_CSV, StatisticsCsv.RUN_HEADER, s -> StatisticsCsv.summary(s, false)),
        new JsonArrayFile<>(outputDir, RUN_JSON, StatisticsJson::run));
  }

  public static PTransform<PCollection<StudyVolumes>, PDone> volumes(String outputDir) {
    return new CsvAndJson<>(
        new CsvFile<>(outputDir, VOLUMES_CSV, StatisticsCsv.VOLUMES_HEADER, v -> List.of(StatisticsCsv.volumes(v))),
        new JsonArrayFile<>(outputDir, VOLUMES_JSON, StatisticsJson::volumes));
  }

  /** {@code dir/name} on whatever filesystem {@code dir} is on, minus the extension (TextIO adds it). */
  private static String prefix(String outputDir, String fileName) {
    String stem = fileName.substring(0, fileName.lastIndexOf('.'));
    return FileSystems.matchNewResource(outputDir, true).resolve(stem, StandardResolveOptions.RESOLVE_FILE).toString();
  }

  private static String extension(String fileName) { return fileName.substring(fileName.lastIndexOf('.')); }

  /** One CSV file with a header; each element gives one or more rows. */
  private static final class CsvFile<T> extends PTransform<PCollection<T>, PDone> {
    private final String outputDir;
    private final String fileName;
    private final String header;
    private final SerializableFunction<T, Iterable<String>> rows;

    CsvFile(String outputDir, String fileName, String header, SerializableFunction<T, Iterable<String>> rows) {
      this.outputDir = outputDir;
      this.fileName = fileName;
      this.header = header;
      this.rows = rows;
    }

    @Override
    public PDone expand(PCollection<T> input) {
      return input
          .apply("Rows", FlatMapElements.into(TypeDescriptors.strings()).via(rows))
          .setCoder(StringUtf8Coder.of())
          .apply("Write", TextIO.write().to(prefix(outputDir, fileName)).withSuffix(extension(fileName))
              .withHeader(header).withoutSharding());
    }
  }

  /** One JSON file holding an array of one object per element. */
  private static final class JsonArrayFile<T> extends PTransform<PCollection<T>, PDone> {
    private final String outputDir;
    private final String fileName;
    private final SerializableFunction<T, String> json;

    JsonArrayFile(String outputDir, String fileName, SerializableFunction<T, String> json) {
      this.outputDir = outputDir;
      this.fileName = fileName;
      this.json = json;
    }

    @Override
    public PDone expand(PCollection<T> input) {
      return input
          .apply("Objects", MapElements.into(TypeDescriptors.strings()).via(json))
          .setCoder(StringUtf8Coder.of())
          .apply("Array", Combine.globally(new JsonArrayFn()))
          .apply("Write", TextIO.write().to(prefix(outputDir, fileName)).withSuffix(extension(fileName))
              .withoutSharding());
    }
  }

  /** Both files of one kind from the same collection. */
  private static final class CsvAndJson<T> extends PTransform<PCollection<T>, PDone> {
    private final CsvFile<T> csv;
    private final JsonArrayFile<T> json;

    CsvAndJson(CsvFile<T> csv, JsonArrayFile<T> json) {
      this.csv = csv;
      this.json = json;
    }

    @Override
    public PDone expand(PCollection<T> input) {
      input.apply("Csv", csv);
      input.apply("Json", json);
      return PDone.in(input.getPipeline());
    }
  }
}
