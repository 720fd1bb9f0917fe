package org.heartbeam.phantom;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One synthetic patient: every random choice that makes this study differ from the others (heart
 * position and size, wall thickness, ejection fraction, contrast, noise, spacing, ...), drawn once
 * from a stream keyed by (seed, patient index), and the anatomy it implies at any slice and phase.
 *
 * <p>Slice 0 is the base, slice {@code slices - 1} the apex. The LV profile spans the stack like a
 * half-ellipsoid, so the cavity shrinks towards the apex but never vanishes (every image has a
 * contour). Contraction follows {@link CardiacCycle}; the apex contracts a little more than the base
 * and the heart twists and moves slightly in systole.
 */
final class PhantomPatient {
  final int index;
  final String patientId;
  final String originalId;
  final int slices;
  final int phases;
  final int rows;
  final int cols;

  // Acquisition
  final double pixelSpacingMm;
  final double sliceSpacingMm;
  final double sliceThicknessMm;
  final int rrIntervalMs;
  final ScanGeometry geometry;
  final double gain;
  final double noiseSigma;
  final double psfSigmaPx;
  final double biasAmplitude;
  final double biasDirection;
  final boolean circularFieldOfView;

  // Tissue contrast (blood = 1)
  final double myocardium;
  final double fat;
  final double softTissue;
  final double lung;

  // Anatomy (image-frame millimetres: origin at the image centre, x right, y down)
  final double heartX;
  final double heartY;
  final double baseRadiusMm;
  final double wallMm;
  final double contractionAtEs;
  final CardiacCycle cycle;
  final double ellipticity;
  final double ellipseAngle;
  final double irregularity;
  final double irregularityPhase;
  final double axisDriftX;
  final double axisDriftY;
  final double systolicShiftX;
  final double systolicShiftY;
  final double apicalTwist;
  final double rvDirection;
  final double rvDepthMm;
  final double papillaryRadiusMm;
  final double bodyX;
  final double bodyY;
  final double bodySemiX;
  final double bodySemiY;
  final double subcutaneousFatMm;

  PhantomPatient(SynthOptions options, int index) {
    this.index = index;
    this.patientId = String.format(Locale.ROOT, "SYN%04d", index + 1);
    this.originalId = "SYN-HF-" + (index + 1);
    this.slices = options.slices();
    this.phases = options.phases();
    this.rows = options.rows();
    this.cols = options.cols();
    SplittableRandom rng = SeedMixer.stream(options.seed(), index, SeedMixer.PATIENT);

    pixelSpacingMm = ScanGeometry.round(uniform(rng, 1.25, 1.6), 4);
    sliceSpacingMm = ScanGeometry.round(uniform(rng, 8, 10), 2);
    // Some protocols leave a gap between slices: thickness <= spacing (truth always uses spacing).
    sliceThicknessMm = ScanGeometry.round(sliceSpacingMm - (rng.nextBoolean() ? 0 : uniform(rng, 0, 2)), 2);
    rrIntervalMs = (int) Math.round(60000 / uniform(rng, 55, 95));
    geometry = new ScanGeometry(rng, rows, cols, pixelSpacingMm, sliceSpacingMm);
    gain = uniform(rng, 600, 1800);
    noiseSigma = uniform(rng, 0.02, 0.06);
    psfSigmaPx = uniform(rng, 0.45, 0.75);
    biasAmplitude = uniform(rng, 0.3, 0.8);
    biasDirection = uniform(rng, 0, 2 * Math.PI);
    circularFieldOfView = rng.nextBoolean();

    myocardium = uniform(rng, 0.17, 0.32);
    fat = uniform(rng, 0.7, 0.95);
    softTissue = uniform(rng, 0.25, 0.4);
    lung = uniform(rng, 0.02, 0.06);

    double halfFovMm = Math.min(rows, cols) / 2.0 * pixelSpacingMm;
    heartX = uniform(rng, -0.15, 0.15) * halfFovMm;
    heartY = uniform(rng, -0.15, 0.15) * halfFovMm;
    baseRadiusMm = uniform(rng, 22, 34);
    wallMm = uniform(rng, 7, 12);
    // Mid-ventricular area loss at ES ~ EF; spread gives EF about 30-72 %.
    contractionAtEs = uniform(rng, 0.33, 0.7);
    cycle = new CardiacCycle(uniform(rng, 0.35, 0.40));
    ellipticity = uniform(rng, 0.02, 0.12);
    ellipseAngle = uniform(rng, 0, Math.PI);
    irregularity = uniform(rng, 0, 0.04);
    irregularityPhase = uniform(rng, 0, 2 * Math.PI);
    axisDriftX = uniform(rng, -6, 6);
    axisDriftY = uniform(rng, -6, 6);
    systolicShiftX = uniform(rng, -2.5, 2.5);
    systolicShiftY = uniform(rng, -2.5, 2.5);
    apicalTwist = uniform(rng, 0.05, 0.2);
    // RV to the image left and slightly up (anterior), as in a standard short-axis view.
    rvDirection = Math.PI + uniform(rng, -0.15, 0.45);
    rvDepthMm = uniform(rng, 15, 28);
    papillaryRadiusMm = uniform(rng, 2.0, 3.5);
    bodyX = heartX * 0.3 + uniform(rng, -0.1, 0.1) * halfFovMm;
    bodyY = uniform(rng, 0.05, 0.2) * halfFovMm;
    bodySemiX = uniform(rng, 1.0, 1.3) * halfFovMm;
    bodySemiY = uniform(rng, 0.68, 0.85) * halfFovMm;
    subcutaneousFatMm = uniform(rng, 5, 18);
  }

