package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
