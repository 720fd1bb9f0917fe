package org.heartbeam.phantom;

/**
 * Renders one patient's cine frames. The heart (LV blood, papillary muscles, myocardium, RV blood and
 * free wall) is drawn with 4 x 4 supersampling of the analytic shapes, so boundary pixels get the
 * partial-volume mix a real scanner records; the static background of the slice is rendered once and
 * reused for every phase. Then {@link MrAcquisitionEffects} adds blur, coil bias and Rician noise.
 */
final class PhantomRenderer {
  private static final int SUPERSAMPLE = 4;

  private final PhantomPatient patient;
  private final long seed;
  private final float[] bias;
  private int cachedSlice = -1;
  private float[] background;
  private float[] heartTexture;

  PhantomRenderer(PhantomPatient patient, long seed) {
    this.patient = patient;
    this.seed = seed;
    this.bias = MrAcquisitionEffects.biasField(patient, seed);
  }

  /** Stored pixel values (row-major, rows x cols) of one slice at one phase. */
  short[] render(int slice, int phase) {
    float[] ideal = idealImage(slice, phase);
    float[] blurred = MrAcquisitionEffects.blur(ideal, patient.rows, patient.cols, patient.psfSigmaPx);
    return MrAcquisitionEffects.acquire(blurred, bias, patient,
        SeedMixer.stream(seed, patient.index, slice, phase, SeedMixer.NOISE));
  }

  /** Noise-free tissue intensities (blood = 1) before the scanner effects; for tests and previews. */
  float[] idealImage(int slice, int phase) {
    prepareSlice(slice);
    PhantomPatient p = patient;
    LeftVentricleShape lv = p.leftVentricle(slice, phase);
    RightVentricleShape rv = p.rightVentricle(slice, phase, lv);
    float[] image = background.clone();

    // Only pixels near the heart can differ from the background.
    double reach = Math.max(lv.maxEpiRadius(),
        Math.sqrt(sq(rv.centerX() - lv.centerX()) + sq(rv.centerY() - lv.centerY())) + rv.boundingRadius());
    int c0 = clamp((int) Math.floor(p.colOf(lv.centerX() - reach)) - 1, p.cols);
    int c1 = clamp((int) Math.ceil(p.colOf(lv.centerX() + reach)) + 1, p.cols);
    int r0 = clamp((int) Math.floor(p.rowOf(lv.centerY() - reach)) - 1, p.rows);
    int r1 = clamp((int) Math.ceil(p.rowOf(lv.centerY() + reach)) + 1, p.rows);
    // Tissue labels at pixel corners: a pixel whose four corners agree is uniform (the thinnest
    // structures, RV wall and apical papillary muscles, are wider than a pixel), so only boundary
    // pixels pay for supersampling.
    int w = c1 - c0 + 2;
    int[] corner = new int[(r1 - r0 + 2) * w];
    for (int r = r0; r <= r1 + 1; r++) {
      for (int c = c0; c <= c1 + 1; c++) {
        corner[(r - r0) * w + (c - c0)] = label(lv, rv, p.xMm(c - 0.5), p.yMm(r - 0.5));
      }
    }
    double step = 1.0 / SUPERSAMPLE;
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int i = r * p.cols + c;
        int k = (r - r0) * w + (c - c0);
        int l = corner[k];
        if (l == corner[k + 1] && l == corner[k + w] && l == corner[k + w + 1]) {
          image[i] = (float) intensity(l, heartTexture[i], background[i]);
          continue;
        }
        double sum = 0;
        for (int sy = 0; sy < SUPERSAMPLE; sy++) {
          for (int sx = 0; sx < SUPERSAMPLE; sx++) {
            double x = p.xMm(c - 0.5 + (sx + 0.5) * step);
            double y = p.yMm(r - 0.5 + (sy + 0.5) * step);
            sum += intensity(label(lv, rv, x, y), heartTexture[i], background[i]);
          }
        }
        image[i] = (float) (sum / (SUPERSAMPLE * SUPERSAMPLE));
      }
    }
    return image;
  }

  /** One label for the heart tissues: the LV class if inside the LV, else RV_OFFSET + the RV class. */
  private static int label(LeftVentricleShape lv, RightVentricleShape rv, double x, double y) {
    int l = lv.classify(x, y);
    return l != LeftVentricleShape.OUTSIDE ? l : RV_OFFSET + rv.classify(x, y);
  }

  private static final int RV_OFFSET = 10;

  private double intensity(int label, double texture, double behind) {
    double myocardium = patient.myocardium;
    switch (label) {
      case LeftVentricleShape.BLOOD:
        // Inflow makes the pool slightly uneven.
        return 1 + 0.04 * texture;
      case LeftVentricleShape.PAPILLARY:
        return myocardium * 1.15;
      case LeftVentricleShape.MYOCARDIUM:
        return myocardium * (1 + 0.06 * texture);
      case RV_OFFSET + RightVentricleShape.BLOOD:
        return 0.93 + 0.05 * texture;
      case RV_OFFSET + RightVentricleShape.WALL:
        return myocardium * 1.05;
      default:
        return behind;
    }
  }

  private void prepareSlice(int slice) {
    if (slice != cachedSlice) {
      background = BackgroundAnatomy.render(patient, slice, seed);
      heartTexture = SmoothRandomField.generate(
          SeedMixer.stream(seed, patient.index, slice, SeedMixer.BACKGROUND, 1),
          patient.rows, patient.cols, 6 / patient.pixelSpacingMm, 2);
      cachedSlice = slice;
    }
  }

  private static int clamp(int v, int size) {
    return Math.max(0, Math.min(size - 1, v));
  }

  private static double sq(double v) {
    return v * v;
  }
}
