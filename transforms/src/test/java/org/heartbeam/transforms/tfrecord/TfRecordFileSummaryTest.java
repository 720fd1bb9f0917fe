package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.heartbeam.testing.MalformedTfRecordCorpus;
import org.heartbeam.testing.SeedPatternImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfRecordFileSummaryTest {
  @TempDir Path dir;

  @Test
  void summarizesEachRecord() throws IOException {
    Path file = TfRecordTestFiles.writeSeedFile(dir.resolve("a.tfrecords"),
        List.of(SeedPatternImages.image(0, 192, 160, "s_"), SeedPatternImages.image(1, 8, 6, "s_")));

    TfRecordFileSummary summary = TfRecordFileSummary.of(file);

    assertEquals(2, summary.recordCount());
    assertEquals(List.of(), summary.problems());
    TfRecordFileSummary.Entry first = summary.entries().get(0);
    assertEquals(new TfRecordFileSummary.Entry(0, "s_000", 192, 160, 1,
        SeedPatternImages.image(0, 192, 160, "s_").label().orElseThrow().count(), -512f, 3583f), first);
    assertEquals(List.of(
        file + ": 2 record(s), 2 good, 0 bad",
        "  record 0: s_000 192x160 depth 1, label pixels " + first.labelPixels() + ", pixels -512..3583",
        "  record 1: s_001 8x6 depth 1, label pixels 5, pixels 497..799"), summary.lines());
  }

  @Test
  void listsBadRecordsWithReasonsInFileOrder() throws IOException {
    MalformedTfRecordCorpus.write(dir);

    List<String> lines = TfRecordFileSummary.of(dir.resolve("label_value_7.tfrecords")).lines();

    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith("  record 0: corpus_000 16x16"), lines.get(1));
    assertEquals("  record 1: BAD (tfrecord-decode) label_raw value 7 at row 1, column 3; labels must be 0 or 1",
        lines.get(2));
    assertTrue(lines.get(3).startsWith("  record 2: corpus_001 16x16"), lines.get(3));

    TfRecordFileSummary lost = TfRecordFileSummary.of(dir.resolve("bad_length_crc.tfrecords"));
    assertEquals(2, lost.recordCount());
    assertTrue(lost.problems().get(0).reason().endsWith("rest of file unreadable after record 0"));
  }

  @Test
  void readsGzipAndReportsABadGzipAsAProblem() throws IOException {
    Path plain = TfRecordTestFiles.writeSeedFile(dir.resolve("p"), List.of(SeedPatternImages.image(0, 4, 4, "g_")));
    Path gz = dir.resolve("g.tfrecords.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(plain));
    }
    assertEquals("g_000", TfRecordFileSummary.of(gz).entries().get(0).name());

    Path notGzip = Files.copy(plain, dir.resolve("fake.tfrecords.gz"));
    TfRecordFileSummary summary = TfRecordFileSummary.of(notGzip);
    assertEquals(1, summary.problems().size());
    assertTrue(summary.problems().get(0).reason().startsWith("not GZIP"), summary.problems().toString());
  }
}
