package org.heartbeam.runners.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * The one line a user reads when a command fails: a failed Flink job reaches the CLI wrapped in Beam's
 * and Flink's exceptions ("Job execution failed", "Recovery is suppressed by ..."), so the innermost cause
 * is what says what went wrong; the restart strategy that gave up is named beside it when there is one.
 * The whole chain goes to the run's log file under {@link #LOGGER}, which the console never shows.
 */
final class FailureCause {
  /** Logger of the full stack traces of failed commands: log file only (see {@link CliLogging}). */
  static final String LOGGER = "org.heartbeam.runners.cli.failure";
  private static final String SUPPRESSED = "Recovery is suppressed by ";

  private FailureCause() {}

  static String oneLine(Throwable failure) {
    Throwable root = failure;
    String gaveUp = null;
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      root = t;
      String message = t.getMessage();
      if (gaveUp == null && message != null && message.contains(SUPPRESSED)) {
        gaveUp = firstLine(message.substring(message.indexOf(SUPPRESSED) + SUPPRESSED.length()));
      }
    }
    String message = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
    return root.getClass().getSimpleName() + message + (gaveUp == null ? "" : " (gave up after " + gaveUp + ")");
  }

  private static String firstLine(String text) {
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
