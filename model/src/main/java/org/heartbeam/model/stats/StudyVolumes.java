package org.heartbeam.model.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.TreeSet;
import org.heartbeam.model.volume.CineVolumes;
import org.heartbeam.model.volume.SliceArea;

/**
 * LV volume per cardiac phase and EDV, ESV, SV and EF of one cine series, from its images' predicted
 * LV areas by Simpson's disc summation ({@link CineVolumes}: phases by phase index, or by trigger-time
 * rank within each slice when the header has none).
 *
 * <p>Strict about completeness, because a wrong EF looks like a right one: the clinical numbers are
 * given only when at least 2 slices and 2 phases exist and <em>every</em> phase is present on every
 * slice. A phase index that no image has (e.g. only ED and ES were segmented) is not a phase of the
 * series: NaN in {@link #volumesMl()}, not counted in {@link #phases()}, and ED/ES are the largest and
 * smallest of the phases measured. Otherwise {@link #computable()} is false, EDV/ESV/SV/EF are NaN
 * and {@link #reason()} says why (one slice only; phases missing on some slice, which with
 * trigger-time ranking also means the other phases of that slice may be misaligned; two images of
 * one phase at one slice; ...). The per-phase volumes that could be summed are still reported.
 *
 * @param imageCount images the series contributed
 * @param slices distinct slice positions; 0 when no stack could be formed at all (see reason)
 * @param phases phases measured on every slice (by index or trigger rank)
 * @param sliceSpacingMm median gap between neighbouring slice positions, NaN when unknown
 * @param volumesMl LV volume per phase (index 0 up to the highest found) in ml; NaN for a phase
 *     missing on some or all slices
 * @param edPhase phase of the largest volume, -1 when not computable
 * @param esPhase phase of the smallest volume, -1 when not computable
 * @param reason empty when computable, else one line saying why not
 */
public record StudyVolumes(
    String modelVersion,
    String patientKey,
    String studyKey,
    String seriesKey,
    int imageCount,
    int slices,
    int phases,
    double sliceSpacingMm,
    double[] volumesMl,
    int edPhase,
    int esPhase,
    double edvMl,
    double esvMl,
    double svMl,
    double efPercent,
    String reason) implements Serializable {

  public StudyVolumes {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(patientKey, "patientKey");
    Objects.requireNonNull(studyKey, "studyKey");
    Objects.requireNonNull(seriesKey, "seriesKey");
    Objects.requireNonNull(reason, "reason");
    volumesMl = volumesMl.clone();
  }

  public boolean computable() { return reason.isEmpty(); }

  @Override
  public double[] volumesMl() { return volumesMl.clone(); }

  /**
   * Volumes of one series from its images' statistics.
   *
   * @throws IllegalArgumentException when the images are empty or are not all of one model version,
   *     study and series (a grouping error), or when one has no slice position (filter first)
   */
  public static StudyVolumes of(Collection<ImageStatistics> images) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images");
    }
    ImageStatistics first = images.iterator().next();
    List<SliceArea> areas = new ArrayList<>(images.size());
    for (ImageStatistics image : images) {
      if (!image.modelVersion().equals(first.modelVersion()) || !image.studyKey().equals(first.studyKey())
          || !image.seriesKey().equals(first.seriesKey())) {
        throw new IllegalArgumentException("images of one series expected; " + image.imageKey() + " differs from "
            + first.imageKey() + " in model version, study or series");
      }
      areas.add(image.sliceArea());
    }
    CineVolumes cine;
    try {
      cine = CineVolumes.of(areas);
    } catch (IllegalArgumentException e) {
      return notComputable(first, images.size(), 0, 0, Double.NaN, new double[0], e.getMessage());
    }
    double[] volumes = cine.volumesMl();
    Set<Integer> indexed = indexedPhases(images);
    TreeSet<Integer> partial = new TreeSet<>();
    int measured = 0;
    for (int p = 0; p < volumes.length; p++) {
      if (!Double.isNaN(volumes[p])) {
        measured++;
      } else if (indexed == null || indexed.contains(p)) {
        partial.add(p);
      }
    }
    if (!partial.isEmpty()) {
      return notComputable(first, images.size(), cine.slices(), measured, cine.sliceSpacingMm(), volumes,
          "phases " + partial + " are missing on some of the " + cine.slices() + " slices");
    }
    if (measured < 2) {
      return notComputable(first, images.size(), cine.slices(), measured, cine.sliceSpacingMm(), volumes,
          "only one cardiac phase: no end-diastole and end-systole to compare");
    }
    return new StudyVolumes(first.modelVersion(), first.patientKey(), first.studyKey(), first.seriesKey(),
        images.size(), cine.slices(), measured, cine.sliceSpacingMm(), volumes, cine.edPhase(),
        cine.esPhase(), cine.edvMl(), cine.esvMl(), cine.strokeVolumeMl(), cine.ejectionFractionPercent(), "");
  }

  /**
   * The phase indices of the images when every image has one (then a phase no image has is simply
   * not part of the series); null when phases come from trigger-time ranks, where every gap is a
   * slice with fewer images than the others.
   */
  private static Set<Integer> indexedPhases(Collection<ImageStatistics> images) {
    Set<Integer> phases = new HashSet<>();
    for (ImageStatistics image : images) {
      if (image.phaseIndex() < 0) {
        return null;
      }
      phases.add(image.phaseIndex());
    }
    return phases;
  }

  private static StudyVolumes notComputable(ImageStatistics first, int images, int slices, int phases,
      double spacing, double[] volumes, String reason) {
    double nan = Double.NaN;
    return new StudyVolumes(first.modelVersion(), first.patientKey(), first.studyKey(), first.seriesKey(), images,
        slices, phases, spacing, volumes, -1, -1, nan, nan, nan, nan, reason == null ? "not computable" : reason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StudyVolumes s && modelVersion.equals(s.modelVersion) && studyKey.equals(s.studyKey)
        && seriesKey.equals(s.seriesKey) && patientKey.equals(s.patientKey) && imageCount == s.imageCount
        && slices == s.slices && phases == s.phases && Double.compare(sliceSpacingMm, s.sliceSpacingMm) == 0
        && java.util.Arrays.equals(volumesMl, s.volumesMl) && edPhase == s.edPhase && esPhase == s.esPhase
        && Double.compare(efPercent, s.efPercent) == 0 && reason.equals(s.reason);
  }

  @Override
  public int hashCode() { return Objects.hash(modelVersion, studyKey, seriesKey, imageCount, reason); }

  @Override
  public String toString() {
    return "StudyVolumes{" + studyKey + "/" + seriesKey + ", " + slices + " slices x " + phases + " phases, "
        + (computable() ? String.format(java.util.Locale.ROOT, "EDV %.1f ml, ESV %.1f ml, EF %.1f %%", edvMl, esvMl,
            efPercent) : "not computable: " + reason) + "}";
  }
}
