package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.runtime.JobException;
import org.apache.flink.runtime.client.JobExecutionException;
import org.apache.flink.runtime.jobmanager.scheduler.NoResourceAvailableException;
import org.apache.flink.api.common.JobID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed job is one line naming its innermost cause (and the restart strategy that gave up), with the
 * path of the log file that holds the whole chain: never a stack trace on the console.
 */
class FailureCauseTest {
  /** The chain Beam's FlinkRunner hands the CLI when a TaskManager is lost and its slots do not come back. */
  private static RuntimeException lostTaskManager() {
    NoResourceAvailableException root = new NoResourceAvailableException(
        "Could not acquire the minimum required resources.\nmore detail");
    JobException suppressed = new JobException("Recovery is suppressed by "
        + "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3, backoffTimeMS=2000)", root);
    JobExecutionException job = new JobExecutionException(new JobID(), "Job execution failed.", suppressed);
    return new RuntimeException("Pipeline execution failed", job);
  }

  @Test
  void namesTheInnermostCauseAndTheStrategyThatGaveUp() {
    assertEquals("NoResourceAvailableException: Could not acquire the minimum required resources."
            + " (gave up after FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3, backoffTimeMS=2000))",
        FailureCause.oneLine(lostTaskManager()));
    assertEquals("IllegalStateException: disk gone", FailureCause.oneLine(new IllegalStateException("disk gone")));
    assertEquals("NullPointerException", FailureCause.oneLine(new NullPointerException()));
  }

  @Test
  void aFailedCommandPrintsOneLineAndTheLogFileHoldsTheTrace(@TempDir Path tmp) throws Exception {
    Command failing = new Command() {
      @Override public String name() { return "infer"; }
      @Override public String summary() { return "fails like a lost cluster"; }
      @Override public void printHelp(PrintStream out) {}
      @Override public Set<String> flagOptions() { return Set.of(); }
      @Override public int run(String[] args, PrintStream out) { throw lostTaskManager(); }
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String previous = System.getProperty("heartbeam.logDir");
    System.setProperty("heartbeam.logDir", tmp.toString());
    try {
      int status = new HeartBeamCli(List.of(failing)).runWithLogging(new String[] {"infer"},
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(1, status);
    } finally {
      if (previous == null) {
        System.clearProperty("heartbeam.logDir");
      } else {
        System.setProperty("heartbeam.logDir", previous);
      }
    }
    String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    assertFalse(console.contains("\tat "), "no stack trace on the console:\n" + console);
    List<String> failed = console.lines().filter(l -> l.contains("failed:")).toList();
    assertEquals(1, failed.size(), console);
    assertTrue(failed.get(0).startsWith("heartbeam infer: failed: NoResourceAvailableException"), failed.get(0));
    Path log;
    try (Stream<Path> logs = Files.list(tmp)) {
      log = logs.findFirst().orElseThrow();
    }
    assertTrue(failed.get(0).endsWith("(full log: " + log + ")"), failed.get(0));
    String logged = Files.readString(log);
    assertTrue(logged.contains("JobExecutionException") && logged.contains("\tat "), "the whole chain in the log");
  }
}
