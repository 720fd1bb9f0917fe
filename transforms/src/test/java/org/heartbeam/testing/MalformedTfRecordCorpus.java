package org.heartbeam.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.heartbeam.transforms.tfrecord.SeedExampleCodec;
import org.heartbeam.transforms.tfrecord.TfRecordFraming;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tensorflow.example.BytesList;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;
import org.tensorflow.example.Int64List;

/**
 * Writes broken seed-schema TFRecord files, one case per file, each knowing how many good records
 * and how many dead letters a reader must produce from it and what the dead letter's reason says.
 * Most cases put good records before (and, where framing survives, after) the bad one, to show a
 * bad record costs only itself. Reused by pipeline tests.
 */
public final class MalformedTfRecordCorpus {
  /** One broken file. {@code reasonContains} is a lower-case fragment of the expected reason. */
  public record Case(String fileName, int goodRecords, int deadLetters, String stage, String reasonContains)
      implements Serializable {}

  private static final int SIZE = 16;
  private static final String FRAME = "tfrecord-frame";
  private static final String DECODE = "tfrecord-decode";

  private MalformedTfRecordCorpus() {}

  /** Writes every case into {@code directory}; file names end in ".tfrecords". */
  public static List<Case> write(Path directory) throws IOException {
    Files.createDirectories(directory);
    List<Case> cases = new ArrayList<>();

    byte[] goodA = good(0);
    byte[] goodB = good(1);
    byte[] badData = TfRecordFraming.frame(good(2));
    badData[badData.length - 1] ^= 0x01;
    cases.add(write(directory, new Case("bad_data_crc.tfrecords", 2, 1, FRAME, "data crc mismatch"),
        TfRecordFraming.frame(goodA), badData, TfRecordFraming.frame(goodB)));

    byte[] badLength = TfRecordFraming.frame(good(2));
    badLength[9] ^= 0x01;
    cases.add(write(directory, new Case("bad_length_crc.tfrecords", 1, 1, FRAME, "length crc mismatch"),
        TfRecordFraming.frame(goodA), badLength, TfRecordFraming.frame(goodB)));

    cases.add(write(directory, new Case("truncated_header.tfrecords", 1, 1, FRAME, "truncated record header"),
        TfRecordFraming.frame(goodA), Arrays.copyOf(TfRecordFraming.frame(goodB), 5)));

    byte[] framedB = TfRecordFraming.frame(goodB);
    cases.add(write(directory, new Case("truncated_data.tfrecords", 1, 1, FRAME, "truncated record"),
        TfRecordFraming.frame(goodA), Arrays.copyOf(framedB, framedB.length / 2)));

    cases.add(write(directory, new Case("huge_length.tfrecords", 1, 1, FRAME, "is impossible"),
        TfRecordFraming.frame(goodA), headerClaiming(Long.MAX_VALUE)));

    cases.add(writeMutated(directory, "wrong_image_raw_length.tfrecords", "image_raw holds",
        e -> put(e, SeedExampleCodec.IMAGE_RAW, bytes(new byte[SIZE * SIZE * 8 - 8]))));
    cases.add(writeMutated(directory, "wrong_label_raw_length.tfrecords", "label_raw holds",
        e -> put(e, SeedExampleCodec.LABEL_RAW, bytes(new byte[SIZE * SIZE + 1]))));
    cases.add(writeMutated(directory, "missing_feature.tfrecords", "missing feature 'label_raw'",
        e -> {
          Example.Builder b = e.toBuilder();
          b.getFeaturesBuilder().removeFeature(SeedExampleCodec.LABEL_RAW);
          return b.build();
        }));
    cases.add(writeMutated(directory, "label_value_7.tfrecords", "label_raw value 7",
        e -> {
          byte[] label = new byte[SIZE * SIZE];
          label[SIZE + 3] = 7;
          return put(e, SeedExampleCodec.LABEL_RAW, bytes(label));
        }));
    cases.add(writeMutated(directory, "height_mismatch.tfrecords", "image_raw holds",
        e -> put(e, SeedExampleCodec.HEIGHT, int64(SIZE + 1))));
    cases.add(writeMutated(directory, "height_as_bytes.tfrecords", "must be int64_list, is bytes_list",
        e -> put(e, SeedExampleCodec.HEIGHT, bytes(new byte[] {16}))));
    cases.add(writeMutated(directory, "depth_3.tfrecords", "depth must be 1",
        e -> put(e, SeedExampleCodec.DEPTH, int64(3))));
    cases.add(writeMutated(directory, "zero_width.tfrecords", "must be > 0",
        e -> put(e, SeedExampleCodec.WIDTH, int64(0))));

    // Valid framing around bytes that are not a protobuf message (0xff: field 31, wire type 7).
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xff);
    cases.add(write(directory, new Case("garbage_payload.tfrecords", 2, 1, DECODE, "not a tf.train.example"),
        TfRecordFraming.frame(goodA), TfRecordFraming.frame(garbage), TfRecordFraming.frame(goodB)));

    cases.add(write(directory, new Case("empty.tfrecords", 0, 0, FRAME, "")));
    return cases;
  }

  /** A good record, then the mutated one, then another good record: the bad one costs only itself. */
  private static Case writeMutated(Path directory, String fileName, String reason, UnaryOperator<Example> mutation)
      throws IOException {
    Example bad;
    try {
      bad = mutation.apply(Example.parseFrom(good(2)));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
    return write(directory, new Case(fileName, 2, 1, DECODE, reason.toLowerCase()),
        TfRecordFraming.frame(good(0)), TfRecordFraming.frame(bad.toByteArray()), TfRecordFraming.frame(good(1)));
  }

  private static Case write(Path directory, Case c, byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part);
    }
    Files.write(directory.resolve(c.fileName()), out.toByteArray());
    return new Case(c.fileName(), c.goodRecords(), c.deadLetters(), c.stage(), c.reasonContains().toLowerCase());
  }

  private static byte[] good(int k) {
    return SeedExampleCodec.encode(SeedPatternImages.image(k, SIZE, SIZE, "corpus_"), SeedPatternImages.name("corpus_", k));
  }

  /** A header with a correct length CRC claiming {@code length} data bytes that never come. */
  private static byte[] headerClaiming(long length) {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
    header.putInt(TfRecordFraming.maskedCrc32c(header.array(), 0, 8));
    return header.array();
  }

  private static Example put(Example example, String key, Feature feature) {
    Example.Builder b = example.toBuilder();
    b.getFeaturesBuilder().putFeature(key, feature);
    return b.build();
  }

  private static Feature int64(long value) {
    return Feature.newBuilder().setInt64List(Int64List.newBuilder().addValue(value)).build();
  }

  private static Feature bytes(byte[] value) {
    return Feature.newBuilder().setBytesList(BytesList.newBuilder().addValue(ByteString.copyFrom(value))).build();
  }
}
