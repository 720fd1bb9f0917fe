package org.heartbeam.phantom;

import java.util.SplittableRandom;

/**
 * Everything around the heart in one slice, which does not move with the cardiac phase (the scans
 * are breath-held): air, the body with subcutaneous fat and chest-wall muscle, dark lungs on both
 * sides of the heart, mediastinal tissue with fat patches around the heart, the descending aorta
 * and spine behind it, and the liver rising into the apical slices. Each tissue is textured by a
 * smooth random field. Rendered once per slice (2 x 2 supersampled) and reused for every phase.
 */
final class BackgroundAnatomy {
  private static final int SUPERSAMPLE = 2;

  private BackgroundAnatomy() {}

  /** Noise-free intensities (blood = 1) of the slice's static anatomy, row-major. */
  static float[] render(PhantomPatient p, int slice, long seed) {
    int rows = p.rows;
    int cols = p.cols;
    SplittableRandom rng = SeedMixer.stream(seed, p.index, slice, SeedMixer.BACKGROUND);
    float[] softTexture = SmoothRandomField.generate(rng, rows, cols, 14 / p.pixelSpacingMm, 3);
    float[] fatTexture = SmoothRandomField.generate(rng, rows, cols, 8 / p.pixelSpacingMm, 2);
    float[] patches = SmoothRandomField.generate(rng, rows, cols, 10 / p.pixelSpacingMm, 2);
    double u = p.axial(slice);
    double heartR = p.baseRadiusMm + p.wallMm;
    // The heart's neighbourhood in this slice (it drifts along the stack like the LV).
    double hx = p.heartX + p.axisDriftX * u;
    double hy = p.heartY + p.axisDriftY * u;
    double rvX = StrictMath.cos(p.rvDirection);
    double rvY = StrictMath.sin(p.rvDirection);
    Anatomy a = new Anatomy(p, hx, hy, heartR, rvX, rvY, u);

    float[] out = new float[rows * cols];
    double step = 1.0 / SUPERSAMPLE;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        double sum = 0;
        for (int sy = 0; sy < SUPERSAMPLE; sy++) {
          for (int sx = 0; sx < SUPERSAMPLE; sx++) {
            double x = p.xMm(c - 0.5 + (sx + 0.5) * step);
            double y = p.yMm(r - 0.5 + (sy + 0.5) * step);
            sum += a.intensity(x, y, softTexture[i], fatTexture[i], patches[i]);
          }
        }
        out[i] = (float) (sum / (SUPERSAMPLE * SUPERSAMPLE));
      }
    }
    return out;
  }

  /** The geometry of one slice's static anatomy. */
  private static final class Anatomy {
    private final PhantomPatient p;
    private final double hx;
    private final double hy;
    private final double heartR;
    private final double[] lungA;
    private final double[] lungB;
    private final double[] aorta;
    private final double[] spine;
    private final double liverTop;
    private final double u;

    Anatomy(PhantomPatient p, double hx, double hy, double heartR, double rvX, double rvY, double u) {
      this.p = p;
      this.hx = hx;
      this.hy = hy;
      this.heartR = heartR;
      this.u = u;
      // Lungs: one beyond the RV side (up and out), one beyond the lateral LV wall.
      this.lungA = new double[] {hx + rvX * 2.4 * heartR, hy + rvY * 2.4 * heartR - 0.6 * heartR,
          1.5 * heartR, 2.2 * heartR};
      this.lungB = new double[] {hx - rvX * 2.0 * heartR, hy - rvY * 2.0 * heartR + 0.5 * heartR,
          1.3 * heartR, 2.0 * heartR};
      // Descending aorta and spine behind (below) the heart, towards the LV side.
      this.aorta = new double[] {hx - rvX * 1.1 * heartR, hy + 1.9 * heartR, 11};
      this.spine = new double[] {hx - rvX * 0.2 * heartR, hy + 2.5 * heartR, 17};
      // The liver dome enters from below in the apical half.
      this.liverTop = hy + heartR * (3.2 - 2.0 * u);
    }

    double intensity(double x, double y, double soft, double fatTex, double patch) {
      // Texture-wobbled outlines: bodies and fat layers are not ellipses.
      double wobble = 0.02 * soft;
      double body = ellipse(x - p.bodyX, y - p.bodyY, p.bodySemiX, p.bodySemiY) + wobble;
      if (body >= 1) {
        return 0; // air
      }
      double softTissue = p.softTissue * (1 + 0.18 * soft);
      double fat = p.fat * (1 + 0.06 * fatTex);
      // Subcutaneous fat then chest-wall muscle, as bands inside the body outline.
      double fatInner = ellipse(x - p.bodyX, y - p.bodyY,
          p.bodySemiX - p.subcutaneousFatMm, p.bodySemiY - p.subcutaneousFatMm) + wobble;
      if (fatInner >= 1) {
        return fat;
      }
      double muscleInner = ellipse(x - p.bodyX, y - p.bodyY,
          p.bodySemiX - p.subcutaneousFatMm - 10, p.bodySemiY - p.subcutaneousFatMm - 10) + 2 * wobble;
      if (muscleInner >= 1) {
        return 0.8 * softTissue;
      }
      double dh = Math.sqrt((x - hx) * (x - hx) + (y - hy) * (y - hy));
      // Mediastinum hugging the heart: tissue with pericardial / epicardial fat patches.
      if (dh < heartR * 1.3 + 5 + 4 * soft) {
        return patch > 0.9 ? fat * 0.9 : softTissue;
      }
      if (circle(x, y, aorta) < 1) {
        return 0.75 * (1 + 0.05 * soft);
      }
      double spineD = circle(x, y, spine);
      if (spineD < 1) {
        // Vertebral body: fatty marrow inside a thin dark cortex.
        return spineD > 0.88 ? 0.15 : 0.5 * fat * (1 + 0.1 * fatTex);
      }
      if (y > liverTop + 0.004 * (x - hx) * (x - hx) + 6 * soft) {
        return 1.1 * softTissue;
      }
      if (rotatedEllipse(x, y, lungA) < 1 || rotatedEllipse(x, y, lungB) < 1) {
        // Lung parenchyma: nearly black, with faint vessels.
        return p.lung * (1 + 0.5 * soft) + (patch > 1.2 ? 0.15 : 0);
      }
      // Fat planes between muscles and organs break up the soft tissue.
      return patch > 1.3 ? 0.7 * fat : softTissue;
    }

    private static double ellipse(double dx, double dy, double a, double b) {
      double px = dx / a;
      double py = dy / b;
      return px * px + py * py;
    }

    private static double circle(double x, double y, double[] c) {
      return Math.sqrt((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1])) / c[2];
    }

    private static double rotatedEllipse(double x, double y, double[] e) {
      return ellipse(x - e[0], y - e[1], e[2], e[3]);
    }
  }
}
