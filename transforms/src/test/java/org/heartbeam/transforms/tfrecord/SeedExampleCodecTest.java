package org.heartbeam.transforms.tfrecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.testing.SeedPatternImages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.example.BytesList;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;
import org.tensorflow.example.FloatList;
import org.tensorflow.example.Int64List;

class SeedExampleCodecTest {
  private static final String SOURCE = "file.tfrecords#record=0";

  @ParameterizedTest
  @CsvSource({"256, 256", "192, 160", "1, 1", "3, 700"})
  void roundTripsAnySize(int height, int width) throws Exception {
    LabeledImage image = SeedPatternImages.image(2, height, width, "case_");
    byte[] encoded = SeedExampleCodec.encode(image, "case_002");

    LabeledImage decoded = SeedExampleCodec.decode(encoded, SOURCE, 1.0);

    assertEquals(image, decoded);
    assertArrayEquals(encoded, SeedExampleCodec.encode(decoded, "case_002"));
  }

  @Test
  void writesTheSeedLayout() throws Exception {
    LabeledImage image = SeedPatternImages.image(0, 4, 3, "x");
    Example example = Example.parseFrom(SeedExampleCodec.encode(image, "x000"));
    var f = example.getFeatures().getFeatureMap();

    assertEquals(List.of(4L), f.get("height").getInt64List().getValueList());
    assertEquals(List.of(3L), f.get("width").getInt64List().getValueList());
    assertEquals(List.of(1L), f.get("depth").getInt64List().getValueList());
    assertEquals("x000", f.get("name").getBytesList().getValue(0).toStringUtf8());
    ByteBuffer raw = f.get("image_raw").getBytesList().getValue(0).asReadOnlyByteBuffer()
        .order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(4 * 3 * 8, raw.remaining());
    assertEquals(-512L, raw.getLong(0)); // pixel (0,0) of record 0: signed, little-endian
    assertEquals(17L - 512, raw.getLong(8));
    assertArrayEquals(image.label().orElseThrow().values(), f.get("label_raw").getBytesList().getValue(0).toByteArray());
  }

  @Test
  void writesFeaturesInSeedInsertionOrder() throws Exception {
    byte[] encoded = SeedExampleCodec.encode(SeedPatternImages.image(0, 2, 2, "x"), "x000");
    assertEquals(List.of("height", "width", "depth", "name", "image_raw", "label_raw"), mapKeysInWireOrder(encoded));
  }

  @Test
  void roundsPixelsHalfToEven() throws Exception {
    float[] pixels = {2.5f, 3.5f, -2.5f, 1.4999f, -7.6f, 1e30f};
    LabeledImage image = LabeledImage.unlabeled(CardiacImage.builder().size(2, 3).pixels(pixels)
        .geometry(ImageGeometry.ofSpacing(1.0)).sourceUri("x").build());

    LabeledImage decoded = SeedExampleCodec.decode(SeedExampleCodec.encode(image, "n"), SOURCE, 1.0);

    assertArrayEquals(new float[] {2f, 4f, -2f, 1f, -8f, (float) Long.MAX_VALUE}, decoded.image().pixels());
  }

  @Test
  void unlabeledImagesGetAnAllZeroLabelAndReadBackAsEmptyMasks() throws Exception {
    LabeledImage labeled = SeedPatternImages.image(0, 8, 8, "x");
    LabeledImage unlabeled = LabeledImage.unlabeled(labeled.image());

    LabeledImage decoded = SeedExampleCodec.decode(SeedExampleCodec.encode(unlabeled, "x000"), SOURCE, 1.0);

    assertTrue(decoded.isLabeled());
    assertEquals(0, decoded.label().orElseThrow().count());
    assertEquals(labeled.image(), decoded.image());
  }

  @Test
  void namesTheImageByItsSourceWhenTheRecordHasNoName() throws Exception {
    byte[] encoded = SeedExampleCodec.encode(SeedPatternImages.image(0, 4, 4, "x"), "");
    LabeledImage decoded = SeedExampleCodec.decode(encoded, SOURCE, 1.25);
    assertEquals(SOURCE, decoded.image().sourceUri());
    assertEquals(ImageGeometry.ofSpacing(1.25), decoded.image().geometry());
  }

