package org.heartbeam.pipelines.train;

import java.nio.file.Path;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.pipelines.split.DatasetSplit;
import org.heartbeam.pipelines.split.PatientSplit;
import org.heartbeam.pipelines.split.SplitByPatient;
import org.heartbeam.transforms.augment.AugmentFn;
import org.heartbeam.transforms.augment.AugmentOptions;
import org.heartbeam.transforms.augment.Augmenter;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.augment.TrainingExampleCoder;
import org.heartbeam.transforms.coders.LabeledImageCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.deadletter.WriteDeadLetters;
import org.heartbeam.transforms.preprocess.PrepareForModel;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.heartbeam.transforms.tfrecord.ReadSeedTfRecords;

/**
 * The two Beam pipelines of training; the driver ({@link TrainRun}) runs them and trains on what
 * they materialize in the work folder:
 *
 * <pre>
 * prepare:  Read (Sunnybrook | TFRecords) -> SplitByPatient -> PrepareForModel -> ToTrainingExample
 *             -> WriteExampleShards  work/prepared/{train,validation}/bNNN.bin  (sorted by image key)
 *           patients per split -> work/patients.csv; every dead letter -> work/dead_letters-prepare.jsonl
 * augment:  ReadExampleShards work/prepared/train -> AugmentFn (epochs a..b, seeded per image and epoch)
 *             -> WriteExampleShards  work/epochs/eNNNN/bNNN.bin  (sorted by a seeded shuffle key)
 * </pre>
 */
final class TrainingDataPipelines {
  static final String PREPARED = "prepared";
  static final String EPOCHS = "epochs";
  static final String PATIENTS = "patients";
  /** Added to the run's seed for the shuffle keys, so they are not the augmentation's draws. */
  private static final long SHUFFLE_SALT = 0x5DEECE66DL;

  private TrainingDataPipelines() {}

  static Path preparedFolder(Path work, DatasetSplit split) {
    return work.resolve(PREPARED).resolve(split.fileName());
  }

  static Path epochFolder(Path work, int epoch) {
    return work.resolve(EPOCHS).resolve(String.format("e%04d", epoch));
  }

  /** Read, split by patient, preprocess, materialize both splits. */
  static Pipeline prepare(TrainOptions options, TrainInputFormat format, Path input, PreprocessOptions preprocess,
      PatientSplit split, Path work) {
    Pipeline pipeline = Pipeline.create(options);
    WithDeadLetters<LabeledImage> read = read(pipeline, format, input, options.getPixelSpacingMm());
    PCollection<KV<String, LabeledImage>> byPatient = read.output()
        .apply("KeyByPatient", MapElements.into(new TypeDescriptor<KV<String, LabeledImage>>() {})
            .via((LabeledImage image) -> KV.of(PatientSplit.patientKey(image.image()), image)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), LabeledImageCoder.of()));
    PCollectionTuple splits = byPatient.apply("SplitByPatient", new SplitByPatient(split));

    PCollectionList<DeadLetter> deadLetters = PCollectionList.of(read.deadLetters());
    for (DatasetSplit s : DatasetSplit.values()) {
      String name = s.fileName();
      PCollection<LabeledImage> images = splits
          .get(s == DatasetSplit.TRAIN ? SplitByPatient.TRAIN : SplitByPatient.VALIDATION)
          .apply("Images " + name, Values.create());
      WithDeadLetters<PreparedImage> prepared = images.apply("Prepare " + name, PrepareForModel.with(preprocess));
      PCollectionTuple examples = prepared.output().apply("ToExample " + name,
          ParDo.of(new ToTrainingExampleFn()).withOutputTags(ToTrainingExampleFn.EXAMPLES,
              TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
      WithDeadLetters<TrainingExample> usable = WithDeadLetters.of(examples, ToTrainingExampleFn.EXAMPLES);
      usable.output().setCoder(TrainingExampleCoder.of())
          .apply("Key " + name, WriteExampleShards.keyed(name + "/", options.getShardBuckets(), TrainingExample::imageKey))
          .setCoder(WriteExampleShards.coder())
          .apply("Write " + name, new WriteExampleShards(work.resolve(PREPARED).toString()));
      deadLetters = deadLetters.and(prepared.deadLetters()).and(usable.deadLetters());
    }
    splits.get(SplitByPatient.ASSIGNMENTS)
        .apply("PatientOfImage", Keys.create())
        .apply("DistinctPatients", Distinct.create())
        .apply("WritePatients", TextIO.write().to(work.resolve(PATIENTS).toString()).withSuffix(".csv")
            .withoutSharding());
    deadLetters.apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteDeadLetters.to(work.resolve("dead_letters-prepare").toString()));
    return pipeline;
  }

