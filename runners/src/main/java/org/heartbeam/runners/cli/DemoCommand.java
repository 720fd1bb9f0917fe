package org.heartbeam.runners.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.pipelines.convert.ConvertManifest;
import org.heartbeam.pipelines.convert.ConvertOptions;
import org.heartbeam.pipelines.convert.ConvertPipeline;
import org.heartbeam.pipelines.files.OutputFolder;
import org.heartbeam.pipelines.infer.EfAgainstTruth;
import org.heartbeam.pipelines.infer.InferManifest;
import org.heartbeam.pipelines.infer.InferOptions;
import org.heartbeam.pipelines.infer.InferPipeline;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.Promotion;
import org.heartbeam.registry.PromotionGate;
import org.heartbeam.registry.PromotionRefusedException;

/**
 * {@code heartbeam demo}: the whole product on synthetic data, on the embedded default runner:
 * synthetic training studies -> seed TFRecords (convert) -> a small U-Net trained and registered
 * -> promoted through the gate -> held-out synthetic studies segmented by {@code lv-unet@production}
 * -> Dice, LV volumes and EF against the phantom's truth -> an HTML report.
 */
final class DemoCommand implements Command {
  /** Train options the demo passes to training only; everything else goes to every pipeline. */
  private static final List<String> TRAIN_ONLY = List.of("--epochs", "--inputSize", "--baseFilters", "--depth",
      "--batchSize", "--learningRate", "--patience", "--seed", "--augment");
  private static final String MODEL_NAME = "lv-unet";
  /** The promotion gate the demo applies: the phantom is easy, so a demo model that misses it is broken. */
  private static final double MIN_DICE = 0.85;
  private static final double MAX_LATENCY_MS = 2000;

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "the whole product on synthetic data: synth, convert, train + register + promote, infer, EF, report";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam demo [--output=heartbeam-out/demo] [--patients=8] [--testPatients=2]");
    out.println("                      [--epochs=25 --inputSize=96 ...] [--runner=FlinkRunner ...]");
    out.println();
    out.println("Generates synthetic cine studies with known EF, converts them to seed-schema TFRecords, trains a");
    out.println("small U-Net on them (train --preset=synthetic; a few minutes on 2 cores), registers it, promotes");
    out.println("it (validation Dice >= " + MIN_DICE + ", latency <= " + (int) MAX_LATENCY_MS + " ms/image), segments "
        + "held-out synthetic studies");
    out.println("with lv-unet@production, prints Dice and EF against the truth, and writes an HTML report.");
    out.println("Training options (--epochs, --inputSize, ...) go to training; others (Beam's) to every pipeline.");
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    String output = "heartbeam-out/demo";
    int patients = 8;
    int testPatients = 2;
    List<String> pipelineArgs = new ArrayList<>();
    List<String> trainArgs = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--output=")) {
        output = arg.substring("--output=".length());
      } else if (arg.startsWith("--patients=")) {
        patients = parsePositive(arg.substring("--patients=".length()), "--patients");
      } else if (arg.startsWith("--testPatients=")) {
        testPatients = parsePositive(arg.substring("--testPatients=".length()), "--testPatients");
      } else if (TRAIN_ONLY.stream().anyMatch(o -> arg.startsWith(o + "="))) {
        trainArgs.add(arg);
      } else {
        pipelineArgs.add(arg);
      }
    }
    if (patients < 2) {
      throw new UserError("--patients must be at least 2 (training and validation need one patient each)");
    }
    Path root = Path.of(output).toAbsolutePath().normalize();
    Path synth = root.resolve("synth");
    Path heldOut = root.resolve("held-out");
    Path tfrecords = root.resolve("tfrecords");
    Path runs = root.resolve("runs");
    Path registry = root.resolve("registry");
    Path inference = root.resolve("inference");
    long started = System.nanoTime();

    out.println("demo: 1/6 synth: synthetic cine studies with known EF (training set and held-out set)");
    clearEarlierSynth(synth, out);
    clearEarlierSynth(heldOut, out);
    synthesize(synth, patients, 6, 8, 1, out);
    synthesize(heldOut, testPatients, 8, 16, 1001, out);

    out.println("demo: 2/6 convert: Sunnybrook layout -> seed TFRecords, split by patient");
    List<String> convertArgs = new ArrayList<>(pipelineArgs);
    convertArgs.add("--input=" + synth);
    convertArgs.add("--output=" + tfrecords);
    ConvertManifest converted = ConvertPipeline.run(
        PipelineArgs.parse(convertArgs.toArray(new String[0]), ConvertOptions.class));
    ConvertCommand.print(converted, out);

    out.println("demo: 3/6 train: a small U-Net on the training set (Beam prepares and augments; a few minutes)");
    Path run = runs.resolve("run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now()));
    List<String> train = new ArrayList<>(pipelineArgs);
    train.addAll(trainArgs);
    train.add("--input=" + synth);
    train.add("--output=" + run);
    train.add("--registry=" + registry);
    train.add("--modelName=" + MODEL_NAME);
    train.add("--preset=synthetic");
    new TrainCommand().run(train.toArray(new String[0]), out);

    out.println("demo: 4/6 promote: the newest version to production, through the gate");
    Promotion promotion;
    try {
      promotion = ModelRegistry.at(registry.toString())
          .promote(MODEL_NAME + "@latest", PromotionGate.of(MIN_DICE, MAX_LATENCY_MS));
    } catch (PromotionRefusedException e) {
      throw new UserError("the demo model was not promoted: " + e.getMessage());
    }
    out.printf(Locale.ROOT, "demo: %s@%d is production (validation Dice %.3f >= %.2f, %.1f ms/image <= %.0f)%n",
        MODEL_NAME, promotion.version(), promotion.validationDice(), MIN_DICE, promotion.latency().msPerImage(),
        MAX_LATENCY_MS);

    out.println("demo: 5/6 infer: the held-out studies with " + MODEL_NAME + "@production");
    List<String> infer = new ArrayList<>(pipelineArgs);
    infer.add("--input=" + heldOut);
    infer.add("--model=" + MODEL_NAME + "@production");
    infer.add("--registry=" + registry);
    infer.add("--output=" + inference);
    InferManifest inferred = InferPipeline.run(PipelineArgs.parse(infer.toArray(new String[0]), InferOptions.class));
    InferCommand.print(inferred, out);

    out.println("demo: 6/6 EF against the phantom's truth, and the report");
    List<EfAgainstTruth.Row> rows = EfAgainstTruth.compare(heldOut.resolve(EfAgainstTruth.TRUTH_FILE),
        inferred.volumes());
    EfAgainstTruth.print(rows, out, "demo:   ");
    EfAgainstTruth.writeInto(inference, rows);
    Path report = ReportCommand.write(inference);

    out.println();
    out.printf(Locale.ROOT, "demo: done in %.1f min; outputs%n", (System.nanoTime() - started) / 60e9);
    out.println("  synthetic studies (train)    " + synth);
    out.println("  held-out studies + truth     " + heldOut.resolve(EfAgainstTruth.TRUTH_FILE));
    out.println("  TFRecords                    " + tfrecords);
    out.println("  training run                 " + run);
    out.println("  model registry               " + registry);
    out.println("  inference outputs            " + inference);
    out.println("  report                       " + report);
    return 0;
  }

  private static void synthesize(Path folder, int patients, int slices, int phases, long seed, PrintStream out)
      throws Exception {
    SynthCliOptions options = PipelineOptionsFactory.as(SynthCliOptions.class);
    options.setOutput(folder.toString());
    options.setPatients(patients);
    options.setSlices(slices);
    options.setPhases(phases);
    options.setSeed(seed);
    SynthCommand.generate(options, out);
  }

  /**
   * The demo can be run again: an earlier demo's synthetic set (recognised by its ground_truth.csv and
   * link.csv) is replaced; any other non-empty folder is left alone and refused.
   */
  private static void clearEarlierSynth(Path synth, PrintStream out) throws IOException {
    if (!Files.isDirectory(synth)) {
      return;
    }
    try (Stream<Path> entries = Files.list(synth)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    if (!Files.isRegularFile(synth.resolve("ground_truth.csv")) || !Files.isRegularFile(synth.resolve("link.csv"))) {
      throw new UserError("demo output folder " + synth + " holds files that are not an earlier demo's; choose --output");
    }
    out.println("demo: replacing the earlier demo output in " + synth.getParent());
    OutputFolder.deleteTree(synth);
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
