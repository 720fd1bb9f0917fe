package org.heartbeam.pipelines.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.file.RunFolder;

/**
 * epochs.csv and epochs.jsonl, appended (and flushed) after every epoch, so a run that is watched
 * or killed still shows every finished epoch.
 */
final class EpochLog {
  static final String CSV = RunFolder.EPOCHS_CSV;
  static final String JSONL = RunFolder.EPOCHS_JSONL;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path csv;
  private final Path jsonl;
  private final List<EpochMetrics> epochs = new ArrayList<>();

  EpochLog(Path runFolder) throws IOException {
    this.csv = runFolder.resolve(CSV);
    this.jsonl = runFolder.resolve(JSONL);
    Files.writeString(csv, EpochMetrics.CSV_HEADER + "\n", StandardCharsets.UTF_8);
    Files.writeString(jsonl, "", StandardCharsets.UTF_8);
  }

  void append(EpochMetrics m) throws IOException {
    epochs.add(m);
    Files.writeString(csv, m.toCsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Files.writeString(jsonl, JSON.writeValueAsString(m.toJson()) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  List<EpochMetrics> epochs() { return List.copyOf(epochs); }
}