  /** Augmented, shuffled copies of the prepared training split for epochs first..last. */
  static Pipeline augment(TrainOptions options, AugmentOptions augment, int firstEpoch, int lastEpoch, Path work) {
    Pipeline pipeline = Pipeline.create(options);
    String trainShards = preparedFolder(work, DatasetSplit.TRAIN) + "/*" + WriteExampleShards.SUFFIX;
    WithDeadLetters<TrainingExample> read = pipeline.apply("ReadPrepared", new ReadExampleShards(trainShards));
    long seed = options.getSeed();
    int buckets = options.getShardBuckets();
    PCollectionTuple augmented = read.output().apply("Augment",
        ParDo.of(new AugmentFn(augment, seed, firstEpoch, lastEpoch))
            .withOutputTags(AugmentFn.AUGMENTED, TupleTagList.of(WithDeadLetters.DEAD_LETTER_TAG)));
    augmented.get(AugmentFn.AUGMENTED).setCoder(KvCoder.of(VarIntCoder.of(), TrainingExampleCoder.of()));
    WithDeadLetters<KV<Integer, TrainingExample>> out = WithDeadLetters.of(augmented, AugmentFn.AUGMENTED);
    out.output()
        .apply("ShuffleKey", MapElements.into(new TypeDescriptor<KV<String, KV<String, TrainingExample>>>() {})
            .via((KV<Integer, TrainingExample> kv) -> {
              String key = shuffleKey(seed, kv.getKey(), kv.getValue().imageKey());
              return KV.of(String.format("e%04d/", kv.getKey()) + WriteExampleShards.bucket(key, buckets),
                  KV.of(key, kv.getValue()));
            }))
        .setCoder(WriteExampleShards.coder())
        .apply("WriteEpochs", new WriteExampleShards(work.resolve(EPOCHS).toString()));
    PCollectionList.of(read.deadLetters()).and(out.deadLetters())
        .apply("AllDeadLetters", Flatten.pCollections())
        .apply("WriteDeadLetters", WriteDeadLetters.to(
            work.resolve(String.format("dead_letters-augment-e%04d", firstEpoch)).toString()));
    return pipeline;
  }

  /** A per-epoch pseudo-random position of an image: sorting by it shuffles, the same way on every runner. */
  static String shuffleKey(long seed, int epoch, String imageKey) {
    return String.format("%016x", Augmenter.seedFor(seed + SHUFFLE_SALT, epoch, imageKey)) + ":" + imageKey;
  }

  private static WithDeadLetters<LabeledImage> read(Pipeline pipeline, TrainInputFormat format, Path input,
      double tfRecordSpacingMm) {
    switch (format) {
      case SUNNYBROOK:
        return pipeline.apply("ReadSunnybrook", ReadSunnybrook.from(input.toString()));
      case TFRECORD:
        return pipeline.apply("ReadTfRecords", ReadSeedTfRecords.from(TrainInputFormat.tfRecordPattern(input))
            .withPixelSpacingMm(tfRecordSpacingMm));
      default:
        throw new IllegalArgumentException("unsupported input format " + format);
    }
  }

}
