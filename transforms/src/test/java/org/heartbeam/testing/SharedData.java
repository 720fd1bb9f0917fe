package org.heartbeam.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared real data ({@code ../shared/data} beside the checkout). Tests that need it skip
 * when it is absent, except under {@code REQUIRE_SHARED_DATA=1} (CI), where they fail: a real-data
 * test must never pass by silently not running.
 */
public final class SharedData {
  private SharedData() {}

  /** The Sunnybrook sample root (holds link.csv, dicoms/, contourfiles/). */
  public static Path sunnybrook() {
    Path root = locate();
    Path sunnybrook = root == null ? null : root.resolve("sunnybrook");
    if (sunnybrook == null || !Files.isRegularFile(sunnybrook.resolve("link.csv"))) {
      String message = "shared Sunnybrook data not found (looked for ../shared/data/sunnybrook"
          + " upwards from " + Paths.get("").toAbsolutePath() + " and in $HEARTBEAM_SHARED_DATA)";
      if ("1".equals(System.getenv("REQUIRE_SHARED_DATA"))) {
        fail(message + "; REQUIRE_SHARED_DATA=1 makes this a failure");
      }
      Assumptions.abort(message);
    }
    return sunnybrook;
  }

  private static Path locate() {
    String env = System.getenv("HEARTBEAM_SHARED_DATA");
    if (env != null && Files.isDirectory(Paths.get(env))) {
      return Paths.get(env).toAbsolutePath().normalize();
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared/data").normalize();
      if (Files.isDirectory(candidate.resolve("sunnybrook"))) {
        return candidate;
      }
    }
    return null;
  }
}
