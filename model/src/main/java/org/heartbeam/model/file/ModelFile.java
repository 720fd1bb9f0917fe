package org.heartbeam.model.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.ComputationGraphUNet;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.SegmentationNet;
import org.heartbeam.model.unet.UNetConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.heartbeam.model.hash.Sha256;

/**
 * A HeartBeam model file: ONE zip holding {@code manifest.json} ({@link ModelManifest}) and
 * {@code weights.bin} (every weight array as float32 little-endian, in the manifest's order).
 *
 * <p>Loading rebuilds the network from the manifest's architecture with the manifest's engine and
 * copies the weights in, so a loaded model computes exactly what the saved one did. It refuses,
 * with a one-line {@link ModelFileException}: a file that is not a readable zip (truncated,
 * corrupt), a missing entry, a newer format version, an unknown engine, weights whose names or
 * shapes do not fit the architecture, weight bytes whose length or SHA-256 differ from the manifest,
 * and (with {@link #load(Path, PreprocessOptions)}) a model trained on other inputs.
 */
public final class ModelFile {
  public static final String MANIFEST_ENTRY = "manifest.json";
  public static final String WEIGHTS_ENTRY = "weights.bin";

  /** The engines a model file can name, by {@link SegmentationNet#engine()}. */
  static final Map<String, Function<UNetConfig, SegmentationNet>> ENGINES = Map.of(
      SameDiffUNet.ENGINE, SameDiffUNet::new,
      ComputationGraphUNet.ENGINE, ComputationGraphUNet::new);

  private ModelFile() {}

