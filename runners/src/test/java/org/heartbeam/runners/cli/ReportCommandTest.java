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

/** {@code heartbeam report}: writes report.html into a run folder; user mistakes are one line. */
class ReportCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void writesTheReportOfATrainingRunAndPrintsItsPath(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run-1");
    Files.createDirectories(run);
    Files.writeString(run.resolve("run.json"), "{\"command\":\"heartbeam train\",\"best_epoch\":2,\"epochs_run\":2}");
    Files.writeString(run.resolve("epochs.csv"), "epoch,train_loss,val_loss,val_dice_mean,val_dice_median,"
        + "learning_rate,seconds\n1,0.9,1.0,0.3,0.35,0.001,10.0\n2,0.5,0.6,0.6,0.62,0.001,10.0\n");

    assertEquals(0, run("report", run.toString()), err.toString(StandardCharsets.UTF_8));

    Path report = run.resolve("report.html").toAbsolutePath();
    assertEquals("report: " + report, out.toString(StandardCharsets.UTF_8).strip());
    String html = Files.readString(report);
    assertTrue(html.contains("<section id=\"training-curves\">") && html.contains("data:image/png;base64,"));
  }

  @Test
  void missingFolderNotARunAndBadArgumentsAreOneLineUserErrors(@TempDir Path tmp) throws Exception {
    assertUserError(run("report", tmp.resolve("absent").toString()), "no such folder");
    Files.writeString(tmp.resolve("notes.txt"), "not a run");
    assertUserError(run("report", tmp.toString()), "is not a run folder");
    assertUserError(run("report"), "name the run folder");
    assertUserError(run("report", tmp.toString(), tmp.toString()), "exactly one run folder");
  }

  @Test
  void hasHelp() {
    assertEquals(0, run("report", "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: heartbeam report <run dir>"));
  }

  private void assertUserError(int status, String message) {
    String text = err.toString(StandardCharsets.UTF_8);
    err.reset();
    assertEquals(2, status, text);
    assertEquals(1, text.strip().lines().count(), text);
    assertTrue(text.startsWith("heartbeam report: ") && text.contains(message), text);
  }
}
