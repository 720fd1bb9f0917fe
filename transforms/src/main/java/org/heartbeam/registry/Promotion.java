package org.heartbeam.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One promotion to {@code production}: which version, which it replaced, when, the gate it passed
 * (minimum Dice, maximum latency) and what was measured (Dice from the run, latency timed at
 * promotion). It is both the stage pointer ({@code stages/production.json}) and a line of
 * {@code promotions.jsonl}.
 */
public record Promotion(String name, int version, OptionalInt previousVersion, Instant promotedAt, double minDice,
    double maxLatencyMs, double validationDice, LatencyMeasurement latency) {
  public static final String STAGE = "production";
  private static final ObjectMapper JSON = new ObjectMapper();

  public Promotion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(previousVersion, "previousVersion");
    Objects.requireNonNull(promotedAt, "promotedAt");
    Objects.requireNonNull(latency, "latency");
  }

  public String ref() {
    return name + "@" + version;
  }

  /** One line of JSON (the history file holds one per line). */
  String toJsonLine() {
    ObjectNode root = JSON.createObjectNode();
    root.put("stage", STAGE);
    root.put("name", name);
    root.put("version", version);
    if (previousVersion.isPresent()) {
      root.put("previous_version", previousVersion.getAsInt());
    } else {
      root.putNull("previous_version");
    }
    root.put("promoted_at", promotedAt.toString());
    ObjectNode gate = root.putObject("gate");
    gate.put("min_val_dice", minDice);
    gate.put("max_latency_ms_per_image", maxLatencyMs);
    ObjectNode measured = root.putObject("measured");
    measured.put("val_dice_mean", validationDice);
    measured.put("latency_ms_per_image", latency.msPerImage());
    measured.put("batch_size", latency.batchSize());
    measured.put("warmup_runs", latency.warmUp());
    measured.put("timed_runs", latency.runs());
    measured.put("omp_threads", latency.ompThreads());
    measured.put("engine", latency.engine());
    measured.put("input_height", latency.inputHeight());
    measured.put("input_width", latency.inputWidth());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a promotion record", e);
    }
  }

  static Promotion fromJson(String where, String json) throws RegistryException {
    try {
      JsonNode root = JSON.readTree(json);
      JsonNode gate = root.path("gate");
      JsonNode m = root.path("measured");
      JsonNode previous = root.path("previous_version");
      if (!root.path("version").canConvertToInt()) {
        throw new RegistryException(where + " names no version");
      }
      LatencyMeasurement latency = new LatencyMeasurement(m.path("latency_ms_per_image").asDouble(),
          m.path("batch_size").asInt(), m.path("warmup_runs").asInt(), m.path("timed_runs").asInt(),
          m.path("omp_threads").asInt(), m.path("engine").asText(), m.path("input_height").asInt(),
          m.path("input_width").asInt());
      return new Promotion(root.path("name").asText(), root.path("version").asInt(),
          previous.canConvertToInt() ? OptionalInt.of(previous.asInt()) : OptionalInt.empty(),
          Instant.parse(root.path("promoted_at").asText()), gate.path("min_val_dice").asDouble(),
          gate.path("max_latency_ms_per_image").asDouble(), m.path("val_dice_mean").asDouble(), latency);
    } catch (IOException | RuntimeException e) {
      if (e instanceof RegistryException) {
        throw (RegistryException) e;
      }
      throw new RegistryException(where + " is unreadable: " + String.valueOf(e.getMessage()).split("\\R", 2)[0], e);
    }
  }
}
