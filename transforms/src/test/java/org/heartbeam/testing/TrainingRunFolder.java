package org.heartbeam.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;

/**
 * A training run folder as the train pipeline leaves it (model.hbm, run.json, epochs.csv,
 * epochs.jsonl, curves.png, dead_letters.jsonl), with a real tiny model (32x32, depth 2, 4 filters)
 * whose weights depend on {@code seed}, so two runs differ in every file.
 */
public final class TrainingRunFolder {
  private TrainingRunFolder() {}

  public static Path write(Path folder, long seed, double validationDice) throws IOException {
    Files.createDirectories(folder);
    UNetConfig config = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).seed(seed).build();
    ModelFile.save(folder.resolve("model.hbm"), new SameDiffUNet(config),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32)).withTrainingData("fp-" + seed));
    String run = String.format(Locale.ROOT, "{\"command\":\"heartbeam train --input=data --seed=%d\","
        + "\"options\":{\"seed\":%d},\"data_fingerprint\":\"fp-%d\",\"seed\":%d,\"backend\":\"cpu\","
        + "\"omp_threads\":1,\"best_epoch\":3,\"epochs_run\":4,\"stopped_early\":false,"
        + "\"metrics\":{\"val_dice_mean\":%s,\"val_dice_median\":%s,\"val_loss\":0.2,\"train_loss\":0.1},"
        + "\"train_images\":40,\"validation_images\":10,\"train_patients\":4,\"validation_patients\":1,"
        + "\"dead_letters\":0,\"started_at\":\"2025-01-01T00:00:00Z\",\"finished_at\":\"2025-01-01T00:10:00Z\"}",
        seed, seed, seed, seed, validationDice, validationDice);
    Files.writeString(folder.resolve("run.json"), run);
    Files.writeString(folder.resolve("epochs.csv"), "epoch,train_loss,val_loss,val_dice\n1,0.5,0.4," + seed + "\n");
    Files.writeString(folder.resolve("epochs.jsonl"), "{\"epoch\":1,\"seed\":" + seed + "}\n");
    Files.write(folder.resolve("curves.png"), ("not really a png " + seed).getBytes(StandardCharsets.UTF_8));
    Files.writeString(folder.resolve("dead_letters.jsonl"), "");
    return folder;
  }
}
