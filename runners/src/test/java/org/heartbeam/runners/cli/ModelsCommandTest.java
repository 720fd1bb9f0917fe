package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heartbeam.testing.TrainingRunFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heartbeam models}: what a user sees, and one-line errors with exit status 2. */
class ModelsCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path tmp;

  private int run(String... args) {
    out.reset();
    err.reset();
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String registry() {
    return "--registry=" + tmp.resolve("registry");
  }

  private void assertOneLineError(String expected) {
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().startsWith("heartbeam models: "), err());
    assertTrue(err().contains(expected), err());
  }

  @Tag("slow")
  @Test
  void registerListShowPromote() throws Exception {
    Path run1 = TrainingRunFolder.write(tmp.resolve("run1"), 1, 0.5);
    Path run2 = TrainingRunFolder.write(tmp.resolve("run2"), 2, 0.93);
    assertEquals(0, run("models", "register", run1.toString(), "--name=lv-unet", registry()), err());
    assertTrue(out().startsWith("registered lv-unet@1 at "), out());
    assertEquals(0, run("models", "register", run2.toString(), "--name=lv-unet", registry()), err());
    assertTrue(out().contains("lv-unet@2"), out());

    assertEquals(2, run("models", "promote", "lv-unet@1", "--minDice=0.9", "--maxLatencyMs=60000", registry()));
    assertOneLineError("lv-unet@1 not promoted: validation Dice check failed: val_dice_mean 0.5000 < minimum 0.9000");

    assertEquals(2, run("models", "promote", "lv-unet@2", "--minDice=0.9", "--maxLatencyMs=0.000001", registry()));
    assertOneLineError("lv-unet@2 not promoted: latency check failed: ");

    // The GNU form --name value, between positional arguments, works like --name=value.
    assertEquals(0, run("models", "promote", "lv-unet@2", "--minDice", "0.9", "--maxLatencyMs", "60000",
        "--latencyRuns", "1", "--latencyWarmup=0", "--registry", tmp.resolve("registry").toString()), err());
    assertTrue(out().startsWith("promoted lv-unet@2 to production: validation Dice 0.9300 >= 0.9000, latency "),
        out());
    assertTrue(out().contains("<= 60000.000 ms/image"), out());
    assertTrue(out().contains("previous none"), out());

    assertEquals(0, run("models", "list", registry()), err());
    String[] lines = out().strip().split("\n");
    assertEquals(3, lines.length, out());
    assertTrue(lines[0].startsWith("MODEL"), out());
    assertTrue(lines[1].matches("lv-unet\\s+1\\s+\\S+\\s+0\\.5000\\s*"), lines[1]);
    assertTrue(lines[2].matches("lv-unet\\s+2\\s+\\S+\\s+0\\.9300\\s+production"), lines[2]);

    assertEquals(0, run("models", "show", "lv-unet@production", registry()), err());
    assertTrue(out().startsWith("lv-unet@2  (production)\n"), out());
    assertTrue(out().contains("command:          heartbeam train --input=data --seed=2"), out());
    assertTrue(out().contains("data fingerprint: fp-2"), out());
    assertTrue(out().contains("metric val_dice_mean:   0.9300"), out());
    assertTrue(out().contains("file model.hbm"), out());
    assertTrue(out().contains("promoted:         validation Dice 0.9300 >= 0.9000"), out());

    assertEquals(0, run("models", "verify", "lv-unet@1", registry()), err());
    assertTrue(out().contains("lv-unet@1: every file matches version.json"), out());
    Files.writeString(tmp.resolve("registry/lv-unet/v1/run.json"), "{}");
    assertEquals(1, run("models", "verify", "lv-unet@1", registry()));
    assertTrue(out().contains("lv-unet@1 run.json was modified"), out());
  }

  @Test
  void userErrorsAreOneLine() throws Exception {
    assertEquals(2, run("models", "list", registry()));
    assertOneLineError("no model registry at " + tmp.resolve("registry") + " (not a folder)");

    Files.createDirectories(tmp.resolve("registry"));
    assertEquals(2, run("models", "show", "lv-unet@3", registry()));
    assertOneLineError("unknown model ref 'lv-unet@3'");
    assertEquals(2, run("models", "show", "lv-unet@prod", registry()));
    assertOneLineError("bad model ref 'lv-unet@prod'");
    assertEquals(2, run("models", "promote", "lv-unet@1", "--minDice=0.9", registry()));
    assertOneLineError("promote needs --maxLatencyMs");
    assertEquals(2, run("models", "register", tmp.toString(), "--name=lv-unet", registry()));
    assertOneLineError("has no model.hbm: not a training run");
    assertEquals(2, run("models", "frobnicate"));
    assertOneLineError("unknown subcommand 'frobnicate'");
    assertEquals(0, run("models", "list", registry()), err());
    assertTrue(out().startsWith("no models in "), out());
  }
}
