package org.heartbeam.transforms.tfrecord;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.tensorflow.example.BytesList;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;
import org.tensorflow.example.Features;
import org.tensorflow.example.Int64List;

/**
 * Converts a {@link LabeledImage} to and from the seed lab's {@code tf.train.Example}:
 *
 * <pre>
 *   height, width, depth : int64_list, one value each (depth = 1)
 *   name                 : bytes_list, one value (UTF-8)
 *   image_raw            : bytes_list, one value: height*width int64 little-endian pixels, row-major
 *                          (numpy int64 .tobytes(); the lab's 1/1024 scaling is NOT applied here)
 *   label_raw            : bytes_list, one value: height*width uint8, 1 = LV, 0 = not
 * </pre>
 *
 * <p>Pixels: {@link CardiacImage} holds floats, the seed int64. Encoding rounds each pixel half to
 * even ({@link Math#rint}, as numpy's {@code rint}/{@code round} do), saturating at the int64 range.
 * Decoding converts each int64 to the nearest float, which is exact for |value| <= 2^24 (all 16-bit
 * DICOM data); larger values lose low bits, so only images within that range round-trip byte for byte.
 *
 * <p>Features are inserted in the order height, width, depth, name, image_raw, label_raw. protobuf-java
 * keeps a map's insertion order when serializing, so the Example bytes are exactly what a pure-python
 * protobuf writer produces from the seed's feature dict in that order. (TensorFlow's own C++/upb-backed
 * protobuf writes map entries in hash-table order, which is not specified and not reproducible; every
 * protobuf reader, ours included, accepts entries in any order.)
 */
public final class SeedExampleCodec {
  public static final String HEIGHT = "height";
  public static final String WIDTH = "width";
  public static final String DEPTH = "depth";
  public static final String NAME = "name";
  public static final String IMAGE_RAW = "image_raw";
  public static final String LABEL_RAW = "label_raw";

  private static final int INT64_BYTES = Long.BYTES;

  private SeedExampleCodec() {}

  /**
   * The serialized Example for an image. The seed schema always carries {@code label_raw}: for an
   * unlabeled image it is written as all zeros, which reads back as a labeled image with an empty
   * mask (the seed cannot tell "no LV in this slice" from "not contoured").
   *
   * @param name the record's {@code name} feature (the seed used the source file name)
   */
  public static byte[] encode(LabeledImage labeled, String name) {
    CardiacImage image = labeled.image();
    int rows = image.rows();
    int columns = image.columns();
    float[] pixels = image.pixels();
    ByteBuffer raw = ByteBuffer.allocate(pixels.length * INT64_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float pixel : pixels) {
      raw.putLong((long) Math.rint(pixel));
    }
    byte[] label = labeled.label().map(Mask::values).orElseGet(() -> new byte[rows * columns]);
    Features features = Features.newBuilder()
        .putFeature(HEIGHT, int64(rows))
        .putFeature(WIDTH, int64(columns))
        .putFeature(DEPTH, int64(1))
        .putFeature(NAME, bytes(ByteString.copyFromUtf8(name)))
        .putFeature(IMAGE_RAW, bytes(ByteString.copyFrom(raw.array())))
        .putFeature(LABEL_RAW, bytes(ByteString.copyFrom(label)))
        .build();
    return Example.newBuilder().setFeatures(features).build().toByteArray();
  }

