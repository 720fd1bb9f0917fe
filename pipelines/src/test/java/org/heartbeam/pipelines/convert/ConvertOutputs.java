package org.heartbeam.pipelines.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.transforms.tfrecord.TfRecordFileSummary;
import org.heartbeam.pipelines.split.DatasetSplit;

/** Runs the convert pipeline in tests and reads back what it wrote, independently of the manifest. */
final class ConvertOutputs {
  private ConvertOutputs() {}

  static ConvertManifest convert(Path input, Path output, String... extraArgs) throws Exception {
    String[] args = Stream.concat(Stream.of("--input=" + input, "--output=" + output), Stream.of(extraArgs))
        .toArray(String[]::new);
    return ConvertPipeline.run(PipelineOptionsFactory.fromArgs(args).withValidation().as(ConvertOptions.class));
  }

  /** Record name -> label pixel count, for every record of one split's files (no bad records allowed). */
  static Map<String, Integer> records(Path output, DatasetSplit split) throws IOException {
    Map<String, Integer> records = new TreeMap<>();
    try (Stream<Path> files = Files.list(output)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(split.fileName() + "-"))
          .collect(Collectors.toList())) {
        TfRecordFileSummary summary = TfRecordFileSummary.of(file);
        assertTrue(summary.problems().isEmpty(), file + ": " + summary.problems());
        for (TfRecordFileSummary.Entry e : summary.entries()) {
          assertEquals(null, records.put(e.name(), e.labelPixels()), "duplicate record " + e.name());
        }
      }
    }
    return records;
  }

  static List<String> deadLetterLines(Path output) throws IOException {
    return Files.readAllLines(output.resolve(ConvertPipeline.DEAD_LETTERS_FILE + ".jsonl")).stream()
        .filter(l -> !l.isBlank()).collect(Collectors.toList());
  }

  /** The patient folder of a record name like "dicoms/SYN0001/5.dcm". */
  static String patientFolder(String recordName) {
    return recordName.split("/")[1];
  }
}
