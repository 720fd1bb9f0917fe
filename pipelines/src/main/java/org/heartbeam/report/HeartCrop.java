package org.heartbeam.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The heart region of an overlay, enlarged: a full field of view shows the LV a few pixels across, too
 * small to judge a contour. The region is the bounding box of the contour pixels the pipeline drew
 * (predicted and expert alike: the only coloured pixels, the image itself is grey), with a margin of
 * half its size on every side (at least {@value #MIN_MARGIN_PX} px), squared, and scaled up by
 * whole pixels (no smoothing) to at least {@value #MIN_SIDE_PX} px.
 */
final class HeartCrop {
  /** Rendered side the enlarged crop reaches at least (what the report shows it at, or more). */
  static final int MIN_SIDE_PX = 256;
  static final int MIN_MARGIN_PX = 6;

  /** A crop's PNG and its pixel size. */
  record Crop(byte[] png, int width, int height) {}

  private HeartCrop() {}

  /** The enlarged heart region; empty when the overlay has no contour pixel (or is not readable). */
  static Optional<Crop> of(byte[] overlayPng) throws IOException {
    BufferedImage overlay = ImageIO.read(new ByteArrayInputStream(overlayPng));
    if (overlay == null) {
      return Optional.empty();
    }
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < overlay.getHeight(); y++) {
      for (int x = 0; x < overlay.getWidth(); x++) {
        int rgb = overlay.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r != g || g != b) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return Optional.empty();
    }
    int boxSide = Math.max(maxX - minX + 1, maxY - minY + 1);
    int side = Math.min(Math.max(overlay.getWidth(), overlay.getHeight()),
        boxSide + 2 * Math.max(MIN_MARGIN_PX, boxSide / 2));
    int x0 = clamp((minX + maxX + 1) / 2 - side / 2, overlay.getWidth() - side);
    int y0 = clamp((minY + maxY + 1) / 2 - side / 2, overlay.getHeight() - side);
    int w = Math.min(side, overlay.getWidth());
    int h = Math.min(side, overlay.getHeight());
    int scale = Math.max(1, (MIN_SIDE_PX + Math.min(w, h) - 1) / Math.min(w, h));
    BufferedImage enlarged = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = enlarged.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(overlay, 0, 0, w * scale, h * scale, x0, y0, x0 + w, y0 + h, null);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(enlarged, "png", png);
    return Optional.of(new Crop(png.toByteArray(), w * scale, h * scale));
  }

  private static int clamp(int start, int maxStart) {
    return Math.max(0, Math.min(start, Math.max(0, maxStart)));
  }
}
