package org.heartbeam.pipelines.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.pipelines.files.BatchRun;
import org.heartbeam.pipelines.files.OutputFolder;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.deadletter.WriteDeadLetters;
import org.heartbeam.transforms.dicom.ReadDicomFiles;
import org.heartbeam.transforms.sunnybrook.LabelWithContours;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.heartbeam.transforms.tfrecord.WriteSeedTfRecords;
import org.heartbeam.pipelines.split.DatasetSplit;
import org.heartbeam.pipelines.split.PatientSplit;
import org.heartbeam.pipelines.split.SplitByPatient;

/**
 * The convert pipeline: a Sunnybrook-layout folder or a DICOM folder becomes seed-schema TFRecords,
 * split train/validation by patient, with every refused input in {@code dead_letters.jsonl} and a
 * {@code manifest.json} (counts, patients per split, checksums) written once the pipeline is done.
 *
 * <pre>
 *   Read (Sunnybrook | DICOM) -> Name -> SplitByPatient -> WriteSeedTfRecords (train, validation)
 *                                                       -> Tally -> patients.csv
 *   dead letters of every step -> dead_letters.jsonl
 * </pre>
 */
public final class ConvertPipeline {
  public static final String PATIENTS_FILE = "patients";
  public static final String DEAD_LETTERS_FILE = "dead_letters";

  private ConvertPipeline() {}

  /** Checks the options, builds and runs the pipeline, then writes and returns the manifest. */
  public static ConvertManifest run(ConvertOptions options) throws Exception {
    InputFormat format = InputFormat.resolve(options.getInputFormat(), Paths.get(options.getInput()));
    if (options.getContours() != null && format != InputFormat.DICOM) {
      throw new IllegalArgumentException("--contours goes with a DICOM folder; a Sunnybrook layout has its own");
    }
    if (options.getContours() != null && !Files.isDirectory(Paths.get(options.getContours()))) {
      throw new IllegalArgumentException("contour folder not found: " + options.getContours());
    }
    Path output = Paths.get(options.getOutput()).toAbsolutePath().normalize();
    // Building checks the options (in the transforms' builders) and writes nothing: only then is the
    // output prepared, so a refused run does not cost the earlier output.
    Pipeline pipeline = build(options, format);
    prepareOutput(output);
    long started = System.nanoTime();
    PipelineResult result = BatchRun.untilDone(pipeline, "convert");
    double seconds = (System.nanoTime() - started) / 1e9;
    return ConvertManifest.write(output, options, format, result, seconds);
  }

  /**
   * An output folder must be new, empty, or hold an earlier convert run (it has manifest.json), whose
   * files are then removed so no stale shard survives next to the new ones. Anything else is refused:
   * a convert never writes into a folder of unknown files.
   */
  static void prepareOutput(Path output) throws IOException {
    OutputFolder.prepare(output, ConvertManifest.FILE_NAME, "convert run", entry -> {
      String name = entry.getFileName().toString();
      boolean ours = name.equals(ConvertManifest.FILE_NAME) || name.equals(PATIENTS_FILE + ".csv")
          || name.equals(DEAD_LETTERS_FILE + ".jsonl")
          || Arrays.stream(DatasetSplit.values()).anyMatch(s -> name.startsWith(s.fileName() + "-"));
      return ours && Files.isRegularFile(entry);
    });
  }


  /** The pipeline graph, for tests and for runners that take a built pipeline. */
  public static Pipeline build(ConvertOptions options, InputFormat format) {
    String output = Paths.get(options.getOutput()).toAbsolutePath().normalize().toString();
    Pipeline pipeline = Pipeline.create(options);

    WithDeadLetters<LabeledImage> read = readInput(pipeline, options, format);
    RecordNames names = new RecordNames(options.getInput());
    PCollection<KV<String, LabeledImage>> named = read.output()
        .apply("Name", MapElements
            .into(new TypeDescriptor<KV<String, LabeledImage>>() {})
            .via((LabeledImage image) -> KV.of(names.nameOf(image.image().sourceUri()), image)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), LabeledImageCoder.of()));

    PCollectionTuple split = named.apply("SplitByPatient",
        new SplitByPatient(new PatientSplit(options.getValidationFraction())));
    for (DatasetSplit s : DatasetSplit.values()) {
      split.get(s == DatasetSplit.TRAIN ? SplitByPatient.TRAIN : SplitByPatient.VALIDATION)
          .apply("Write " + s.fileName(), WriteSeedTfRecords.to(output + "/" + s.fileName())
              .withNumShards(options.getNumShards()));
    }
    split.get(SplitByPatient.ASSIGNMENTS)
        .apply("Tally", Combine.perKey(new RecordTally()))
        .apply("FormatTally", MapElements.into(TypeDescriptors.strings())
            .via((KV<String, String> kv) -> kv.getKey() + "," + kv.getValue()))
        .apply("WritePatients", TextIO.write().to(output + "/" + PATIENTS_FILE).withSuffix(".csv")
            .withHeader("split,patient_key,records,labelled_records").withoutSharding());
    read.deadLetters().apply("WriteDeadLetters", WriteDeadLetters.to(output + "/" + DEAD_LETTERS_FILE));
    return pipeline;
  }

  private static WithDeadLetters<LabeledImage> readInput(Pipeline pipeline, ConvertOptions options,
      InputFormat format) {
    String input = Paths.get(options.getInput()).toAbsolutePath().normalize().toString();
    switch (format) {
      case SUNNYBROOK:
        return pipeline.apply("ReadSunnybrook",
            ReadSunnybrook.from(input).withUnlabelled(options.getIncludeUnlabelled()));
      case DICOM:
        WithDeadLetters<CardiacImage> dicom = pipeline.apply("ReadDicom", ReadDicomFiles.matching(input + "/**"));
        if (options.getContours() != null) {
          String contours = Paths.get(options.getContours()).toAbsolutePath().normalize().toString();
          return dicom.then("LabelWithContours",
              LabelWithContours.from(contours).withUnlabelled(options.getIncludeUnlabelled()));
        }
        PCollection<LabeledImage> unlabelled = dicom.output()
            .apply("Unlabelled", MapElements.into(TypeDescriptor.of(LabeledImage.class))
                .via(LabeledImage::unlabeled))
            .setCoder(LabeledImageCoder.of());
        return WithDeadLetters.of(new org.apache.beam.sdk.values.TupleTag<LabeledImage>("images") {},
            unlabelled, dicom.deadLetters());
      default:
        throw new IllegalArgumentException("unsupported input format " + format);
    }
  }
}
