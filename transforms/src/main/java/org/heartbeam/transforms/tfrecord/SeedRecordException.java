package org.heartbeam.transforms.tfrecord;

/**
 * A TFRecord payload that is not a valid seed-schema {@code tf.train.Example}. The message is one
 * line a user can act on (it becomes a dead letter's reason) and never carries pixel data or names.
 */
public final class SeedRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  public SeedRecordException(String reason) {
    super(reason);
  }
}
