package org.heartbeam.model.file;

/**
 * The names of the files in a training run folder: the contract between training, which writes
 * them, the model registry, which copies and checks them, and the report, which reads them. A folder
 * with {@link #MODEL} and {@link #RUN_JSON} is a training run.
 */
public final class RunFolder {
  private RunFolder() {}

  /** The trained model ({@link ModelFile}). */
  public static final String MODEL = "model.hbm";
  /** One JSON object: command, options, data fingerprint, metrics (val_dice_mean ...), timings. */
  public static final String RUN_JSON = "run.json";
  /** One row per epoch: epoch, train_loss, val_loss, val_dice_mean, val_dice_median, learning_rate, seconds. */
  public static final String EPOCHS_CSV = "epochs.csv";
  /** The same epochs, one JSON object a line. */
  public static final String EPOCHS_JSONL = "epochs.jsonl";
  /** Loss and Dice curves. */
  public static final String CURVES_PNG = "curves.png";
  /** Inputs training could not use, one dead letter a line. */
  public static final String DEAD_LETTERS = "dead_letters.jsonl";
}