  /**
   * Parses and validates one record. Features other than the six of the schema are ignored.
   *
   * @param source names the record when its {@code name} is empty (e.g. "file#record=3")
   * @param pixelSpacingMm in-plane spacing to attach: TFRecords carry none
   * @throws SeedRecordException with a one-line reason when anything is missing or inconsistent
   */
  public static LabeledImage decode(byte[] record, String source, double pixelSpacingMm)
      throws SeedRecordException {
    Map<String, Feature> features;
    try {
      features = Example.parseFrom(record).getFeatures().getFeatureMap();
    } catch (InvalidProtocolBufferException e) {
      throw new SeedRecordException("not a tf.train.Example: " + e.getMessage());
    }
    long height = int64Value(features, HEIGHT);
    long width = int64Value(features, WIDTH);
    long depth = int64Value(features, DEPTH);
    if (height <= 0 || width <= 0) {
      throw new SeedRecordException("height and width must be > 0, are " + height + " x " + width);
    }
    // Both factors below 2^31 first, so the product cannot overflow a long.
    if (height > Integer.MAX_VALUE || width > Integer.MAX_VALUE
        || height * width > Integer.MAX_VALUE / INT64_BYTES) {
      throw new SeedRecordException("image " + height + " x " + width + " is too large");
    }
    if (depth != 1) {
      throw new SeedRecordException("depth must be 1 (one grey channel), is " + depth);
    }
    int rows = (int) height;
    int columns = (int) width;
    int count = rows * columns;
    String name = utf8(bytesValue(features, NAME), NAME);
    ByteString imageRaw = bytesValue(features, IMAGE_RAW);
    if (imageRaw.size() != (long) count * INT64_BYTES) {
      throw new SeedRecordException(IMAGE_RAW + " holds " + imageRaw.size() + " bytes; height x width = "
          + rows + " x " + columns + " int64 pixels need " + (long) count * INT64_BYTES);
    }
    ByteString labelRaw = bytesValue(features, LABEL_RAW);
    if (labelRaw.size() != count) {
      throw new SeedRecordException(LABEL_RAW + " holds " + labelRaw.size() + " bytes; height x width = "
          + rows + " x " + columns + " needs " + count);
    }
    byte[] label = labelRaw.toByteArray();
    for (int i = 0; i < count; i++) {
      if (label[i] != 0 && label[i] != 1) {
        throw new SeedRecordException(LABEL_RAW + " value " + Byte.toUnsignedInt(label[i]) + " at row "
            + i / columns + ", column " + i % columns + "; labels must be 0 or 1");
      }
    }
    float[] pixels = new float[count];
    ByteBuffer raw = imageRaw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      pixels[i] = (float) raw.getLong();
    }
    CardiacImage image;
    try {
      image = CardiacImage.builder()
          .size(rows, columns)
          .pixels(pixels)
          .geometry(ImageGeometry.ofSpacing(pixelSpacingMm))
          .sourceUri(name.isEmpty() ? source : name)
          .build();
    } catch (IllegalArgumentException e) {
      throw new SeedRecordException("not a valid image: " + e.getMessage());
    }
    return LabeledImage.labeled(image, new Mask(rows, columns, label));
  }

  private static Feature int64(long value) {
    return Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(value)).build();
  }

  private static Feature bytes(ByteString value) {
    return Feature.newBuilder().setBytesList(BytesList.newBuilder().addValue(value)).build();
  }

  private static Feature require(Map<String, Feature> features, String key, Feature.KindCase kind)
      throws SeedRecordException {
    Feature feature = features.get(key);
    if (feature == null) {
      throw new SeedRecordException("missing feature '" + key + "'");
    }
    if (feature.getKindCase() != kind) {
      throw new SeedRecordException("feature '" + key + "' must be " + kindName(kind) + ", is "
          + kindName(feature.getKindCase()));
    }
    return feature;
  }

  private static long int64Value(Map<String, Feature> features, String key) throws SeedRecordException {
    Int64List list = require(features, key, Feature.KindCase.INT64_LIST).getInt64List();
    if (list.getValueCount() != 1) {
      throw new SeedRecordException("feature '" + key + "' must hold one value, holds " + list.getValueCount());
    }
    return list.getValue(0);
  }

  private static ByteString bytesValue(Map<String, Feature> features, String key) throws SeedRecordException {
    BytesList list = require(features, key, Feature.KindCase.BYTES_LIST).getBytesList();
    if (list.getValueCount() != 1) {
      throw new SeedRecordException("feature '" + key + "' must hold one value, holds " + list.getValueCount());
    }
    return list.getValue(0);
  }

  private static String utf8(ByteString bytes, String key) throws SeedRecordException {
    try {
      // Strict: a replaced character would silently change the name on the next write.
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes.asReadOnlyByteBuffer())
          .toString();
    } catch (CharacterCodingException e) {
      throw new SeedRecordException("feature '" + key + "' is not UTF-8 text");
    }
  }

  private static String kindName(Feature.KindCase kind) {
    switch (kind) {
      case INT64_LIST: return "int64_list";
      case BYTES_LIST: return "bytes_list";
      case FLOAT_LIST: return "float_list";
      default: return "empty";
    }
  }
}
