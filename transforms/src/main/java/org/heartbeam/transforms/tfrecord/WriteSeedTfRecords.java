package org.heartbeam.transforms.tfrecord;

import static org.apache.beam.vendor.guava.v32_1_2_jre.com.google.common.base.Preconditions.checkArgument;

import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TFRecordIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.model.image.LabeledImage;

/**
 * Writes images as seed-schema TFRecords, one record per (name, image), named
 * "{prefix}-SSSSS-of-NNNNN.tfrecords". Framing is Beam's {@link TFRecordIO#sink()} (the standard
 * TFRecord layout) and each payload is {@link SeedExampleCodec#encode}, so files are byte for byte
 * what the seed's layout prescribes. Record order within a shard is the runner's, as in any Beam
 * write. Encoding cannot fail (every {@link LabeledImage} is valid by construction), so there is no
 * dead-letter output; the result gives the files written.
 */
public final class WriteSeedTfRecords
    extends PTransform<PCollection<KV<String, LabeledImage>>, WriteFilesResult<Void>> {
  public static final String SUFFIX = ".tfrecords";

  private final String outputPrefix;
  private final int numShards;

  private WriteSeedTfRecords(String outputPrefix, int numShards) {
    this.outputPrefix = outputPrefix;
    this.numShards = numShards;
  }

  /** @param outputPrefix directory and file-name prefix, e.g. "/out/train" or "gs://bucket/out/train" */
  public static WriteSeedTfRecords to(String outputPrefix) {
    if (outputPrefix == null || outputPrefix.isEmpty() || outputPrefix.endsWith("/")) {
      throw new IllegalArgumentException("output prefix needs a file-name part: '" + outputPrefix + "'");
    }
    return new WriteSeedTfRecords(outputPrefix, 0);
  }

  /** Number of files; 0 (the default) lets the runner decide. */
  public WriteSeedTfRecords withNumShards(int shards) {
    checkArgument(shards >= 0, "--numShards must be >= 0, got %s", shards);
    return new WriteSeedTfRecords(outputPrefix, shards);
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    builder
        .add(DisplayData.item("outputPrefix", outputPrefix).withLabel("Output prefix"))
        .add(DisplayData.item("numShards", numShards).withLabel("Shards (0 = runner decides)"));
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<KV<String, LabeledImage>> images) {
    PCollection<byte[]> examples = images
        .apply("seed-encode", MapElements.into(TypeDescriptor.of(byte[].class))
            .via((KV<String, LabeledImage> named) -> SeedExampleCodec.encode(named.getValue(), named.getKey())))
        .setCoder(ByteArrayCoder.of());
    int slash = outputPrefix.lastIndexOf('/');
    String directory = slash < 0 ? "." : outputPrefix.substring(0, slash + 1);
    String prefix = outputPrefix.substring(slash + 1);
    FileIO.Write<Void, byte[]> write = FileIO.<byte[]>write()
        .via(TFRecordIO.sink())
        .to(directory)
        .withPrefix(prefix)
        .withSuffix(SUFFIX);
    if (numShards > 0) {
      write = write.withNumShards(numShards);
    }
    return examples.apply("tfrecord-write", write);
  }
}
