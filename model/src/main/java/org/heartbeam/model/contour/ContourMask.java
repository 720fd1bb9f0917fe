package org.heartbeam.model.contour;

import org.heartbeam.model.image.Mask;

/**
 * An expert contour as the LV mask of one image, or the reason it cannot be: a contour drawn on
 * another grid (it does not fit the image) or one that encloses no pixel centre would give a label
 * that silently lies, so both are refused.
 */
public final class ContourMask {
  /**
   * A contour may trace the outer edge of border pixels (half a pixel beyond their centres); more than
   * a pixel beyond the image means it was drawn on another grid (the file does not say which).
   */
  private static final double SLACK_PX = 1.0;

  private ContourMask() {}

  /**
   * Fills the contour on a rows x columns grid by the pixel-centre rule ({@link PolygonRasterizer}).
   *
   * @throws ContourFormatException with a one-line reason when the contour cannot label this image
   */
  public static Mask fill(Contour contour, int rows, int columns) throws ContourFormatException {
    double lowest = -0.5 - SLACK_PX;
    if (contour.minX() < lowest || contour.minY() < lowest || contour.maxX() > columns - 0.5 + SLACK_PX
        || contour.maxY() > rows - 0.5 + SLACK_PX) {
      throw new ContourFormatException("contour/image size mismatch: " + contour + " does not fit the "
          + rows + "x" + columns + " image");
    }
    Mask mask = PolygonRasterizer.rasterize(contour, rows, columns);
    if (mask.count() == 0) {
      throw new ContourFormatException("the contour encloses no pixel centre (" + contour + ")");
    }
    return mask;
  }
}
