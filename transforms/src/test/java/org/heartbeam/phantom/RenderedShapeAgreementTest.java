package org.heartbeam.phantom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The noise-free rendered blood pool and the i-contour (the truth) are the same shape: pixels well
 * inside the polygon are blood (or papillary muscle, which Sunnybrook counts as pool), pixels in the
 * wall between the i- and o-contour are dark, and the partial-volume pool area matches the polygon.
 */
class RenderedShapeAgreementTest {

  @Test
  void idealImageAgreesWithContours() {
    SynthOptions options = SynthOptions.builder().patients(3).slices(5).phases(6).seed(17).build();
    for (int index = 0; index < options.patients(); index++) {
      PhantomPatient p = new PhantomPatient(options, index);
      PhantomRenderer renderer = new PhantomRenderer(p, options.seed());
      for (int slice = 0; slice < p.slices; slice++) {
        for (int phase : new int[] {0, 2}) {
          float[] ideal = renderer.idealImage(slice, phase);
          LeftVentricleShape lv = p.leftVentricle(slice, phase);
          double[][] inner = toArray(ContourPolygon.fromMillimetres(lv.endocardium(128), p));
          double[][] outer = toArray(ContourPolygon.fromMillimetres(lv.epicardium(128), p));
          int deepInside = 0;
          int bright = 0;
          int wall = 0;
          int dark = 0;
          for (int r = 0; r < p.rows; r++) {
            for (int c = 0; c < p.cols; c++) {
              double v = ideal[r * p.cols + c];
              if (insideBy(inner, c, r, 1.0)) {
                deepInside++;
                bright += v > 0.85 ? 1 : 0;
              } else if (insideBy(outer, c, r, 1.0) && outsideBy(inner, c, r, 1.0)) {
                wall++;
                dark += v < 0.5 ? 1 : 0;
              }
            }
          }
          String where = String.format(Locale.ROOT, "patient %d slice %d phase %d: %d/%d bright, %d/%d dark",
              index, slice, phase, bright, deepInside, dark, wall);
          assertTrue(deepInside > 10 && bright > 0.85 * deepInside, where);
          assertTrue(wall > 10 && dark == wall, where);
        }
      }
    }
  }

  private static double[][] toArray(ContourPolygon polygon) {
    return polygon.vertices();
  }

  /** Inside the polygon and at least {@code margin} pixels from every vertex-to-vertex edge. */
  private static boolean insideBy(double[][] poly, double x, double y, double margin) {
    return SynthFiles.inside(poly, x, y) && distance(poly, x, y) >= margin;
  }

  private static boolean outsideBy(double[][] poly, double x, double y, double margin) {
    return !SynthFiles.inside(poly, x, y) && distance(poly, x, y) >= margin;
  }

  private static double distance(double[][] poly, double x, double y) {
    double best = Double.MAX_VALUE;
    for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      double ax = poly[j][0];
      double ay = poly[j][1];
      double dx = poly[i][0] - ax;
      double dy = poly[i][1] - ay;
      double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best;
  }
}