  /** Position along the long axis of a slice's centre, 0 (base) .. 1 (apex), never exactly either. */
  double axial(int slice) {
    return (slice + 0.5) / slices;
  }

  /** Time of a phase as a fraction of the R-R interval. */
  double cycleTime(int phase) {
    return (double) phase / phases;
  }

  /** DICOM TriggerTime of a phase (ms after the R wave), rounded to the header's precision. */
  double triggerTimeMs(int phase) {
    return ScanGeometry.round(rrIntervalMs * cycleTime(phase), 2);
  }

  /** Cavity radius at end-diastole for a slice: a half-ellipsoid, base widest, apex about 1/3. */
  private double edRadius(int slice) {
    double u = axial(slice);
    return baseRadiusMm * Math.sqrt(Math.max(0.04, 1 - StrictMath.pow(u, 2.2)));
  }

  private double contraction(int phase) {
    return cycle.contraction(cycleTime(phase));
  }

  LeftVentricleShape leftVentricle(int slice, int phase) {
    double u = axial(slice);
    double c = contraction(phase);
    // The apex loses a larger share of its area than the base.
    double areaLoss = Math.min(0.85, contractionAtEs * (0.9 + 0.2 * u)) * c;
    double edRadius = edRadius(slice);
    double radius = edRadius * Math.sqrt(1 - areaLoss);
    double twist = apicalTwist * u * c;
    double wall = wallMm * (1 - 0.2 * u);
    double[] papillaryAngles = u > 0.25 && u < 0.85
        ? new double[] {rvDirection + 0.75 * Math.PI + twist, rvDirection - 0.8 * Math.PI + twist}
        : new double[0];
    return new LeftVentricleShape(
        heartX + axisDriftX * u + systolicShiftX * c,
        heartY + axisDriftY * u + systolicShiftY * c,
        radius, edRadius, wall,
        ellipticity * (1 - 0.4 * u), ellipseAngle + 0.3 * u + 2 * twist,
        irregularity, irregularityPhase + 3 * twist,
        papillaryAngles, papillaryRadiusMm);
  }

  RightVentricleShape rightVentricle(int slice, int phase, LeftVentricleShape lv) {
    double u = axial(slice);
    double c = contraction(phase);
    // The RV ends before the LV apex and ejects a little less of its depth.
    double profile = Math.max(0, 1 - StrictMath.pow(u / 0.88, 2.5));
    double depth = rvDepthMm * profile * (1 - 0.4 * c);
    double lvEpi = edRadius(slice) + wallMm;
    if (depth < 2) {
      return new RightVentricleShape(lv.centerX(), lv.centerY(), rvDirection, 0, 0, 0);
    }
    double inner = 0.15 * lvEpi;
    double outer = lvEpi + depth;
    double semiAlong = (outer - inner) / 2;
    double distance = (outer + inner) / 2;
    double semiAcross = 1.2 * lvEpi * Math.sqrt(profile) + 4;
    return new RightVentricleShape(
        lv.centerX() + distance * StrictMath.cos(rvDirection),
        lv.centerY() + distance * StrictMath.sin(rvDirection),
        rvDirection, semiAlong, semiAcross, 3);
  }

  /** Image-frame millimetres of a pixel centre. */
  double xMm(double col) {
    return (col - (cols - 1) / 2.0) * pixelSpacingMm;
  }

  double yMm(double row) {
    return (row - (rows - 1) / 2.0) * pixelSpacingMm;
  }

  /** Pixel coordinates (x = column, y = row) of an image-frame point. */
  double colOf(double xMm) {
    return xMm / pixelSpacingMm + (cols - 1) / 2.0;
  }

  double rowOf(double yMm) {
    return yMm / pixelSpacingMm + (rows - 1) / 2.0;
  }

  private static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }
}
