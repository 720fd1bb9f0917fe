package org.heartbeam.runners.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Locale;
import org.heartbeam.model.text.Plural;
import org.heartbeam.pipelines.infer.EfAgainstTruth;
import org.heartbeam.pipelines.infer.InferManifest;
import org.heartbeam.pipelines.infer.InferOptions;
import org.heartbeam.pipelines.infer.InferPipeline;

/** {@code heartbeam infer}: segment every image of a folder with a model; masks, SEG, statistics, EF. */
final class InferCommand implements Command {
  @Override
  public String name() {
    return "infer";
  }

  @Override
  public String summary() {
    return "segment a DICOM / Sunnybrook / TFRecord folder: masks, DICOM SEG, Dice, LV volumes and EF";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam infer --input=<folder> --model=<registry ref or .hbm file> --output=<folder>");
    out.println("                       [--registry=heartbeam-out/registry] [--runner=FlinkRunner --flinkMaster=[local]]");
    out.println();
    out.println("Writes masks/ (mask and overlay PNG per image), seg/ (one DICOM SEG per series), images.csv,");
    out.println("patients.csv, run.csv/json (Dice, IoU, HD95, ASSD where labels exist; LV area always), volumes.csv/json");
    out.println("(EDV, ESV, SV, EF per cine series), dead_letters.jsonl, infer_manifest.json and report.html.");
    out.println();
    PipelineArgs.printPipelineHelp(out, InferOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    InferOptions options = PipelineArgs.parse(args, InferOptions.class);
    InferManifest manifest = InferPipeline.run(options);
    print(manifest, out);
    var truth = EfAgainstTruth.truthFor(java.nio.file.Path.of(options.getInput()));
    if (truth.isPresent()) {
      out.println("infer: synthetic input: volumes against its ground truth");
      var rows = EfAgainstTruth.compare(truth.get(), manifest.volumes());
      EfAgainstTruth.print(rows, out, "infer:   ");
      EfAgainstTruth.writeInto(manifest.path().getParent(), rows);
    }
    out.println("infer: report " + ReportCommand.write(manifest.path().getParent()));
    return 0;
  }

  static void print(InferManifest manifest, PrintStream out) {
    out.printf(Locale.ROOT, "infer: %s segmented by %s in %.1f s, %s dead-lettered, %s%s%n",
        Plural.of(manifest.imagesSegmented(), "image"), manifest.modelVersion(), manifest.seconds(),
        Plural.of(manifest.inputsDeadLettered(), "input"), Plural.of(manifest.outputFailures(), "output failure"), manifest.reconciles().map(ok -> ok ? " (counts reconcile)" : " (COUNTS DO NOT RECONCILE)")
            .orElse(""));
    JsonNode dice = manifest.runMetric("dice");
    if (dice.path("count").asLong() > 0) {
      out.printf(Locale.ROOT, "infer: Dice over %s: mean %.3f, median %.3f, min %.3f%n",
          Plural.of(dice.path("count").asLong(), "labelled image"), dice.path("mean").asDouble(), dice.path("median").asDouble(),
          dice.path("min").asDouble());
    }
    for (JsonNode v : manifest.volumes()) {
      if (v.path("computable").asBoolean()) {
        out.printf(Locale.ROOT, "infer: %s %s: %s x %s, EDV %.1f ml, ESV %.1f ml, EF %.1f %%%n",
            v.path("patient_key").asText(), v.path("series_key").asText(), Plural.of(v.path("slices").asInt(), "slice"),
            Plural.of(v.path("phases").asInt(), "phase"), v.path("edv_ml").asDouble(), v.path("esv_ml").asDouble(),
            v.path("ef_percent").asDouble());
      } else {
        out.printf(Locale.ROOT, "infer: %s %s: no EF (%s)%n", v.path("patient_key").asText(),
            v.path("series_key").asText(), v.path("reason").asText());
      }
    }
    out.println("infer: manifest " + manifest.path());
  }
}
