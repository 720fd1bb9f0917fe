package org.heartbeam.runners.cli;

import java.io.PrintStream;
import org.heartbeam.model.text.Plural;
import org.heartbeam.pipelines.train.RunManifest;
import org.heartbeam.pipelines.train.TrainOptions;
import org.heartbeam.pipelines.train.TrainPreset;
import org.heartbeam.pipelines.train.TrainRun;
import org.heartbeam.registry.ModelRegistry;
import org.heartbeam.registry.RegisteredModel;
import org.heartbeam.registry.RegistryException;

/** {@code heartbeam train}: Beam prepares and augments, the driver trains the U-Net and writes a run folder. */
final class TrainCommand implements Command {
  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train the U-Net on a Sunnybrook layout, TFRecords or a generated phantom set";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam train --input=<folder> --output=<run folder> [--preset=synthetic|sunnybrook]");
    out.println("                       [--epochs=30 --batchSize=8 --learningRate=0.001 --seed=1 --patience=8]");
    out.println("                       [--fold=0 --folds=3] [--augment=false] [--inputSize=160 --baseFilters=16]");
    out.println();
    out.println("Writes model.hbm (best validation Dice), run.json, epochs.csv, epochs.jsonl, curves.png,");
    out.println("dead_letters.jsonl and report.html, then registers the run as the next version of --modelName");
    out.println("(default lv-unet) in --registry. --preset=synthetic without --input trains on a generated phantom set.");
    out.println("Set OMP_NUM_THREADS before starting (the launcher does): results are reproducible per thread count.");
    out.println();
    PipelineArgs.printPipelineHelp(out, TrainOptions.class);
  }

  /** Registers the finished run as the next immutable version of its model name. */
  static RegisteredModel register(TrainOptions options, RunManifest manifest) throws Exception {
    try {
      return ModelRegistry.at(options.getRegistry()).register(options.getModelName(), manifest.runFolder().toString());
    } catch (RegistryException e) {
      throw new UserError("the run in " + manifest.runFolder() + " was not registered: " + e.getMessage());
    }
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    String[] withPreset = TrainPreset.named(args).applyTo(args);
    TrainOptions options = PipelineArgs.parse(withPreset, TrainOptions.class);
    RunManifest manifest = TrainRun.run(options, "heartbeam train " + String.join(" ", args), out);
    out.printf("train: %s, best %d (validation Dice mean %.4f), run folder %s%n", Plural.of(manifest.epochsRun(), "epoch"),
        manifest.bestEpoch(), manifest.bestValidationDiceMean(), manifest.runFolder());
    out.println("train: report " + ReportCommand.write(manifest.runFolder()));
    if (!options.getModelName().isBlank()) {
      RegisteredModel registered = register(options, manifest);
      out.println("train: registered as " + registered.ref() + " in " + options.getRegistry()
          + " (promote with: heartbeam models promote " + registered.ref() + " --minDice=... --maxLatencyMs=...)");
    }
    return 0;
  }
}