  @Test
  void readsFeaturesInAnyOrder() throws Exception {
    LabeledImage image = SeedPatternImages.image(1, 6, 5, "x");
    Example seedOrder = Example.parseFrom(SeedExampleCodec.encode(image, "x001"));
    Example.Builder reversed = Example.newBuilder();
    List<String> keys = new ArrayList<>(seedOrder.getFeatures().getFeatureMap().keySet());
    for (int i = keys.size() - 1; i >= 0; i--) {
      reversed.getFeaturesBuilder().putFeature(keys.get(i), seedOrder.getFeatures().getFeatureOrThrow(keys.get(i)));
    }
    assertEquals(List.of("label_raw", "image_raw", "name", "depth", "width", "height"),
        mapKeysInWireOrder(reversed.build().toByteArray()));
    assertEquals(image, SeedExampleCodec.decode(reversed.build().toByteArray(), SOURCE, 1.0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing height      | missing feature 'height'",
      "missing name        | missing feature 'name'",
      "missing image_raw   | missing feature 'image_raw'",
      "missing label_raw   | missing feature 'label_raw'",
      "height as bytes     | feature 'height' must be int64_list, is bytes_list",
      "image_raw as int64  | feature 'image_raw' must be bytes_list, is int64_list",
      "width as float      | feature 'width' must be int64_list, is float_list",
      "two heights         | feature 'height' must hold one value, holds 2",
      "zero height         | height and width must be > 0, are 0 x 5",
      "negative width      | height and width must be > 0, are 4 x -5",
      "huge image          | image 4000000000 x 5 is too large",
      "depth 3             | depth must be 1 (one grey channel), is 3",
      "height mismatch     | image_raw holds 160 bytes; height x width = 5 x 5 int64 pixels need 200",
      "short image_raw     | image_raw holds 152 bytes; height x width = 4 x 5 int64 pixels need 160",
      "long label_raw      | label_raw holds 21 bytes; height x width = 4 x 5 needs 20",
      "label value 7       | label_raw value 7 at row 1, column 2; labels must be 0 or 1",
      "label value 255     | label_raw value 255 at row 0, column 0; labels must be 0 or 1",
      "name not utf-8      | feature 'name' is not UTF-8 text",
      "garbage             | not a tf.train.Example: ",
  })
  void refusesBrokenRecordsWithOneLineReasons(String broken, String reason) {
    byte[] record = broken(broken);
    SeedRecordException e = assertThrows(SeedRecordException.class,
        () -> SeedExampleCodec.decode(record, SOURCE, 1.0));
    assertTrue(e.getMessage().startsWith(reason), () -> "reason: " + e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }

  private static byte[] broken(String broken) {
    Example good;
    try {
      good = Example.parseFrom(SeedExampleCodec.encode(SeedPatternImages.image(0, 4, 5, "x"), "x000"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    switch (broken) {
      case "missing height": return remove(good, "height");
      case "missing name": return remove(good, "name");
      case "missing image_raw": return remove(good, "image_raw");
      case "missing label_raw": return remove(good, "label_raw");
      case "height as bytes": return put(good, "height", bytes(new byte[] {4}));
      case "image_raw as int64": return put(good, "image_raw", int64(1));
      case "width as float":
        return put(good, "width", Feature.newBuilder().setFloatList(FloatList.newBuilder().addValue(5f)).build());
      case "two heights":
        return put(good, "height", Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(4).addValue(4)).build());
      case "zero height": return put(good, "height", int64(0));
      case "negative width": return put(good, "width", int64(-5));
      case "huge image": return put(good, "height", int64(4_000_000_000L));
      case "depth 3": return put(good, "depth", int64(3));
      case "height mismatch": return put(good, "height", int64(5));
      case "short image_raw": return put(good, "image_raw", bytes(new byte[152]));
      case "long label_raw": return put(good, "label_raw", bytes(new byte[21]));
      case "label value 7": return put(good, "label_raw", bytes(withAt(new byte[20], 7, (byte) 7)));
      case "label value 255": return put(good, "label_raw", bytes(withAt(new byte[20], 0, (byte) 255)));
      case "name not utf-8": return put(good, "name", bytes(new byte[] {(byte) 0xc3, (byte) 0x28}));
      case "garbage": return new byte[] {(byte) 0xff, (byte) 0xff, 0x01};
      default: throw new IllegalArgumentException(broken);
    }
  }

  private static byte[] withAt(byte[] values, int index, byte value) {
    values[index] = value;
    return values;
  }

  private static byte[] remove(Example example, String key) {
    return edit(example, b -> b.removeFeature(key));
  }

  private static byte[] put(Example example, String key, Feature feature) {
    return edit(example, b -> b.putFeature(key, feature));
  }

  private static byte[] edit(Example example, UnaryOperator<org.tensorflow.example.Features.Builder> change) {
    Example.Builder b = example.toBuilder();
    change.apply(b.getFeaturesBuilder());
    return b.build().toByteArray();
  }

  private static Feature int64(long value) {
    return Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(value)).build();
  }

  private static Feature bytes(byte[] value) {
    return Feature.newBuilder().setBytesList(BytesList.newBuilder().addValue(ByteString.copyFrom(value))).build();
  }

  /** The map keys of an Example as they appear on the wire, read field by field (not via the map API). */
  static List<String> mapKeysInWireOrder(byte[] example) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(example);
    assertEquals((1 << 3) | 2, in.readTag()); // Example.features
    CodedInputStream features = CodedInputStream.newInstance(in.readByteArray());
    List<String> keys = new ArrayList<>();
    for (int tag = features.readTag(); tag != 0; tag = features.readTag()) {
      assertEquals((1 << 3) | 2, tag); // Features.feature map entry
      CodedInputStream entry = CodedInputStream.newInstance(features.readByteArray());
      assertEquals((1 << 3) | 2, entry.readTag()); // key first
      keys.add(entry.readStringRequireUtf8());
    }
    return keys;
  }
}