  /**
   * Writes {@code net} and its provenance to {@code file} (replaced atomically: a crash never leaves
   * a half-written file under that name).
   *
   * @throws IllegalArgumentException if the preprocessing grid is not the network's input size
   */
  public static ModelManifest save(Path file, SegmentationNet net, ModelProvenance provenance) throws IOException {
    UNetConfig config = net.config();
    PreprocessOptions p = provenance.preprocessing();
    if (p.targetRows() != config.inputHeight() || p.targetColumns() != config.inputWidth()) {
      throw new IllegalArgumentException("preprocessing makes " + p.targetRows() + "x" + p.targetColumns()
          + " images but the network takes " + config.inputHeight() + "x" + config.inputWidth());
    }
    List<WeightArray> arrays = new ArrayList<>();
    List<float[]> values = new ArrayList<>();
    long count = 0;
    for (Map.Entry<String, INDArray> e : net.weights().entrySet()) {
      INDArray array = e.getValue();
      arrays.add(new WeightArray(e.getKey(), array.shape()));
      values.add(array.castTo(DataType.FLOAT).dup('c').data().asFloat());
      count += array.length();
    }
    ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(4 * count)).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] v : values) {
      bytes.asFloatBuffer().put(v);
      bytes.position(bytes.position() + 4 * v.length);
    }
    byte[] weights = bytes.array();
    ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, net.engine(), config, provenance, arrays,
        Sha256.hex(weights));

    Path absolute = file.toAbsolutePath();
    Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
        zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(WEIGHTS_ENTRY));
        zip.write(weights);
        zip.closeEntry();
      }
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return manifest;
  }

  /** The manifest alone, checked, without building the network. */
  public static ModelManifest readManifest(Path file) throws IOException {
    try (ZipFile zip = open(file)) {
      return manifest(zip, file);
    }
  }

  private static ModelManifest manifest(ZipFile zip, Path file) throws ModelFileException {
    String json = new String(entry(zip, file, MANIFEST_ENTRY), StandardCharsets.UTF_8);
    try {
      return ModelManifest.fromJson(json);
    } catch (ModelFileException e) {
      throw new ModelFileException(file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a model whatever its preprocessing; see {@link #load(Path, PreprocessOptions)} to check it too. */
  public static LoadedModel load(Path file) throws IOException {
    try (ZipFile zip = open(file)) {
      ModelManifest manifest = manifest(zip, file);
      Function<UNetConfig, SegmentationNet> engine = ENGINES.get(manifest.engine());
      if (engine == null) {
        throw new ModelFileException(file + ": unknown engine '" + manifest.engine() + "' (this HeartBeam has "
            + String.join(", ", ENGINES.keySet()) + ")");
      }
      SegmentationNet net;
      try {
        net = engine.apply(manifest.config());
      } catch (RuntimeException e) {
        throw new ModelFileException(file + ": engine " + manifest.engine() + " cannot build " + manifest.config() + ": "
            + e.getMessage(), e);
      }
      LinkedHashMap<String, INDArray> targets = net.weights();
      checkWeightsFit(file, manifest, targets);
      byte[] weights = entry(zip, file, WEIGHTS_ENTRY);
      if (weights.length != 4 * manifest.weightCount()) {
        throw new ModelFileException(file + ": " + WEIGHTS_ENTRY + " has " + weights.length + " bytes, the manifest lists "
            + manifest.weightCount() + " float32 values (" + 4 * manifest.weightCount() + " bytes)");
      }
      if (!Sha256.hex(weights).equals(manifest.weightsSha256())) {
        throw new ModelFileException(file + ": " + WEIGHTS_ENTRY + " is corrupt (SHA-256 differs from the manifest's)");
      }
      ByteBuffer buffer = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
      for (WeightArray array : manifest.weights()) {
        float[] values = new float[Math.toIntExact(array.length())];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + 4 * values.length);
        targets.get(array.name()).assign(Nd4j.create(values, array.shape(), 'c'));
      }
      return new LoadedModel(manifest, net);
    }
  }

  /**
   * Loads a model and refuses it unless it was trained on inputs prepared exactly as {@code expected}
   * (model grid, normalization, resize, crop): a model fed other inputs gives plausible nonsense.
   */
  public static LoadedModel load(Path file, PreprocessOptions expected) throws IOException {
    ModelManifest manifest = readManifest(file);
    String mismatch = manifest.inputMismatch(expected).orElse(null);
    if (mismatch != null) {
      throw new ModelFileException(file + ": " + mismatch);
    }
    return load(file);
  }

  /** The file's arrays must be exactly the network's: same names, same shapes. */
  private static void checkWeightsFit(Path file, ModelManifest manifest, Map<String, INDArray> targets)
      throws ModelFileException {
    List<String> fileNames = manifest.weights().stream().map(WeightArray::name).toList();
    for (String name : fileNames) {
      if (!targets.containsKey(name)) {
        throw new ModelFileException(file + ": weights do not fit the architecture: the file's array " + name
            + " is not in the " + manifest.engine() + " network of " + manifest.config());
      }
    }
    for (String name : targets.keySet()) {
      if (!fileNames.contains(name)) {
        throw new ModelFileException(file + ": weights do not fit the architecture: the file lacks array " + name
            + " of the " + manifest.engine() + " network of " + manifest.config());
      }
    }
    for (WeightArray array : manifest.weights()) {
      long[] shape = targets.get(array.name()).shape();
      if (!Arrays.equals(shape, array.shape())) {
        throw new ModelFileException(file + ": weights do not fit the architecture: " + array.name() + " is "
            + Arrays.toString(array.shape()) + " in the file, " + Arrays.toString(shape) + " for " + manifest.config());
      }
    }
  }

  private static ZipFile open(Path file) throws ModelFileException {
    try {
      return new ZipFile(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new ModelFileException("no such model file: " + file);
    } catch (ZipException e) {
      throw new ModelFileException(file + ": not a readable model file (truncated or corrupt zip: " + e.getMessage()
          + ")");
    } catch (IOException e) {
      throw new ModelFileException(file + ": cannot read model file: " + e.getMessage(), e);
    }
  }

  private static byte[] entry(ZipFile zip, Path file, String name) throws ModelFileException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new ModelFileException(file + ": not a HeartBeam model file (no " + name + " inside)");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ModelFileException(file + ": " + name + " is corrupt (" + e.getMessage() + ")");
    }
  }
}
