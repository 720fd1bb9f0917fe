package org.heartbeam.pipelines.split;

/** Which part of a dataset a patient's images go to. */
public enum DatasetSplit {
  TRAIN("train"),
  VALIDATION("validation");

  private final String fileName;

  DatasetSplit(String fileName) {
    this.fileName = fileName;
  }

  /** The prefix of this split's files in the output folder. */
  public String fileName() {
    return fileName;
  }
}
