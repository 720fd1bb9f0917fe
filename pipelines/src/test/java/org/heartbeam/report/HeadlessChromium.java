package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium} in headless mode, driven from its command line: load a page, dump the DOM
 * after the load event, or take a screenshot. Absent browser: the test is skipped, except under
 * {@code REQUIRE_SHARED_DATA=1} (CI), where it fails ({@code scripts/bootstrap --test} installs it).
 */
final class HeadlessChromium {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser");
  private static final long TIMEOUT_SECONDS = 90;

  /** What one browser run printed. */
  record Result(String stdout, String stderr) {
    /**
     * The page's console messages. Chromium logs every one (log, error, uncaught exception, CSP
     * violation) as an {@code INFO:CONSOLE} line on stderr with --enable-logging=stderr.
     */
    List<String> consoleMessages() {
      return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  private final Path executable;
  private final Path workDir;

  private HeadlessChromium(Path executable, Path workDir) {
    this.executable = executable;
    this.workDir = workDir;
  }

  /** The installed browser; skips (or fails under REQUIRE_SHARED_DATA=1) when there is none. */
  static HeadlessChromium require(Path workDir) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : NAMES) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return new HeadlessChromium(candidate, workDir);
        }
      }
    }
    String message = "no chromium on PATH (scripts/bootstrap --test installs it)";
    if ("1".equals(System.getenv("REQUIRE_SHARED_DATA"))) {
      fail(message + "; REQUIRE_SHARED_DATA=1 makes this a failure");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  /** Loads the page and prints the DOM as it is after the load event (and its handlers). */
  Result dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  /** Loads the page in a window of the given size and writes a PNG screenshot of it. */
  Result screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    return run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, page.toUri().toString()));
  }

  private Result run(List<String> args) throws IOException, InterruptedException {
    // A profile of its own: a second chromium on the same profile hands its work to the first and exits.
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless=new", "--no-sandbox",
        "--disable-gpu", "--enable-logging=stderr", "--v=0", "--no-first-run", "--user-data-dir=" + profile));
    command.addAll(args);
    Path out = workDir.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = workDir.resolve("chromium-" + System.nanoTime() + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      fail("chromium exited with " + process.exitValue() + ": " + stderr);
    }
    return new Result(Files.readString(out, StandardCharsets.UTF_8), stderr);
  }
}
