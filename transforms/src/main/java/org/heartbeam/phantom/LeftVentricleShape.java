package org.heartbeam.phantom;

/**
 * The LV of one slice at one phase, in the image plane (millimetres; x to the right, y down, origin at
 * the image centre). The endocardium is a smooth star-shaped curve around {@code (cx, cy)}:
 *
 * <pre>  r_endo(theta) = R * f(theta),   f = 1 + a2 cos(2 theta - phi2) + a3 cos(3 theta - phi3)</pre>
 *
 * (the 2nd harmonic makes it elliptical, the 3rd slightly irregular). The epicardium keeps the
 * myocardial cross-section of end-diastole, so the wall thickens as the cavity shrinks:
 *
 * <pre>  r_epi^2 = r_endo^2 + (R_ed f + T)^2 - (R_ed f)^2</pre>
 *
 * The renderer and the contour writer both use {@link #endoRadius} / {@link #epiRadius}, so the
 * bright pool in the image and the i-contour (the truth) are the same shape. Two papillary muscles
 * sit inside the cavity (as in Sunnybrook, they belong to the blood pool, not to the myocardium).
 */
final class LeftVentricleShape {
  private final double cx;
  private final double cy;
  private final double radius;
  private final double edRadius;
  private final double wallMm;
  private final double a2;
  private final double cos2;
  private final double sin2;
  private final double a3;
  private final double cos3;
  private final double sin3;
  private final double[][] papillary;

  /**
   * @param radius mean endocardial radius now (mm)
   * @param edRadius mean endocardial radius at end-diastole (mm), fixes the myocardial area
   * @param wallMm wall thickness at end-diastole (mm)
   * @param a2 ellipticity, small (|a2| + |a3| < 0.3)
   * @param phi2 orientation of the ellipse (radians)
   * @param a3 third-harmonic irregularity
   * @param phi3 its phase (radians)
   * @param papillaryAngles directions of the papillary muscles (radians), may be empty
   * @param papillaryRadiusMm their radius before the cavity-size cap
   */
  LeftVentricleShape(double cx, double cy, double radius, double edRadius, double wallMm,
      double a2, double phi2, double a3, double phi3, double[] papillaryAngles, double papillaryRadiusMm) {
    if (!(radius > 0 && edRadius > 0 && wallMm > 0 && Math.abs(a2) + Math.abs(a3) < 0.3)) {
      throw new IllegalArgumentException("implausible LV shape");
    }
    this.cx = cx;
    this.cy = cy;
    this.radius = radius;
    this.edRadius = edRadius;
    this.wallMm = wallMm;
    this.a2 = a2;
    this.cos2 = StrictMath.cos(phi2);
    this.sin2 = StrictMath.sin(phi2);
    this.a3 = a3;
    this.cos3 = StrictMath.cos(phi3);
    this.sin3 = StrictMath.sin(phi3);
    this.papillary = new double[papillaryAngles.length][];
    for (int i = 0; i < papillaryAngles.length; i++) {
      double c = StrictMath.cos(papillaryAngles[i]);
      double s = StrictMath.sin(papillaryAngles[i]);
      double r = endoRadiusAt(c, s);
      // Capped by the local cavity radius so the muscle never touches or crosses the endocardium.
      double pr = Math.min(papillaryRadiusMm, 0.15 * r);
      papillary[i] = new double[] {cx + 0.72 * r * c, cy + 0.72 * r * s, pr};
    }
  }

  double centerX() { return cx; }

  double centerY() { return cy; }

  /** Form factor f(theta) from the direction's cosine and sine (no trigonometric calls: fast, exact). */
  private double form(double c, double s) {
    double c2 = c * c - s * s;
    double s2 = 2 * c * s;
    double c3 = c * (4 * c * c - 3);
    double s3 = s * (3 - 4 * s * s);
    return 1 + a2 * (c2 * cos2 + s2 * sin2) + a3 * (c3 * cos3 + s3 * sin3);
  }

  /** Endocardial radius in the direction (c, s) = (cos theta, sin theta). */
  double endoRadiusAt(double c, double s) {
    return radius * form(c, s);
  }

  /** Epicardial radius in the direction (c, s). */
  double epiRadiusAt(double c, double s) {
    double f = form(c, s);
    double endo = radius * f;
    double edEndo = edRadius * f;
    double edEpi = edEndo + wallMm;
    return Math.sqrt(endo * endo + edEpi * edEpi - edEndo * edEndo);
  }

  /** Tissue at a point: 0 outside the LV, 1 blood pool, 2 myocardium, 3 papillary muscle. */
  int classify(double x, double y) {
    double dx = x - cx;
    double dy = y - cy;
    double rho = Math.sqrt(dx * dx + dy * dy);
    if (rho == 0) {
      return BLOOD;
    }
    double c = dx / rho;
    double s = dy / rho;
    if (rho < endoRadiusAt(c, s)) {
      for (double[] p : papillary) {
        double px = x - p[0];
        double py = y - p[1];
        if (px * px + py * py < p[2] * p[2]) {
          return PAPILLARY;
        }
      }
      return BLOOD;
    }
    return rho < epiRadiusAt(c, s) ? MYOCARDIUM : OUTSIDE;
  }

  static final int OUTSIDE = 0;
  static final int BLOOD = 1;
  static final int MYOCARDIUM = 2;
  static final int PAPILLARY = 3;

  /** Largest epicardial radius (mm), for bounding boxes. */
  double maxEpiRadius() {
    double max = 0;
    for (int i = 0; i < 360; i++) {
      double t = StrictMath.toRadians(i);
      max = Math.max(max, epiRadiusAt(StrictMath.cos(t), StrictMath.sin(t)));
    }
    return max;
  }

  /** {@code n} points (mm) of the endocardium, counter-clockwise in angle from theta = 0. */
  double[][] endocardium(int n) {
    return boundary(n, true);
  }

  /** {@code n} points (mm) of the epicardium. */
  double[][] epicardium(int n) {
    return boundary(n, false);
  }

  private double[][] boundary(int n, boolean endo) {
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      double t = 2 * StrictMath.PI * i / n;
      double c = StrictMath.cos(t);
      double s = StrictMath.sin(t);
      double r = endo ? endoRadiusAt(c, s) : epiRadiusAt(c, s);
      points[i] = new double[] {cx + r * c, cy + r * s};
    }
    return points;
  }
}
