package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dicom3tools' dciodvfy; a missing tool fails (it is part of the test environment). */
public final class Dciodvfy {
  private Dciodvfy() {}

  /** Every output line, trimmed. */
  public static List<String> run(Path file) throws InterruptedException {
    try {
      Process process = new ProcessBuilder("dciodvfy", file.toString()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dciodvfy timed out on " + file);
      return output.lines().map(String::trim).toList();
    } catch (IOException e) {
      return fail("dciodvfy (dicom3tools) is not installed; run scripts/bootstrap --test (" + e.getMessage() + ")");
    }
  }

  public static List<String> errors(Path file) throws InterruptedException {
    return run(file).stream().filter(l -> l.startsWith("Error")).toList();
  }
}
