package org.heartbeam.transforms.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;

/** A real, tiny, untrained U-Net model file and images of another size than its grid. */
final class TinyUNet {
  static final int ROWS = 40;
  static final int COLUMNS = 48;

  private TinyUNet() {}

  /** Saves a 32x32, depth-2, 4-filter SameDiff U-Net into {@code dir}; each call is a new file (new cache key). */
  static Path save(Path dir, String name) throws IOException {
    Path file = dir.resolve(name + ".hbmodel");
    UNetConfig config = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build();
    ModelFile.save(file, new SameDiffUNet(config),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32)).withTrainingData(name));
    return file;
  }

  /** n unlabelled 40x48 images with distinct pixels and sources. */
  static List<LabeledImage> images(int n) {
    List<LabeledImage> images = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      images.add(LabeledImage.unlabeled(image(ROWS, COLUMNS, i)));
    }
    return images;
  }

  static CardiacImage image(int rows, int columns, int seed) {
    Random random = new Random(seed);
    float[] pixels = new float[rows * columns];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(1200);
    }
    return CardiacImage.builder().size(rows, columns).pixels(pixels).geometry(ImageGeometry.ofSpacing(1.4))
        .sopInstanceUid("1.2.840.99.7." + seed).sourceUri("/scans/slice" + seed + ".dcm").build();
  }
}
