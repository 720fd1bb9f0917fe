package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.heartbeam.model.image.LabeledImage;

/** File helpers shared by the TFRecord tests. */
final class TfRecordTestFiles {
  private TfRecordTestFiles() {}

  /** Writes framed seed records, record k being {@code images.get(k)} named by its source URI. */
  static Path writeSeedFile(Path file, List<LabeledImage> images) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (LabeledImage image : images) {
      TfRecordFraming.write(out, SeedExampleCodec.encode(image, image.image().sourceUri()));
    }
    Files.write(file, out.toByteArray());
    return file;
  }

  /** The payloads of a file whose every frame must be a good record (so frames tile the file exactly). */
  static List<byte[]> payloads(Path file) throws IOException {
    List<byte[]> payloads = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      TfRecordFraming.Reader reader = TfRecordFraming.reader(in);
      for (TfRecordFrame f = reader.next(); f != null; f = reader.next()) {
        payloads.add(f.data());
      }
    }
    return payloads;
  }

  /** Payloads in a fixed order, to compare files whose record order is the runner's. */
  static List<String> sortedHex(List<byte[]> payloads) {
    return payloads.stream().map(TfRecordTestFiles::hex).sorted().toList();
  }

  static String hex(byte[] bytes) { return java.util.HexFormat.of().formatHex(bytes); }

  /** The one file matching glob in dir. */
  static Path onlyFile(Path dir, String glob) throws IOException {
    List<Path> found = new ArrayList<>();
    try (var stream = Files.newDirectoryStream(dir, glob)) {
      stream.forEach(found::add);
    }
    assertEquals(1, found.size(), () -> "files matching " + glob + ": " + found);
    return found.get(0);
  }

  static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(p -> out.write(p, 0, p.length));
    return out.toByteArray();
  }

  static long counter(PipelineResult result, String name) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ReadSeedTfRecords.class, name)).build());
    long total = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }
}
