package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heartbeam train}'s user errors are one line with status 2, before any work starts. */
class TrainCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() { return err.toString(StandardCharsets.UTF_8); }

  @Test
  void aMissingInputFolderIsOneLine(@TempDir Path dir) {
    assertEquals(2, run("train", "--input=" + dir.resolve("nowhere"), "--output=" + dir.resolve("run")));
    assertEquals(1, err().strip().lines().count(), err());
    assertTrue(err().contains("input folder not found"), err());
  }

  @Test
  void aDicomFolderIsRefusedForItsMissingLabels(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("dicoms"));
    assertEquals(2, run("train", "--input=" + dir.resolve("dicoms"), "--inputFormat=dicom",
        "--output=" + dir.resolve("run")));
    assertTrue(err().contains("no labels"), err());
  }

  @Test
  void badSettingsAreRefused(@TempDir Path dir) {
    assertEquals(2, run("train", "--preset=synthetic", "--epochs=0", "--output=" + dir.resolve("run")));
    assertTrue(err().contains("--epochs must be >= 1"), err());
    err.reset();
    assertEquals(2, run("train", "--preset=fastest", "--output=" + dir.resolve("run")));
    assertTrue(err().contains("--preset must be"), err());
  }

  @Test
  void aFolderOfOtherFilesIsNotOverwritten(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("in/link.csv"), "patient_id,original_id\n");
    assertEquals(2, run("train", "--input=" + dir.resolve("in"), "--output=" + dir));
    assertTrue(err().contains("holds no earlier training run"), err());
    assertTrue(Files.exists(dir.resolve("notes.txt")));
  }
}
