package org.heartbeam.transforms.output;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;

/**
 * Renders a {@link SegmentedImage} as PNGs on its original pixel grid (no Beam, so it is testable
 * alone):
 * <ul>
 *   <li>mask: 8-bit grey, 255 where the predicted mask is set, 0 elsewhere;
 *   <li>overlay: the image windowed from its 1st to 99th percentile as grey RGB, the predicted contour
 *       in {@link #PREDICTED}, the expert contour (when there is a label) in {@link #EXPERT}, and
 *       {@link #BOTH} where the two contours share a pixel.
 * </ul>
 * Both carry tEXt entries {@value #MODEL_VERSION_KEY}, {@value #IMAGE_KEY_KEY} and {@value #KIND_KEY}.
 */
public final class MaskPngRenderer {
  public static final String MODEL_VERSION_KEY = "HeartBeam-Model-Version";
  public static final String IMAGE_KEY_KEY = "HeartBeam-Image-Key";
  public static final String KIND_KEY = "HeartBeam-Kind";
  /** RGB of the predicted contour (red). */
  public static final int PREDICTED = 0xFF0000;
  /** RGB of the expert contour (green). */
  public static final int EXPERT = 0x00FF00;
  /** RGB where both contours pass (yellow). */
  public static final int BOTH = 0xFFFF00;

  private static final double LOW_PERCENTILE = 0.01;
  private static final double HIGH_PERCENTILE = 0.99;

  private MaskPngRenderer() {}

  public static byte[] maskPng(SegmentedImage segmented) throws IOException {
    Mask mask = segmented.predicted();
    BufferedImage png = new BufferedImage(mask.columns(), mask.rows(), BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = png.getRaster();
    byte[] values = mask.values();
    int[] row = new int[mask.columns()];
    for (int r = 0; r < mask.rows(); r++) {
      for (int c = 0; c < mask.columns(); c++) {
        row[c] = values[r * mask.columns() + c] != 0 ? 255 : 0;
      }
      raster.setSamples(0, r, mask.columns(), 1, 0, row);
    }
    return PngEncoding.encode(png, text(segmented, "mask"));
  }

  public static byte[] overlayPng(SegmentedImage segmented) throws IOException {
    return PngEncoding.encode(overlay(segmented), text(segmented, "overlay"));
  }

  /** The overlay as an RGB image (TYPE_INT_RGB), before encoding. */
  public static BufferedImage overlay(SegmentedImage segmented) {
    CardiacImage image = segmented.image();
    int rows = image.rows();
    int cols = image.columns();
    float[] pixels = image.pixels();
    double[] window = percentileWindow(pixels);
    double low = window[0];
    double range = window[1] - window[0];
    boolean[] predicted = MaskBoundary.of(segmented.predicted());
    Optional<boolean[]> expert = segmented.label().map(MaskBoundary::of);
    BufferedImage rgb = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < pixels.length; i++) {
      boolean onPredicted = predicted[i];
      boolean onExpert = expert.isPresent() && expert.get()[i];
      int colour;
      if (onPredicted && onExpert) {
        colour = BOTH;
      } else if (onPredicted) {
        colour = PREDICTED;
      } else if (onExpert) {
        colour = EXPERT;
      } else {
        int grey = (int) Math.round(255 * Math.min(1, Math.max(0, (pixels[i] - low) / range)));
        colour = (grey << 16) | (grey << 8) | grey;
      }
      rgb.setRGB(i % cols, i / cols, colour);
    }
    return rgb;
  }

  /**
   * {low, high} at the 1st and 99th percentiles: MR intensities have no fixed scale and a few bright
   * pixels (fat, flow artefacts) would otherwise leave the heart dark. high > low always.
   */
  static double[] percentileWindow(float[] pixels) {
    float[] sorted = pixels.clone();
    Arrays.sort(sorted);
    double low = sorted[(int) Math.floor(LOW_PERCENTILE * (sorted.length - 1))];
    double high = sorted[(int) Math.floor(HIGH_PERCENTILE * (sorted.length - 1))];
    return new double[] {low, high > low ? high : low + 1};
  }

  private static Map<String, String> text(SegmentedImage segmented, String kind) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put(KIND_KEY, kind);
    text.put(MODEL_VERSION_KEY, segmented.modelVersion());
    text.put(IMAGE_KEY_KEY, segmented.imageKey());
    return text;
  }
}
