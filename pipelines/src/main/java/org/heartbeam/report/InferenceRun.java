package org.heartbeam.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an inference run folder says about itself.
 *
 * @param runSummary run.csv's "dice" rows, one per model version (patient key empty)
 * @param overlays overlay PNG per image key, found anywhere under the run folder
 * @param truths true EFs to show next to the measured ones (phantom truth, expert contours), if any
 */
public record InferenceRun(List<ImageRow> images, List<DiceSummaryRow> patients, List<DiceSummaryRow> runSummary,
    List<VolumeRow> volumes, Map<String, Path> overlays, List<EfTruth> truths) {
  public InferenceRun {
    truths = List.copyOf(truths);
    images = List.copyOf(images);
    patients = List.copyOf(patients);
    runSummary = List.copyOf(runSummary);
    volumes = List.copyOf(volumes);
    overlays = Map.copyOf(overlays);
  }
}
