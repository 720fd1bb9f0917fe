package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/build-progress, which the launcher runs Maven through: the first build used to be silent for
 * minutes. A stand-in for Maven prints Maven's own -B lines slowly; the script must keep the whole
 * output in the log and say, while it runs, which module is building and how much was downloaded.
 */
class BuildProgressScriptTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "build-progress").toAbsolutePath().normalize();

  private static final String FAKE_MAVEN = String.join("\n",
      "echo '[INFO] Building HeartBeam 0.1.0-SNAPSHOT                                  [1/5]'",
      "echo '[INFO] Downloaded from central: https://repo/a.pom (2.5 kB at 10 kB/s)'",
      "echo '[INFO] Building HeartBeam transforms 0.1.0-SNAPSHOT                       [3/5]'",
      "echo '[INFO] Downloaded from central: https://repo/b.jar (1.5 MB at 9 MB/s)'",
      "echo '[INFO] Downloaded from central: https://repo/c.jar (500 kB at 9 MB/s)'",
      "echo '[INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ heartbeam-transforms ---'",
      "sleep 2.5",
      "exit ${FAKE_STATUS:-0}");

  private static Process start(Path log, int status) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), log.toString(), "bash", "-c", FAKE_MAVEN);
    builder.environment().put("HEARTBEAM_PROGRESS_SECONDS", "1");
    builder.environment().put("FAKE_STATUS", Integer.toString(status));
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return builder.start();
  }

  @Test
  @Timeout(30)
  void showsModuleStepAndDownloadsWhileBuildingAndKeepsTheWholeLog(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("build.log");
    Process p = start(log, 0);
    String progress = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), progress);

    List<String> lines = progress.lines().toList();
    assertTrue(lines.size() >= 2, "a line per interval while it runs, then a last one: " + progress);
    assertTrue(lines.get(0).matches("heartbeam: build 0:0\\d  transforms \\[3/5\\]: compiler:compile"
        + "  3 artifacts downloaded \\(2 MB\\)"), lines.get(0));
    assertTrue(lines.get(lines.size() - 1).startsWith("heartbeam: build done in 0:0"), progress);
    assertTrue(lines.get(lines.size() - 1).endsWith(", ok"), progress);
    assertEquals(6, Files.readAllLines(log).size(), "Maven's whole output is in the log");
  }

  @Test
  @Timeout(30)
  void aFailedBuildKeepsItsStatus(@TempDir Path tmp) throws Exception {
    Process p = start(tmp.resolve("build.log"), 3);
    String progress = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue(), progress);
    assertTrue(progress.strip().endsWith("FAILED (exit 3)"), progress);
  }
}
