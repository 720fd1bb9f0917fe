package org.heartbeam.runners.cli;

import java.io.PrintStream;
import org.heartbeam.pipelines.train.RunManifest;
import org.heartbeam.pipelines.train.TrainOptions;
import org.heartbeam.pipelines.train.TrainPreset;
import org.heartbeam.pipelines.train.TrainRun;

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
    out.println("Writes model.hbm (best validation Dice), run.json, epochs.csv, epochs.jsonl, curves.png and");
    out.println("dead_letters.jsonl. --preset=synthetic without --input trains on a generated phantom set.");
    out.println("Set OMP_NUM_THREADS before starting (the launcher does): results are reproducible per thread count.");
    out.println();
    PipelineArgs.printHelp(out, TrainOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    String[] withPreset = TrainPreset.named(args).applyTo(args);
    TrainOptions options = PipelineArgs.parse(withPreset, TrainOptions.class);
    RunManifest manifest = TrainRun.run(options, "heartbeam train " + String.join(" ", args), out);
    out.printf("train: %d epochs, best %d (validation Dice mean %.4f), run folder %s%n", manifest.epochsRun(),
        manifest.bestEpoch(), manifest.bestValidationDiceMean(), manifest.runFolder());
    return 0;
  }
}
