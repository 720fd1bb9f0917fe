package org.heartbeam.phantom;

/**
 * The RV of one slice at one phase: an ellipse beside the LV whose part outside the LV epicardium
 * is the RV blood pool. Because the ellipse overlaps the LV, what remains is the crescent that wraps
 * around the septum, as in a real short-axis view. A thin free wall surrounds it.
 */
final class RightVentricleShape {
  private final double cx;
  private final double cy;
  private final double cosRot;
  private final double sinRot;
  private final double semiAlong;
  private final double semiAcross;
  private final double wallMm;

  /**
   * @param rotation direction of the {@code semiAlong} axis (radians, image frame)
   * @param semiAlong semi-axis pointing from the LV towards the RV (mm); 0 means no RV in this slice
   */
  RightVentricleShape(double cx, double cy, double rotation, double semiAlong, double semiAcross,
      double wallMm) {
    this.cx = cx;
    this.cy = cy;
    this.cosRot = StrictMath.cos(rotation);
    this.sinRot = StrictMath.sin(rotation);
    this.semiAlong = semiAlong;
    this.semiAcross = semiAcross;
    this.wallMm = wallMm;
  }

  /** Tissue at a point known to be outside the LV: 0 outside, 1 RV blood, 2 RV free wall. */
  int classify(double x, double y) {
    if (semiAlong <= 0) {
      return OUTSIDE;
    }
    double dx = x - cx;
    double dy = y - cy;
    double u = dx * cosRot + dy * sinRot;
    double v = -dx * sinRot + dy * cosRot;
    if (inEllipse(u, v, semiAlong, semiAcross)) {
      return BLOOD;
    }
    return inEllipse(u, v, semiAlong + wallMm, semiAcross + wallMm) ? WALL : OUTSIDE;
  }

  private static boolean inEllipse(double u, double v, double a, double b) {
    double p = u / a;
    double q = v / b;
    return p * p + q * q < 1;
  }

  /** Radius of a circle around the centre that holds the whole RV (mm). */
  double boundingRadius() {
    return Math.max(semiAlong, semiAcross) + wallMm;
  }

  double centerX() { return cx; }

  double centerY() { return cy; }

  static final int OUTSIDE = 0;
  static final int BLOOD = 1;
  static final int WALL = 2;
}
