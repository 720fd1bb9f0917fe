package org.heartbeam.report;

/** One row of a training run's epochs.csv; NaN where a value is missing. */
public record EpochRow(int epoch, double trainLoss, double valLoss, double valDiceMean, double valDiceMedian,
    double learningRate, double seconds) {}
