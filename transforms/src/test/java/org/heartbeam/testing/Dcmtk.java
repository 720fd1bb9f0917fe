package org.heartbeam.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs dcmtk command-line tools (dcmconv, dcmcrle, ...) to make transfer-syntax variants of test
 * files. A missing tool fails the test with a clear message: the tools are part of the test
 * environment (scripts/bootstrap --test installs them), so a skip would hide a gap.
 */
public final class Dcmtk {
  private Dcmtk() {}

  /** Runs {@code tool args... input output} and returns output. */
  public static Path run(String tool, Path input, Path output, String... options) {
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.addAll(List.of(options));
    command.add(input.toString());
    command.add(output.toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(tool + " did not finish in 60 s");
      }
      String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + log);
      }
      return output;
    } catch (IOException e) {
      return fail("dcmtk tool '" + tool + "' is not installed (run scripts/bootstrap --test): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted running " + tool);
    }
  }
}
