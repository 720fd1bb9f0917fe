/**
 * Training ({@code heartbeam train}): two Beam pipelines prepare and augment the data into shards, and a
 * driver trains the U-Net on them epoch by epoch and writes a run folder (model, curves, epochs, {@code
 * run.json}).
 *
 * <p>Beam pipeline graphs plus a plain-Java driver. Depends on {@code transforms.*}, {@code pipelines.split},
 * {@code pipelines.files}, {@code model.*}, {@code phantom} and JFreeChart.
 */
package org.heartbeam.pipelines.train;
