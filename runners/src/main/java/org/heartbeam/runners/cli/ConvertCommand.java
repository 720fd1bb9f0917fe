package org.heartbeam.runners.cli;

import java.io.PrintStream;
import org.heartbeam.model.text.Plural;
import org.heartbeam.pipelines.convert.ConvertManifest;
import org.heartbeam.pipelines.convert.ConvertOptions;
import org.heartbeam.pipelines.convert.ConvertPipeline;
import org.heartbeam.pipelines.split.DatasetSplit;

/** {@code heartbeam convert}: DICOM / Sunnybrook folders to seed-schema TFRecords. */
final class ConvertCommand implements Command {
  @Override
  public String name() {
    return "convert";
  }

  @Override
  public String summary() {
    return "Sunnybrook layout or DICOM folder -> seed-schema TFRecords, split by patient";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam convert --input=<folder> --output=<folder> [--validationFraction=0.2]");
    out.println("                         [--includeUnlabelled] [--runner=FlinkRunner --flinkMaster=[local]]");
    out.println();
    out.println("Writes train-*.tfrecords and validation-*.tfrecords (the seed's schema: height, width, depth,");
    out.println("name, image_raw int64 LE, label_raw uint8), patients.csv, dead_letters.jsonl and manifest.json.");
    out.println();
    PipelineArgs.printPipelineHelp(out, ConvertOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    ConvertOptions options = PipelineArgs.parse(args, ConvertOptions.class);
    ConvertManifest manifest = ConvertPipeline.run(options);
    print(manifest, out);
    return 0;
  }

  static void print(ConvertManifest manifest, PrintStream out) {
    out.printf("convert: %s (%s), %s (%s), %d dead-lettered%n",
        Plural.of(manifest.records(DatasetSplit.TRAIN), "train record"),
        Plural.of(manifest.patients(DatasetSplit.TRAIN), "patient"),
        Plural.of(manifest.records(DatasetSplit.VALIDATION), "validation record"),
        Plural.of(manifest.patients(DatasetSplit.VALIDATION), "patient"), manifest.deadLettered());
    out.println("convert: manifest " + manifest.path());
  }
}
