package org.heartbeam.model.preprocess;

import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.PreprocessOptions.CropPolicy;

/**
 * Turns a (possibly labeled) image into a {@link PreparedImage}: normalize intensities on the original
 * grid, then map image (bilinear) and label (nearest) onto the model grid with one {@link GridMapping}.
 * Pure functions; every refusal is an {@link IllegalArgumentException} with a one-line reason.
 */
public final class ModelInputPreparer {
  private ModelInputPreparer() {}

  /** Prepares with the mapping that {@link #mappingFor} plans from the options. */
  public static PreparedImage prepare(LabeledImage input, PreprocessOptions options) {
    return prepare(input, options.normalization(), mappingFor(input.image(), options));
  }

  /** Prepares with a given mapping, e.g. a window around the heart found by a localisation step. */
  public static PreparedImage prepare(LabeledImage input, IntensityNormalization normalization,
      GridMapping mapping) {
    CardiacImage image = input.image();
    requireSupportedSize(image);
    if (image.rows() != mapping.originalRows() || image.columns() != mapping.originalColumns()) {
      throw new IllegalArgumentException("mapping is for a " + mapping.originalRows() + "x"
          + mapping.originalColumns() + " image, not " + image.rows() + "x" + image.columns());
    }
    float[] normalized = normalization.normalize(image.pixels());
    float[] modelPixels = mapping.imageToModel(normalized);
    return PreparedImage.of(image, mapping, modelPixels, input.label().map(mapping::maskToModel).orElse(null));
  }

  /** The grid mapping the options ask for, for this image's size and pixel spacing. */
  public static GridMapping mappingFor(CardiacImage image, PreprocessOptions options) {
    requireSupportedSize(image);
    int rows = image.rows();
    int columns = image.columns();
    int h = options.targetRows();
    int w = options.targetColumns();
    int scaledRows;
    int scaledColumns;
    switch (options.resize()) {
      case NONE:
        scaledRows = rows;
        scaledColumns = columns;
        break;
      case FIT:
        double fit = Math.min(1.0, Math.min((double) h / rows, (double) w / columns));
        scaledRows = Math.min(h, GridMapping.scaledLength(rows, fit));
        scaledColumns = Math.min(w, GridMapping.scaledLength(columns, fit));
        break;
      case TO_SPACING:
        ImageGeometry g = image.geometry();
        scaledRows = GridMapping.scaledLength(rows, g.rowSpacingMm() / options.targetSpacingMm());
        scaledColumns = GridMapping.scaledLength(columns, g.columnSpacingMm() / options.targetSpacingMm());
        break;
      default:
        throw new IllegalStateException("unhandled resize policy " + options.resize());
    }
    if (options.crop() == CropPolicy.WINDOW) {
      return GridMapping.windowScaled(rows, columns, scaledRows, scaledColumns, options.windowTop(),
          options.windowLeft(), h, w);
    }
    return GridMapping.centredScaled(rows, columns, scaledRows, scaledColumns, h, w);
  }

  private static void requireSupportedSize(CardiacImage image) {
    if (image.rows() > PreprocessOptions.MAX_DIMENSION || image.columns() > PreprocessOptions.MAX_DIMENSION) {
      throw new IllegalArgumentException("image " + image.rows() + "x" + image.columns() + " is larger than "
          + PreprocessOptions.MAX_DIMENSION + " pixels on a side; not a cardiac MR frame");
    }
  }
}
