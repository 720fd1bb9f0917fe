package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.heartbeam.phantom.ContouredPhases;
import org.heartbeam.phantom.PatientTruth;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SynthSummary;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.heartbeam.model.text.Plural;
import org.heartbeam.phantom.ContouredPhases;
import org.heartbeam.phantom.PatientTruth;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SynthSummary;
import org.heartbeam.phantom.SyntheticStudyGenerator;

/** {@code heartbeam synth}: synthetic cine short-axis studies with known EDV, ESV and EF. */
final class SynthCommand implements Command {
  @Override
  public String name() {
    return "synth";
  }

  @Override
  public String summary() {
    return "synthetic cine MRI studies (DICOM + contours + EF truth), Sunnybrook layout";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam synth --output=<folder> [--patients=3] [--slices=10] [--phases=20] [--seed=1]");
    out.println();
    out.println("Writes 256x256 16-bit MR DICOM series that dciodvfy accepts, Sunnybrook-style i-/o-contour files,");
    out.println("link.csv, ground_truth.csv (EDV, ESV, SV, EF per study) and ground_truth_volumes.csv.");
    out.println();
    PipelineArgs.printHelp(out, SynthCliOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    SynthCliOptions cli = PipelineArgs.parse(args, SynthCliOptions.class);
    SynthSummary summary = generate(cli, out);
    out.println("synth: truth in " + Path.of(cli.getOutput()).resolve("ground_truth.csv"));
    return summary.images() > 0 ? 0 : 1;
  }

  /** Generates and prints a short summary; shared with the demo. */
  static SynthSummary generate(SynthCliOptions cli, PrintStream out) throws Exception {
    SynthOptions options;
    try {
      options = SynthOptions.builder()
          .patients(cli.getPatients())
          .slices(cli.getSlices())
          .phases(cli.getPhases())
          .seed(cli.getSeed())
          .contouredPhases(ContouredPhases.valueOf(cli.getContouredPhases().toUpperCase(Locale.ROOT)))
          .build();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    Path output = Path.of(cli.getOutput()).toAbsolutePath().normalize();
    long started = System.nanoTime();
    SynthSummary summary = SyntheticStudyGenerator.generate(options, output);
    out.printf("synth: %s, %s, %s in %.1f s -> %s%n", Plural.of(summary.patients(), "patient"),
        Plural.of(summary.images(), "image"), Plural.of(summary.contourFiles(), "contour file"), (System.nanoTime() - started) / 1e9, output);
    for (PatientTruth t : summary.truth()) {
      out.printf("synth:   %s  EDV %.1f ml  ESV %.1f ml  EF %.1f %%%n", t.patientId(), t.edvMl(), t.esvMl(),
          t.efPercent());
    }
    return summary;
  }
}
