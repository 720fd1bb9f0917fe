package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's promises: help for every command, and user errors as one line with exit status 2. */
class HeartBeamCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsCommands() {
    assertEquals(0, run("--help"));
    for (String command : new String[] {"synth", "convert", "inspect", "train", "models", "infer", "receive",
        "stream", "report", "demo", "bench"}) {
      assertTrue(out().contains(command), out());
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"synth", "convert", "inspect", "train", "models", "infer", "receive",
        "stream", "report", "demo", "bench"}) {
      out.reset();
      assertEquals(0, run(command, "--help"), command);
      assertTrue(out().contains("usage: heartbeam " + command), command + ": " + out());
    }
    out.reset();
    run("convert", "--help");
    assertTrue(out().contains("--validationFraction=<double>  (default 0.2)"), "the options with defaults: " + out());
    assertTrue(out().contains("--input=<String>  (required)"), out());
    assertTrue(out().contains("embedded Flink"), "the default runner is stated: " + out());
    assertTrue(!out().contains("--gbek"), "not every inherited Beam option: " + out());
  }

  @Test
  void unknownCommandIsOneLine() {
    assertEquals(2, run("segment-everything"));
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().contains("unknown command 'segment-everything'"), err());
  }

  @Test
  void missingRequiredOptionIsOneLine() {
    assertEquals(2, run("convert", "--output=/tmp/x"));
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().contains("--input"), err());
  }

  @Test
  void unknownOptionIsOneLine() {
    assertEquals(2, run("synth", "--output=/tmp/x", "--patientz=3"));
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().contains("patientz"), err());
  }

  @Test
  void missingInputFolderIsOneLine(@TempDir Path tmp) {
    assertEquals(2, run("convert", "--input=" + tmp.resolve("nope"), "--output=" + tmp.resolve("out")));
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().contains("input folder not found"), err());
  }

  @Test
  void badSynthValueIsOneLine(@TempDir Path tmp) {
    assertEquals(2, run("synth", "--output=" + tmp, "--patients=0"));
    assertEquals(1, err().strip().lines().count(), err());
  }

  @Test
  void inspectOfMissingFileIsOneLine(@TempDir Path tmp) {
    assertEquals(2, run("inspect", tmp.resolve("missing.dcm").toString()));
    assertEquals(1, err().strip().lines().count(), err());
  }

  /** Beam's runner options appear in the help of the commands that run a pipeline, and only there. */
  @Test
  void eachHelpListsOnlyWhatApplies() {
    for (String command : new String[] {"receive", "synth", "models", "report", "inspect", "bench"}) {
      out.reset();
      assertEquals(0, run(command, "--help"), command);
      assertFalse(out().contains("Beam's options"), command + ": " + out());
      assertFalse(out().contains("--runner"), command + ": " + out());
      assertFalse(out().contains("--flinkMaster"), command + ": " + out());
    }
    for (String command : new String[] {"convert", "train", "infer", "stream"}) {
      out.reset();
      assertEquals(0, run(command, "--help"), command);
      assertTrue(out().contains("Beam's options pass through"), command + ": " + out());
    }
    out.reset();
    run("receive", "--help");
    assertTrue(out().contains("--port=<int>  (default 11112)"), out());
  }

  @Test
  void theGnuFormWorksLikeTheEqualsForm(@TempDir Path tmp) {
    assertEquals(0, run("synth", "--output", tmp.toString(), "--patients", "1", "--slices", "3", "--phases", "4"),
        err());
    assertTrue(out().contains("synth: 1 patient, 12 images, "), out());
    assertFalse(out().contains("1 patients"), out());
  }

  @Test
  void anOptionWithoutItsValueIsOneLine(@TempDir Path tmp) {
    assertEquals(2, run("synth", "--patients=1", "--output"));
    assertEquals("heartbeam synth: option --output needs a value: --output=<value> or --output <value>",
        err().strip());
  }

  @Test
  void aStrayWordSaysWhatToType(@TempDir Path tmp) {
    assertEquals(2, run("convert", "--input=" + tmp, "--includeUnlabelled", "maybe", "--output=" + tmp));
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().contains("unexpected argument 'maybe'"), err());
    assertTrue(err().contains("--name=value or --name value"), err());
  }
}
