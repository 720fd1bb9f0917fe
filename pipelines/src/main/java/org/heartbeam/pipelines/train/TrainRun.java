package org.heartbeam.pipelines.train;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.text.Plural;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.pipelines.split.DatasetSplit;
import org.heartbeam.pipelines.split.PatientSplit;
import org.heartbeam.pipelines.files.OutputFolder;
import org.heartbeam.transforms.augment.AugmentOptions;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code heartbeam train}: Beam prepares and augments the data (see {@link TrainingDataPipelines}),
 * this driver trains on what Beam materialized, epoch by epoch, in the same JVM.
 *
 * <p>Why the driver trains rather than a DoFn after a grouping: a U-Net step wants one net, one
 * thread pool and a fixed order of batches; inside a DoFn the runner picks the worker, may retry a
 * bundle (re-running Adam steps) and gives no order. Beam does the parallel work (decode,
 * preprocess, augment, shuffle) and writes it as sorted shard files; the driver streams them in
 * name order, so the same data, options and seed give the same metrics on every runner. The augment
 * pipeline of the next chunk of epochs runs while the current chunk trains, and each epoch's files
 * are deleted once trained on: disk stays bounded by two chunks.
 */
public final class TrainRun {
  public static final String MODEL_FILE = "model.hbm";
  public static final String DEAD_LETTERS_FILE = "dead_letters.jsonl";
  /** The field of view every model grid covers, whatever its pixel count. */
  public static final double FIELD_OF_VIEW_MM = 200.0;
  /** Materialized epochs per augment pipeline are capped at about this many bytes. */
  private static final long CHUNK_BYTES = 512L << 20;
  private static final Set<String> OUTPUT_FILES = Set.of(MODEL_FILE, RunManifest.FILE, EpochLog.CSV, EpochLog.JSONL,
      CurvesPlot.FILE, DEAD_LETTERS_FILE);

  private final TrainOptions options;
  private final String command;
  private final PrintStream progress;
  private final List<DeadLetter> driverDeadLetters = Collections.synchronizedList(new ArrayList<>());

  private TrainRun(TrainOptions options, String command, PrintStream progress) {
    this.options = options;
    this.command = command;
    this.progress = progress;
  }

  /**
   * Trains and writes the run folder; returns its manifest.
   *
   * @param command the command line as typed, recorded in run.json
   * @param progress where the one-line-per-epoch progress goes
   * @throws IllegalArgumentException for bad options or data that cannot train (one line)
   */
  public static RunManifest run(TrainOptions options, String command, PrintStream progress) throws Exception {
    return new TrainRun(options, command, progress).run();
  }

  private RunManifest run() throws Exception {
    Instant startedAt = Instant.now();
    validate();
    Path output = Paths.get(options.getOutput()).toAbsolutePath().normalize();
    TrainPreset preset = TrainPreset.parse(options.getPreset());
    Path input = options.getInput() == null ? null : Paths.get(options.getInput()).toAbsolutePath().normalize();
    if (input == null && preset != TrainPreset.SYNTHETIC) {
      throw new IllegalArgumentException("missing --input (only --preset=synthetic generates its own data)");
    }
    TrainInputFormat format = input == null ? TrainInputFormat.SUNNYBROOK
        : TrainInputFormat.resolve(options.getInputFormat(), input);
    UNetConfig config = UNetConfig.builder().inputSize(options.getInputSize(), options.getInputSize())
        .depth(options.getDepth()).baseFilters(options.getBaseFilters()).learningRate(options.getLearningRate())
        .seed(options.getSeed()).build();
    prepareOutput(output);
    boolean ownWork = options.getWorkDir() == null;
    Path work = ownWork ? Files.createTempDirectory("heartbeam-train-")
        : Files.createDirectories(Paths.get(options.getWorkDir()).toAbsolutePath().normalize());
    try {
      if (input == null) {
        input = work.resolve("synthetic");
        SyntheticStudyGenerator.generate(syntheticData(options.getSeed()), input);
        progress.println("train: generated a phantom set of "
            + Plural.of(syntheticData(options.getSeed()).patients(), "patient") + " in the work folder");
      }
      return train(startedAt, output, input, format, config, work);
    } finally {
      deleteWork(work, ownWork);
    }
  }

