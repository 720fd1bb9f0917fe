package org.heartbeam.transforms.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An input that could not be used, and why: bad input never kills a pipeline and is never silently
 * dropped; it becomes one of these, written next to the outputs so the counts reconcile
 * (read = emitted + dead-lettered).
 *
 * <p>{@code source} names the input (file path or URI, with "#record=N" or "#frame=N" where one file
 * holds many); {@code stage} names the step that refused it (e.g. "dicom-decode"); {@code reason} is
 * one line a user can act on. Reasons must not carry patient names or IDs.
 */
public final class DeadLetter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON_CHARS = 500;

  private final String source;
  private final String stage;
  private final String reason;

  public DeadLetter(String source, String stage, String reason) {
    this.source = Objects.requireNonNull(source, "source");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.reason = oneLine(Objects.requireNonNull(reason, "reason"));
  }

  /** A dead letter from an exception: its class and message, on one line. */
  public static DeadLetter of(String source, String stage, Throwable error) {
    String message = error.getMessage();
    String text = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return new DeadLetter(source, stage, text);
  }

  public String source() { return source; }

  public String stage() { return stage; }

  public String reason() { return reason; }

  /** One JSON object on one line: the dead-letter file format. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("source", source);
    node.put("stage", stage);
    node.put("reason", reason);
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static DeadLetter fromJson(String line) {
    try {
      var node = JSON.readTree(line);
      return new DeadLetter(node.get("source").asText(), node.get("stage").asText(), node.get("reason").asText());
    } catch (JsonProcessingException | NullPointerException e) {
      throw new IllegalArgumentException("not a dead-letter line: " + line, e);
    }
  }

  /** Every dead letter of a {@code .jsonl} file {@link WriteDeadLetters} wrote; none when it does not exist. */
  public static List<DeadLetter> readAll(Path jsonl) throws IOException {
    if (!Files.exists(jsonl)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).map(DeadLetter::fromJson).collect(Collectors.toList());
    }
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() <= MAX_REASON_CHARS ? flat : flat.substring(0, MAX_REASON_CHARS) + "...";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter && source.equals(((DeadLetter) o).source)
        && stage.equals(((DeadLetter) o).stage) && reason.equals(((DeadLetter) o).reason);
  }

  @Override
  public int hashCode() { return Objects.hash(source, stage, reason); }

  @Override
  public String toString() { return stage + " " + source + ": " + reason; }
}
