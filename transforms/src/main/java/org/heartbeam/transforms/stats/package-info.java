/**
 * Statistics of an inference run in a pipeline: per-image statistics, summaries per patient and run, LV
 * volumes and EF per series ({@link org.heartbeam.transforms.stats.EstimateVolumes}), and the CSV / JSON files
 * they are written to.
 *
 * <p>Beam transforms and DoFns. Depends on {@code model.image}, {@code model.stats}, {@code
 * transforms.deadletter} and Jackson.
 */
package org.heartbeam.transforms.stats;