  /** The phantom set of --preset=synthetic without --input: 8 patients, 6 slices x 8 phases, all contoured. */
  static SynthOptions syntheticData(long seed) {
    return SynthOptions.builder().patients(8).slices(6).phases(8).rows(160).cols(160).seed(seed).build();
  }

  private RunManifest train(Instant startedAt, Path output, Path input, TrainInputFormat format, UNetConfig config,
      Path work) throws Exception {
    PreprocessOptions preprocess = preprocessing(options.getInputSize());
    PatientSplit split = options.getFold() >= 0 ? PatientSplit.fold(options.getFold(), options.getFolds())
        : new PatientSplit(options.getValidationFraction());
    long prepareStart = System.nanoTime();
    runPipeline(TrainingDataPipelines.prepare(options, format, input, preprocess, split, work), "prepare");
    progress.printf("train: data prepared in %.1f s%n", (System.nanoTime() - prepareStart) / 1e9);

    Path trainFolder = TrainingDataPipelines.preparedFolder(work, DatasetSplit.TRAIN);
    Path validationFolder = TrainingDataPipelines.preparedFolder(work, DatasetSplit.VALIDATION);
    List<String> trainEntries = fingerprintEntries(trainFolder);
    int validationImages = fingerprintEntries(validationFolder).size();
    Map<String, Integer> patients = patientsPerSplit(work);
    if (trainEntries.isEmpty() || validationImages == 0) {
      throw new IllegalArgumentException("training needs labelled images in both splits; got " + trainEntries.size()
          + " train and " + validationImages + " validation images (" + patients.getOrDefault("train", 0) + " and "
          + patients.getOrDefault("validation", 0) + " patients; see dead letters)");
    }
    String fingerprint = sha256(String.join("\n", trainEntries));
    progress.printf("train: %s (%s), %s (%s), %s%n", Plural.of(trainEntries.size(), "train image"),
        Plural.of(patients.getOrDefault("train", 0), "patient"), Plural.of(validationImages, "validation image"),
        Plural.of(patients.getOrDefault("validation", 0), "patient"), config);

    SameDiffUNet net = new SameDiffUNet(config);
    Trainer trainer = new Trainer(net, options.getBatchSize(), driverDeadLetters::add);
    EpochLog log = new EpochLog(output);
    AugmentOptions augment = options.getAugment() ? AugmentOptions.defaults() : AugmentOptions.none();
    int epochs = options.getEpochs();
    long bytesPerEpoch = trainEntries.size() * ((long) config.pixelsPerImage() * 5 + 64);
    int chunk = (int) Math.max(1, Math.min(epochs, CHUNK_BYTES / Math.max(1, bytesPerEpoch)));

    ExecutorService augmenter = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "heartbeam-augment");
      t.setDaemon(true);
      return t;
    });
    EpochMetrics best = null;
    int sinceBest = 0;
    boolean stoppedEarly = false;
    int epochsRun = 0;
    Future<?> pending = augmenter.submit(() -> augmentEpochs(augment, 1, Math.min(chunk, epochs), work));
    int nextChunk = 1;
    long trainingStart = System.nanoTime();
    try {
      for (int epoch = 1; epoch <= epochs; epoch++) {
        if (epoch == nextChunk) {
          waitFor(pending);
          nextChunk = Math.min(epoch + chunk, epochs + 1);
          int from = nextChunk;
          pending = from <= epochs ? augmenter.submit(() -> augmentEpochs(augment, from,
              Math.min(from + chunk - 1, epochs), work)) : null;
        }
        long start = System.nanoTime();
        Path epochFolder = TrainingDataPipelines.epochFolder(work, epoch);
        double trainLoss;
        try (ExampleShardReader examples = new ExampleShardReader(epochFolder, driverDeadLetters::add)) {
          trainLoss = trainer.trainEpoch(examples);
        }
        OutputFolder.deleteTree(epochFolder);
        ValidationScore score;
        try (ExampleShardReader examples = new ExampleShardReader(validationFolder, driverDeadLetters::add)) {
          score = trainer.validate(examples);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochMetrics m = new EpochMetrics(epoch, trainLoss, score.loss(), score.diceMean(), score.diceMedian(),
            config.learningRate(), seconds);
        log.append(m);
        epochsRun = epoch;
        if (best == null || m.valDiceMean() > best.valDiceMean()) {
          best = m;
          sinceBest = 0;
          ModelFile.save(output.resolve(MODEL_FILE), net, provenance(preprocess, fingerprint, m));
        } else {
          sinceBest++;
        }
        printProgress(m, epochs, (System.nanoTime() - trainingStart) / 1e9);
        if (options.getPatience() > 0 && sinceBest >= options.getPatience() && epoch < epochs) {
          stoppedEarly = true;
          progress.println("train: stopping early, no better validation Dice for " + Plural.of(sinceBest, "epoch"));
          break;
        }
      }
    } finally {
      if (pending != null) {
        // A Beam job cannot be cancelled cleanly from here; let it finish, its files go with the work folder.
        try {
          pending.get();
        } catch (ExecutionException e) {
          // Already past training: the error of a chunk nobody will train on does not matter.
        }
      }
      augmenter.shutdownNow();
    }

    CurvesPlot.write(output.resolve(CurvesPlot.FILE), log.epochs());
    long deadLetters = writeDeadLetters(work, output);
    RunManifest manifest = new RunManifest(command, optionValues(), fingerprint, options.getSeed(),
        Nd4j.getBackend().getClass().getSimpleName(), Nd4j.getEnvironment().maxMasterThreads(), best.epoch(),
        epochsRun, stoppedEarly, best, trainEntries.size(), validationImages, patients.getOrDefault("train", 0),
        patients.getOrDefault("validation", 0), deadLetters, startedAt, Instant.now(), output);
    manifest.write();
    progress.printf("train: best epoch %d, validation Dice mean %.4f median %.4f; model %s%n", best.epoch(),
        best.valDiceMean(), best.valDiceMedian(), output.resolve(MODEL_FILE));
    return manifest;
  }

  /** The model grid: inputSize pixels over {@link #FIELD_OF_VIEW_MM}, centred, percentile:1:99. */
  public static PreprocessOptions preprocessing(int inputSize) {
    return PreprocessOptions.modelDefaults(inputSize).withSpacing(FIELD_OF_VIEW_MM / inputSize);
  }

  private void augmentEpochs(AugmentOptions augment, int first, int last, Path work) {
    long start = System.nanoTime();
    runPipeline(TrainingDataPipelines.augment(options, augment, first, last, work), "augment");
    progress.printf("train: epochs %d-%d augmented in %.1f s%n", first, last, (System.nanoTime() - start) / 1e9);
  }

  private static void runPipeline(Pipeline pipeline, String name) {
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the " + name + " pipeline ended in state " + state);
    }
  }

  private static void waitFor(Future<?> future) throws Exception {
    try {
      future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ? (Exception) cause : new IllegalStateException(cause);
    }
  }

  private ModelProvenance provenance(PreprocessOptions preprocess, String fingerprint, EpochMetrics m) {
    return ModelProvenance.of(preprocess).withTrainingData(fingerprint)
        .withHyperParameter("seed", options.getSeed())
        .withHyperParameter("epochs", options.getEpochs())
        .withHyperParameter("epoch", m.epoch())
        .withHyperParameter("batch_size", options.getBatchSize())
        .withHyperParameter("learning_rate", options.getLearningRate())
        .withHyperParameter("optimizer", "adam")
        .withHyperParameter("loss", "cross-entropy + soft Dice (smooth 1)")
        .withHyperParameter("augment", options.getAugment() ? AugmentOptions.defaults() : AugmentOptions.none())
        .withHyperParameter("patience", options.getPatience())
        .withHyperParameter("split", options.getFold() >= 0 ? "fold " + options.getFold() + "/" + options.getFolds()
            : "validation fraction " + options.getValidationFraction())
        .withMetric("val_dice_mean", m.valDiceMean())
        .withMetric("val_dice_median", m.valDiceMedian())
        .withMetric("val_loss", m.valLoss())
        .withMetric("train_loss", m.trainLoss());
  }

  private void printProgress(EpochMetrics m, int epochs, double elapsed) {
    double perEpoch = elapsed / m.epoch();
    long eta = Math.round(perEpoch * (epochs - m.epoch()));
    progress.printf("epoch %d/%d  loss %.4f  val loss %.4f  val Dice %.4f (median %.4f)  %.1f s/epoch  ETA %dm%02ds%n",
        m.epoch(), epochs, m.trainLoss(), m.valLoss(), m.valDiceMean(), m.valDiceMedian(), m.seconds(), eta / 60,
        eta % 60);
  }

  /** Sorted "imageKey:sha256(mask)" of every example under a folder. */
  private List<String> fingerprintEntries(Path folder) throws IOException {
    List<String> entries = new ArrayList<>();
    try (ExampleShardReader examples = new ExampleShardReader(folder, driverDeadLetters::add)) {
      while (examples.hasNext()) {
        TrainingExample e = examples.next();
        entries.add(e.imageKey() + ":" + sha256(e.mask()));
      }
    }
    Collections.sort(entries);
    return entries;
  }

  private static Map<String, Integer> patientsPerSplit(Path work) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    Path file = work.resolve(TrainingDataPipelines.PATIENTS + ".csv");
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int comma = line.indexOf(',');
        if (comma > 0) {
          counts.merge(line.substring(0, comma), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The pipelines' dead letters (each file's lines sorted, duplicates dropped), then the driver's. */
  private long writeDeadLetters(Path work, Path output) throws IOException {
    Set<String> lines = new LinkedHashSet<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(work)) {
      files = list.filter(p -> p.getFileName().toString().startsWith("dead_letters-")).sorted()
          .collect(Collectors.toList());
    }
    for (Path file : files) {
      lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).sorted()
          .collect(Collectors.toList()));
    }
    synchronized (driverDeadLetters) {
      driverDeadLetters.forEach(d -> lines.add(d.toJson()));
    }
    Files.write(output.resolve(DEAD_LETTERS_FILE), lines, StandardCharsets.UTF_8);
    return lines.size();
  }

  /** The values of every option TrainOptions declares, plus the runner, by name. */
  private Map<String, Object> optionValues() throws ReflectiveOperationException {
    Map<String, Object> values = new TreeMap<>();
    for (Method m : TrainOptions.class.getDeclaredMethods()) {
      if (m.getName().startsWith("get") && m.getParameterCount() == 0) {
        String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        values.put(name, m.invoke(options));
      }
    }
    values.put("runner", options.getRunner().getSimpleName());
    return values;
  }

  private void validate() {
    require(options.getEpochs() >= 1, "--epochs must be >= 1, got " + options.getEpochs());
    require(options.getBatchSize() >= 1, "--batchSize must be >= 1, got " + options.getBatchSize());
    require(options.getLearningRate() > 0, "--learningRate must be > 0, got " + options.getLearningRate());
    require(options.getPatience() >= 0, "--patience must be >= 0, got " + options.getPatience());
    require(options.getShardBuckets() >= 1, "--shardBuckets must be >= 1, got " + options.getShardBuckets());
    require(options.getValidationFraction() > 0 && options.getValidationFraction() < 1,
        "--validationFraction must be strictly between 0 and 1, got " + options.getValidationFraction());
    require(options.getFold() < options.getFolds(), "--fold must be below --folds");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * A run folder must be new, empty, or hold an earlier run (it has run.json), whose files are then
   * removed; anything else is refused, so a run never mixes with unknown files.
   */
  static void prepareOutput(Path output) throws IOException {
    OutputFolder.prepare(output, RunManifest.FILE, "training run",
        entry -> OUTPUT_FILES.contains(entry.getFileName().toString()) && Files.isRegularFile(entry));
  }

  private static void deleteWork(Path work, boolean ownWork) throws IOException {
    if (ownWork) {
      OutputFolder.deleteTree(work);
      return;
    }
    for (String name : List.of(TrainingDataPipelines.PREPARED, TrainingDataPipelines.EPOCHS, "synthetic")) {
      OutputFolder.deleteTree(work.resolve(name));
    }
    try (Stream<Path> list = Files.list(work)) {
      for (Path p : list.collect(Collectors.toList())) {
        String name = p.getFileName().toString();
        if (name.startsWith("dead_letters-") || name.equals(TrainingDataPipelines.PATIENTS + ".csv")) {
          Files.delete(p);
        }
      }
    }
  }

  private static String sha256(String text) { return sha256(text.getBytes(StandardCharsets.UTF_8)); }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
