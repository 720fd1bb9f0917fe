/**
 * What every batch command does with its output folder: the output-folder rule (new, empty, or an earlier run
 * of the same command) and the run's HeartBeam counters by short name, for manifests.
 *
 * <p>Beam only for {@code PipelineResult} metrics; no other HeartBeam package.
 */
package org.heartbeam.pipelines.files;
