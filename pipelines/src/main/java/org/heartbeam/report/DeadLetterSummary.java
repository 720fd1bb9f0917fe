package org.heartbeam.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many inputs a run dead-lettered, by stage, from dead_letters.jsonl (one
 * {"source","stage","reason"} object a line). Sources and reasons are not shown: a source is a file
 * path, and folder names can carry patient IDs.
 *
 * @param present whether the run wrote the file at all
 * @param unreadableLines lines that were not a JSON object (counted, not fatal)
 */
public record DeadLetterSummary(boolean present, long total, Map<String, Long> byStage, long unreadableLines) {
  static final String FILE = "dead_letters.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  public DeadLetterSummary {
    byStage = Map.copyOf(byStage);
  }

  static DeadLetterSummary read(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new DeadLetterSummary(false, 0, Map.of(), 0);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Long> byStage = new TreeMap<>();
    long total = 0;
    long unreadable = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      total++;
      try {
        JsonNode node = JSON.readTree(line);
        String stage = node.isObject() && node.hasNonNull("stage") ? node.get("stage").asText() : "(no stage)";
        byStage.merge(stage, 1L, Long::sum);
      } catch (IOException e) {
        unreadable++;
        byStage.merge("(unreadable line)", 1L, Long::sum);
      }
    }
    return new DeadLetterSummary(true, total, byStage, unreadable);
  }
}
