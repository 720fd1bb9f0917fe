package org.heartbeam.model.volume;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * LV volume per cardiac phase of one short-axis cine stack by Simpson's disc summation (the sum over
 * slices of area x slice spacing), and from it EDV, ESV, SV and EF.
 *
 * <p>Slices are grouped by position (within {@link CinePhases#POSITION_TOLERANCE_MM}); the spacing is the median
 * gap between neighbouring slice positions, so one missing slice in the middle of a stack does not
 * change it. Phases come from the images' phase index, or, where the header has none (Sunnybrook),
 * from ranking trigger times within each slice ({@link CinePhases}). A phase counts only if every slice has it: a volume
 * summed over fewer slices would be silently small. ED is the phase of the largest volume, ES of the
 * smallest.
 */
public final class CineVolumes {
  private final int slices;
  private final double sliceSpacingMm;
  private final double[] volumesMl;
  private final int edPhase;
  private final int esPhase;

  private CineVolumes(int slices, double sliceSpacingMm, double[] volumesMl) {
    this.slices = slices;
    this.sliceSpacingMm = sliceSpacingMm;
    this.volumesMl = volumesMl;
    int ed = -1;
    int es = -1;
    for (int p = 0; p < volumesMl.length; p++) {
      if (Double.isNaN(volumesMl[p])) {
        continue;
      }
      if (ed < 0 || volumesMl[p] > volumesMl[ed]) {
        ed = p;
      }
      if (es < 0 || volumesMl[p] < volumesMl[es]) {
        es = p;
      }
    }
    this.edPhase = ed;
    this.esPhase = es;
  }

  /**
   * @throws IllegalArgumentException when fewer than 2 slices or no complete phase: no volume can be
   *     measured, and the message says why
   */
  public static CineVolumes of(Collection<SliceArea> areas) {
    List<List<SliceArea>> bySlice = groupBySlice(areas);
    if (bySlice.size() < 2) {
      throw new IllegalArgumentException("need at least 2 slice positions for a volume, found " + bySlice.size());
    }
    double spacing = medianGap(bySlice);
    Map<Integer, double[]> areaByPhase = new TreeMap<>();
    for (int s = 0; s < bySlice.size(); s++) {
      for (Map.Entry<Integer, Double> e : phases(bySlice.get(s)).entrySet()) {
        areaByPhase.computeIfAbsent(e.getKey(), k -> filled(bySlice.size()))[s] = e.getValue();
      }
    }
    int phaseCount = areaByPhase.isEmpty() ? 0 : ((TreeMap<Integer, double[]>) areaByPhase).lastKey() + 1;
    double[] volumes = filled(phaseCount);
    boolean any = false;
    for (Map.Entry<Integer, double[]> e : areaByPhase.entrySet()) {
      double sum = 0;
      for (double a : e.getValue()) {
        sum += a; // NaN when a slice lacks this phase: the phase is incomplete
      }
      volumes[e.getKey()] = sum * spacing / 1000.0;
      any |= !Double.isNaN(volumes[e.getKey()]);
    }
    if (!any) {
      throw new IllegalArgumentException("no cardiac phase is present on all " + bySlice.size() + " slices");
    }
    return new CineVolumes(bySlice.size(), spacing, volumes);
  }

  private static List<List<SliceArea>> groupBySlice(Collection<SliceArea> areas) {
    return CinePhases.bySlice(areas, SliceArea::slicePositionMm);
  }

  private static double medianGap(List<List<SliceArea>> slices) {
    double[] gaps = new double[slices.size() - 1];
    for (int i = 1; i < slices.size(); i++) {
      gaps[i - 1] = slices.get(i).get(0).slicePositionMm() - slices.get(i - 1).get(0).slicePositionMm();
    }
    Arrays.sort(gaps);
    int n = gaps.length;
    return n % 2 == 1 ? gaps[n / 2] : (gaps[n / 2 - 1] + gaps[n / 2]) / 2;
  }

  /** Phase -> area for one slice: by phase index when every image has one, else by trigger-time rank. */
  private static Map<Integer, Double> phases(List<SliceArea> slice) {
    Map<Integer, Double> byPhase = new TreeMap<>();
    boolean indexed = slice.stream().allMatch(a -> a.phaseIndex() >= 0);
    if (indexed) {
      for (SliceArea a : slice) {
        if (byPhase.put(a.phaseIndex(), a.areaMm2()) != null) {
          throw new IllegalArgumentException("two images of phase " + a.phaseIndex() + " at slice position "
              + a.slicePositionMm() + " mm");
        }
      }
      return byPhase;
    }
    if (slice.stream().anyMatch(a -> Double.isNaN(a.triggerTimeMs()))) {
      throw new IllegalArgumentException("images at slice position " + slice.get(0).slicePositionMm()
          + " mm have neither phase index nor trigger time");
    }
    List<SliceArea> byTime = CinePhases.byTriggerTime(slice, SliceArea::triggerTimeMs);
    for (int p = 0; p < byTime.size(); p++) {
      byPhase.put(p, byTime.get(p).areaMm2());
    }
    return byPhase;
  }

  private static double[] filled(int n) {
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  public int slices() { return slices; }

  public double sliceSpacingMm() { return sliceSpacingMm; }

  /** LV volume per phase in ml; NaN for a phase missing on some slice. A copy. */
  public double[] volumesMl() { return volumesMl.clone(); }

  public int edPhase() { return edPhase; }

  public int esPhase() { return esPhase; }

  public double edvMl() { return volumesMl[edPhase]; }

  public double esvMl() { return volumesMl[esPhase]; }

  public double strokeVolumeMl() { return edvMl() - esvMl(); }

  /** Ejection fraction in percent. */
  public double ejectionFractionPercent() { return 100.0 * strokeVolumeMl() / edvMl(); }
}
