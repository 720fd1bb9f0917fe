package org.heartbeam.transforms.inference;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.file.LoadedModel;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelFileException;
import org.heartbeam.model.hash.Sha256;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.model.postprocess.LargestComponent;
import org.heartbeam.model.preprocess.ModelInputPreparer;
import org.heartbeam.model.preprocess.PreparedImage;
import org.heartbeam.model.preprocess.PreprocessOptions;

/**
 * The HeartBeam U-Net as a {@link ModelHandler}: loads a model file ({@link ModelFile}), prepares each
 * image as the model's manifest says (its preprocessing travels with the weights, so inputs are
 * always prepared as in training), predicts the batch, thresholds the LV probability at 0.5 and
 * returns the mask on the image's ORIGINAL grid.
 *
 * <p>An image that cannot be prepared fails its batch, and so (re-run alone) becomes its own dead
 * letter. Threads: the nets are not thread-safe; each concurrently inferring thread gets a replica
 * with a copy of the loaded weights: with OMP_NUM_THREADS=1 and 2 threads, the default model ran
 * 1.1-1.2x faster that way than as one net under a lock ({@code ReplicaVsLockBench}, on a busy
 * 2-core machine), at the cost of one more copy of the weights per thread.
 */
@AutoValue
public abstract class UNetModelHandler extends UNetHandler<UNetModelHandler> {
  private static final long serialVersionUID = 1L;
  private static final float THRESHOLD = 0.5f;
  private static final int VERSION_HEX_DIGITS = 12;

  /** The model file's absolute path. */
  abstract String path();

  /** SHA-256 of the file when the handler was made: workers load exactly this content. */
  abstract String fileSha256();

  /** The version every {@link SegmentedImage} records. */
  public abstract String modelVersion();

  abstract Builder toBuilder();

  @Override
  Builder settings() { return toBuilder(); }

  @AutoValue.Builder
  abstract static class Builder implements SettingsBuilder<UNetModelHandler, Builder> {
    abstract Builder setPath(String path);

    abstract Builder setFileSha256(String sha256);

    abstract Builder setModelVersion(String version);
  }

  /**
   * A handler for a local model file, checked now (at pipeline construction, where a wrong path is a
   * one-line error) and fingerprinted so workers load exactly this content. Model version
   * "sha256:" + 12 hex digits of the file, one replica per available processor.
   */
  public static UNetModelHandler forFile(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    ModelFile.readManifest(absolute);
    String sha = Sha256.hex(absolute);
    return new AutoValue_UNetModelHandler.Builder().setPath(absolute.toString()).setFileSha256(sha)
        .setModelVersion("sha256:" + sha.substring(0, VERSION_HEX_DIGITS)).setBatching(BatchingHints.defaults())
        .setMaxReplicas(ModelReplicas.onePerCore()).build();
  }

  /** Records predictions under the registry's version name (e.g. "lv-unet@3") instead of the file hash. */
  public UNetModelHandler withModelVersion(String version) {
    checkArgument(version != null && !version.isBlank(), "model version must be non-empty, got '%s'", version);
    return toBuilder().setModelVersion(version).build();
  }

  @Override
  public String modelId() { return "file:" + path() + "@sha256:" + fileSha256(); }

  @Override
  public LoadedModel load() throws IOException {
    Path file = Paths.get(path());
    if (!Sha256.hex(file).equals(fileSha256())) {
      throw new ModelFileException(path() + ": the model file changed after the pipeline was built (SHA-256 differs)");
    }
    return ModelFile.load(file);
  }

  @Override
  public LoadedModel replicate(LoadedModel loaded) { return loaded.replica(); }

  @Override
  public List<SegmentedImage> run(LoadedModel model, List<LabeledImage> batch) {
    PreprocessOptions options = model.manifest().preprocessing();
    int rows = options.targetRows();
    int columns = options.targetColumns();
    int pixels = rows * columns;
    int n = batch.size();
    List<PreparedImage> prepared = new ArrayList<>(n);
    float[] images = new float[n * pixels];
    for (int i = 0; i < n; i++) {
      PreparedImage image = ModelInputPreparer.prepare(batch.get(i), options);
      System.arraycopy(image.pixels(), 0, images, i * pixels, pixels);
      prepared.add(image);
    }
    float[][] probabilities = model.net().predictProbabilities(images, n);
    List<SegmentedImage> results = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // One slice's LV cavity is one region: stray islands (the RV's blood pool) are not LV.
      Mask onModelGrid = LargestComponent.of(threshold(probabilities[i], rows, columns));
      results.add(SegmentedImage.of(batch.get(i), prepared.get(i).toOriginalGrid(onModelGrid), modelVersion()));
    }
    return results;
  }

  private static Mask threshold(float[] probabilities, int rows, int columns) {
    byte[] values = new byte[probabilities.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = probabilities[i] >= THRESHOLD ? (byte) 1 : (byte) 0;
    }
    return new Mask(rows, columns, values);
  }
}
