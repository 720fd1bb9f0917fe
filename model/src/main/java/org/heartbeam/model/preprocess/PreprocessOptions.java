package org.heartbeam.model.preprocess;

import java.io.Serializable;
import java.util.Objects;

/**
 * What preprocessing makes of an image for the U-Net: the model grid size, the intensity
 * normalization, whether and how to resize, and where to crop. Immutable; {@code with...} methods
 * return changed copies. Defaults: 256x256, {@code percentile:1:99}, no resize, centre crop/pad.
 */
public final class PreprocessOptions implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Larger model grids (or images) are refused: no cardiac MR frame is this big, so it is bad input. */
  public static final int MAX_DIMENSION = 4096;

  /** How the original grid is scaled before the crop. */
  public enum ResizePolicy {
    /** Keep the original pixels; crop or pad only. */
    NONE,
    /**
     * Shrink, keeping the aspect ratio, just enough that the whole image fits the model grid; never
     * enlarge (a smaller image is padded instead, so its pixels stay original).
     */
    FIT,
    /** Resample each axis to {@link #targetSpacingMm()}, so every model pixel covers the same area. */
    TO_SPACING
  }

  /** Where the model grid sits on the (scaled) image. */
  public enum CropPolicy {
    /** Centred, as TensorFlow's resize_with_crop_or_pad. */
    CENTRE,
    /** At a fixed (top, left) of the scaled image; per-image windows go through {@link GridMapping}. */
    WINDOW
  }

  private final int targetRows;
  private final int targetColumns;
  private final IntensityNormalization normalization;
  private final ResizePolicy resize;
  private final double targetSpacingMm;
  private final CropPolicy crop;
  private final int windowTop;
  private final int windowLeft;

  private PreprocessOptions(int targetRows, int targetColumns, IntensityNormalization normalization,
      ResizePolicy resize, double targetSpacingMm, CropPolicy crop, int windowTop, int windowLeft) {
    if (targetRows <= 0 || targetColumns <= 0 || targetRows > MAX_DIMENSION || targetColumns > MAX_DIMENSION) {
      throw new IllegalArgumentException("model grid must be 1.." + MAX_DIMENSION + " on each side: "
          + targetRows + "x" + targetColumns);
    }
    if (resize == ResizePolicy.TO_SPACING && !(targetSpacingMm > 0 && Double.isFinite(targetSpacingMm))) {
      throw new IllegalArgumentException("target pixel spacing must be > 0 mm: " + targetSpacingMm);
    }
    this.targetRows = targetRows;
    this.targetColumns = targetColumns;
    this.normalization = Objects.requireNonNull(normalization, "normalization");
    this.resize = Objects.requireNonNull(resize, "resize");
    this.targetSpacingMm = resize == ResizePolicy.TO_SPACING ? targetSpacingMm : Double.NaN;
    this.crop = Objects.requireNonNull(crop, "crop");
    this.windowTop = crop == CropPolicy.WINDOW ? windowTop : 0;
    this.windowLeft = crop == CropPolicy.WINDOW ? windowLeft : 0;
  }

  /** The model's default pixel size: close to typical cine SAX (1.25-1.6 mm) so little is resampled. */
  public static final double MODEL_SPACING_MM = 1.25;

  /** The seed's grid: 256x256 native pixels, centre crop/pad (what TFRecords hold). */
  public static PreprocessOptions defaults() {
    return new PreprocessOptions(256, 256, IntensityNormalization.defaultPercentile(), ResizePolicy.NONE,
        Double.NaN, CropPolicy.CENTRE, 0, 0);
  }

  /**
   * What the default model sees: resampled to {@link #MODEL_SPACING_MM} so that every scanner's
   * image covers the same anatomy per pixel, then a centred {@code size} x {@code size} window
   * (160 -> 200 mm, which holds the heart: the LV sits in the central part of a cardiac field of
   * view), {@code percentile:1:99}. TFRecords carry no spacing: give their real spacing when
   * reading them, or their anatomy is scaled by the 1.0 mm assumed.
   */
  public static PreprocessOptions modelDefaults(int size) {
    return defaults().withTargetSize(size, size).withSpacing(MODEL_SPACING_MM);
  }

  public PreprocessOptions withTargetSize(int rows, int columns) {
    return new PreprocessOptions(rows, columns, normalization, resize, targetSpacingMm, crop, windowTop, windowLeft);
  }

  public PreprocessOptions withNormalization(IntensityNormalization n) {
    return new PreprocessOptions(targetRows, targetColumns, n, resize, targetSpacingMm, crop, windowTop, windowLeft);
  }

  public PreprocessOptions withoutResize() { return withResize(ResizePolicy.NONE, Double.NaN); }

  public PreprocessOptions withFit() { return withResize(ResizePolicy.FIT, Double.NaN); }

  public PreprocessOptions withSpacing(double spacingMm) { return withResize(ResizePolicy.TO_SPACING, spacingMm); }

  private PreprocessOptions withResize(ResizePolicy policy, double spacingMm) {
    return new PreprocessOptions(targetRows, targetColumns, normalization, policy, spacingMm, crop, windowTop,
        windowLeft);
  }

  public PreprocessOptions withCentreCrop() {
    return new PreprocessOptions(targetRows, targetColumns, normalization, resize, targetSpacingMm,
        CropPolicy.CENTRE, 0, 0);
  }

  /** The model grid at ({@code top}, {@code left}) of the scaled image, for every image. */
  public PreprocessOptions withWindow(int top, int left) {
    return new PreprocessOptions(targetRows, targetColumns, normalization, resize, targetSpacingMm,
        CropPolicy.WINDOW, top, left);
  }

  public int targetRows() { return targetRows; }

  public int targetColumns() { return targetColumns; }

  public IntensityNormalization normalization() { return normalization; }

  public ResizePolicy resize() { return resize; }

  /** mm per model pixel under {@link ResizePolicy#TO_SPACING}; NaN otherwise. */
  public double targetSpacingMm() { return targetSpacingMm; }

  public CropPolicy crop() { return crop; }

  public int windowTop() { return windowTop; }

  public int windowLeft() { return windowLeft; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PreprocessOptions)) {
      return false;
    }
    PreprocessOptions p = (PreprocessOptions) o;
    return targetRows == p.targetRows && targetColumns == p.targetColumns && normalization.equals(p.normalization)
        && resize == p.resize && Double.compare(targetSpacingMm, p.targetSpacingMm) == 0 && crop == p.crop
        && windowTop == p.windowTop && windowLeft == p.windowLeft;
  }

  @Override
  public int hashCode() {
    return Objects.hash(targetRows, targetColumns, normalization, resize, targetSpacingMm, crop, windowTop, windowLeft);
  }

  @Override
  public String toString() {
    return targetRows + "x" + targetColumns + ", " + normalization.spec() + ", resize " + resize
        + (resize == ResizePolicy.TO_SPACING ? " " + targetSpacingMm + " mm" : "") + ", crop " + crop
        + (crop == CropPolicy.WINDOW ? " at (" + windowTop + ", " + windowLeft + ")" : "");
  }
}
