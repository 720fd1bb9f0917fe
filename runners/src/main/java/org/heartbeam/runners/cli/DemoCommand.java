package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.pipelines.convert.ConvertManifest;
import org.heartbeam.pipelines.convert.ConvertOptions;
import org.heartbeam.pipelines.convert.ConvertPipeline;

/**
 * {@code heartbeam demo}: the whole product on synthetic data, on the embedded default runner. Today
 * that is synth then convert; training and inference join as they land.
 */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "synth + convert on synthetic data (no data needed), printing where outputs are";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam demo [--output=heartbeam-out/demo] [--patients=4] [--runner=FlinkRunner ...]");
    out.println();
    out.println("Generates synthetic cine studies, converts them to seed-schema TFRecords split by patient,");
    out.println("and prints where the outputs are. Other options pass to the convert pipeline (Beam's included).");
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    String output = "heartbeam-out/demo";
    int patients = 4;
    List<String> pipelineArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--output=")) {
        output = arg.substring("--output=".length());
      } else if (arg.startsWith("--patients=")) {
        patients = parsePositive(arg.substring("--patients=".length()), "--patients");
      } else {
        pipelineArgs.add(arg);
      }
    }
    Path root = Path.of(output).toAbsolutePath().normalize();
    Path synth = root.resolve("synth");
    Path tfrecords = root.resolve("tfrecords");

    out.println("demo: 1/2 synth: synthetic cine studies with known EF");
    SynthCliOptions synthOptions = PipelineOptionsFactory.as(SynthCliOptions.class);
    synthOptions.setOutput(synth.toString());
    synthOptions.setPatients(patients);
    synthOptions.setSlices(8);
    synthOptions.setPhases(16);
    SynthCommand.generate(synthOptions, out);

    out.println("demo: 2/2 convert: Sunnybrook layout -> seed TFRecords, split by patient");
    List<String> convertArgs = new ArrayList<>(pipelineArgs);
    convertArgs.add("--input=" + synth);
    convertArgs.add("--output=" + tfrecords);
    ConvertOptions convertOptions = PipelineArgs.parse(convertArgs.toArray(new String[0]), ConvertOptions.class);
    ConvertManifest manifest = ConvertPipeline.run(convertOptions);
    ConvertCommand.print(manifest, out);

    out.println();
    out.println("demo: outputs");
    out.println("  synthetic DICOM + contours   " + synth);
    out.println("  EF ground truth              " + synth.resolve("ground_truth.csv"));
    out.println("  TFRecords                    " + tfrecords);
    out.println("  manifest                     " + manifest.path());
    return 0;
  }

  private static int parsePositive(String text, String option) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the user error
    }
    throw new UserError(option + " must be a positive whole number, got '" + text + "'");
  }
}
