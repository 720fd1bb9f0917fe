package org.heartbeam.runners.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.heartbeam.report.HtmlReportWriter;
import org.heartbeam.report.NotARunDirectoryException;
import org.heartbeam.report.RunReport;

/** {@code heartbeam report <run dir>}: a self-contained HTML page about a training or inference run. */
final class ReportCommand implements Command {
  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "a self-contained HTML report (report.html) of a training or inference run folder";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam report <run dir>");
    out.println();
    out.println("Writes <run dir>/report.html, one file with everything embedded (open it anywhere, mail it):");
    out.println("training runs: summary, options, loss and Dice curves, epoch table; inference runs: summary,");
    out.println("Dice distribution, per-patient table, overlays of the worst, median and best images (by Dice,");
    out.println("or by LV area when unlabelled), ejection fraction per series; dead letters by stage.");
    out.println("Shows hashed keys only, never source paths or patient names.");
  }

  @Override
  public int run(String[] args, PrintStream out) throws IOException {
    if (args.length != 1 || args[0].startsWith("--")) {
      throw new UserError(args.length == 0 ? "name the run folder to report on"
          : "takes exactly one run folder, got: " + String.join(" ", args));
    }
    Path report = write(Path.of(args[0]));
    out.println("report: " + report);
    return 0;
  }

  /**
   * Writes the report of a run folder and returns its path; what {@code infer}, {@code train} and
   * {@code demo} call when they finish.
   */
  static Path write(Path runDir) throws IOException {
    try {
      return HtmlReportWriter.write(RunReport.read(runDir));
    } catch (NotARunDirectoryException e) {
      throw new UserError(e.getMessage());
    }
  }
}
