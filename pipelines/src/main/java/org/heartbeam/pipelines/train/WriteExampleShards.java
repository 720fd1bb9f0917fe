package org.heartbeam.pipelines.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.augment.TrainingExampleCoder;

/**
 * Materializes examples as shard files the training driver streams: input elements are
 * (shard, (sortKey, example)); each shard {@code <root>/<shard>.bin} holds its examples sorted by
 * sort key, encoded with {@link TrainingExampleCoder}. The sort makes a shard's bytes independent of
 * the runner's order; a shard is written to a temporary name and moved into place, so a retried
 * bundle never leaves half a file. Output: the paths written. The input's coder must be {@link #coder()}.
 */
final class WriteExampleShards
    extends PTransform<PCollection<KV<String, KV<String, TrainingExample>>>, PCollection<String>> {
  static final String SUFFIX = ".bin";

  private final String root;

  WriteExampleShards(String root) {
    this.root = root;
  }

  /** Elements keyed for {@link WriteExampleShards}: shard = prefix + "b" + hash bucket of the sort key. */
  static MapElements<TrainingExample, KV<String, KV<String, TrainingExample>>> keyed(
      String prefix, int buckets, SortKey sortKey) {
    SerializableFunction<TrainingExample, KV<String, KV<String, TrainingExample>>> toShard = e -> {
      String key = sortKey.of(e);
      return KV.of(prefix + bucket(key, buckets), KV.of(key, e));
    };
    return MapElements.into(new TypeDescriptor<KV<String, KV<String, TrainingExample>>>() {}).via(toShard);
  }

  /** How examples are ordered within (and spread over) shards. */
  @FunctionalInterface
  interface SortKey extends java.io.Serializable {
    String of(TrainingExample example);
  }

  static String bucket(String sortKey, int buckets) {
    return String.format("b%03d", Math.floorMod(sortKey.hashCode(), buckets));
  }

  static KvCoder<String, KV<String, TrainingExample>> coder() {
    return KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), TrainingExampleCoder.of()));
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, KV<String, TrainingExample>>> input) {
    return input
        .apply("GroupByShard", GroupByKey.create())
        .apply("WriteShard", ParDo.of(new WriteShardFn(root)))
        .setCoder(StringUtf8Coder.of());
  }

  private static final class WriteShardFn extends DoFn<KV<String, Iterable<KV<String, TrainingExample>>>, String> {
    private final String root;
    private final Counter written = Metrics.counter(WriteExampleShards.class, "examplesWritten");

    WriteShardFn(String root) {
      this.root = root;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, TrainingExample>>> shard, OutputReceiver<String> out)
        throws IOException {
      List<KV<String, TrainingExample>> examples = new ArrayList<>();
      shard.getValue().forEach(examples::add);
      examples.sort(Comparator.comparing((KV<String, TrainingExample> kv) -> kv.getKey())
          .thenComparing(kv -> kv.getValue().imageKey()));
      Path target = Paths.get(root, shard.getKey() + SUFFIX);
      Files.createDirectories(target.getParent());
      Path temporary = Files.createTempFile(target.getParent(), ".shard-", ".tmp");
      try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
        for (KV<String, TrainingExample> kv : examples) {
          TrainingExampleCoder.of().encode(kv.getValue(), stream);
        }
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written.inc(examples.size());
      out.output(target.toString());
    }
  }
}
