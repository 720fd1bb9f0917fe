package org.heartbeam.phantom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.heartbeam.transforms.sunnybrook.SunnybrookTree;

/**
 * Writes synthetic cine short-axis studies in the Sunnybrook layout, with known LV volumes and
 * ejection fraction, so every reader and pipeline can run without real data:
 *
 * <pre>
 *   link.csv, dicoms/&lt;patient_id&gt;/&lt;N&gt;.dcm, contourfiles/&lt;original_id&gt;/{i,o}-contours/...,
 *   ground_truth.csv, ground_truth_volumes.csv
 * </pre>
 *
 * The truth is Simpson's disc summation of the written i-contours (the shoelace area of each
 * polygon x pixel area x slice spacing), i.e. exactly what a perfect segmenter would measure; the
 * rendered blood pool has the same analytic boundary. Same options (seed included), same bytes.
 */
public final class SyntheticStudyGenerator {
  private SyntheticStudyGenerator() {}

  /**
   * @param outDir created if missing; must be empty so the output is exactly this run's
   * @throws IllegalArgumentException if {@code outDir} exists and is not an empty directory
   */
  public static SynthSummary generate(SynthOptions options, Path outDir) throws IOException {
    requireEmpty(outDir);
    SunnybrookTree layout = new SunnybrookTree(outDir);
    List<PatientTruth> truth = new ArrayList<>();
    int images = 0;
    int contourFiles = 0;
    for (int index = 0; index < options.patients(); index++) {
      PhantomPatient patient = new PhantomPatient(options, index);
      PatientTruth patientTruth = truthOf(patient);
      contourFiles += writeContours(patient, patientTruth, options.contouredPhases(), layout);
      images += writeImages(patient, options.seed(), layout);
      truth.add(patientTruth);
    }
    Map<String, String> link = new LinkedHashMap<>();
    truth.forEach(p -> link.put(p.patientId(), p.originalId()));
    layout.writeLink(link);
    GroundTruthWriter.write(outDir, truth);
    return new SynthSummary(options.patients(), images, contourFiles, truth);
  }

  /** Volumes of every phase from the i-contour polygons exactly as they are written. */
  static PatientTruth truthOf(PhantomPatient p) {
    double[] volumes = new double[p.phases];
    double voxelMl = p.pixelSpacingMm * p.pixelSpacingMm * p.sliceSpacingMm / 1000.0;
    for (int phase = 0; phase < p.phases; phase++) {
      double areaPx = 0;
      for (int slice = 0; slice < p.slices; slice++) {
        areaPx += endocardium(p, slice, phase).areaPx();
      }
      volumes[phase] = areaPx * voxelMl;
    }
    return PatientTruth.fromVolumes(p.patientId, p.originalId, p.slices, volumes);
  }

  private static ContourPolygon endocardium(PhantomPatient p, int slice, int phase) {
    return ContourPolygon.fromMillimetres(
        p.leftVentricle(slice, phase).endocardium(ContourPolygon.VERTICES), p);
  }

  private static int writeContours(PhantomPatient p, PatientTruth truth, ContouredPhases which,
      SunnybrookTree layout) throws IOException {
    int written = 0;
    for (int slice = 0; slice < p.slices; slice++) {
      for (int phase = 0; phase < p.phases; phase++) {
        if (which == ContouredPhases.ED_ES && phase != truth.edPhase() && phase != truth.esPhase()) {
          continue;
        }
        int instance = PhantomDicomWriter.instanceNumber(slice, phase, p.phases);
        LeftVentricleShape lv = p.leftVentricle(slice, phase);
        endocardium(p, slice, phase).write(layout.contourFile(p.originalId, SunnybrookTree.Contour.INNER, instance));
        ContourPolygon.fromMillimetres(lv.epicardium(ContourPolygon.VERTICES), p)
            .write(layout.contourFile(p.originalId, SunnybrookTree.Contour.OUTER, instance));
        written += 2;
      }
    }
    return written;
  }

  private static int writeImages(PhantomPatient p, long seed, SunnybrookTree layout) throws IOException {
    PhantomRenderer renderer = new PhantomRenderer(p, seed);
    PhantomDicomWriter writer = new PhantomDicomWriter(p, seed);
    Path dir = layout.dicomFolder(p.patientId);
    for (int slice = 0; slice < p.slices; slice++) {
      for (int phase = 0; phase < p.phases; phase++) {
        writer.write(dir, slice, phase, renderer.render(slice, phase));
      }
    }
    return p.slices * p.phases;
  }

  private static void requireEmpty(Path outDir) throws IOException {
    if (!Files.exists(outDir)) {
      return;
    }
    if (!Files.isDirectory(outDir)) {
      throw new IllegalArgumentException("output is not a directory: " + outDir);
    }
    try (Stream<Path> entries = Files.list(outDir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException("output directory is not empty: " + outDir);
      }
    }
  }
}
