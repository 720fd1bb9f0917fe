package org.heartbeam.pipelines.train;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.transforms.augment.TrainingExample;
import org.heartbeam.transforms.augment.TrainingExampleCoder;
import org.heartbeam.transforms.deadletter.DeadLetter;

/**
 * Streams the examples of every shard under a folder, shards in name order and examples in file
 * order: one example in memory at a time, and the same order on every run. A damaged shard ends
 * with a dead letter (stage "read-examples") for its remainder; reading goes on with the next shard.
 */
final class ExampleShardReader implements Iterator<TrainingExample>, Closeable {
  static final String STAGE = "read-examples";

  private final Iterator<Path> shards;
  private final Consumer<DeadLetter> deadLetters;
  private Path current;
  private PushbackInputStream stream;
  private TrainingExample next;

  ExampleShardReader(Path folder, Consumer<DeadLetter> deadLetters) throws IOException {
    this.shards = shardsUnder(folder).iterator();
    this.deadLetters = deadLetters;
    advance();
  }

  /** The shard files directly under a folder, by name; none if the folder does not exist. */
  static List<Path> shardsUnder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(WriteExampleShards.SUFFIX))
          .sorted().collect(Collectors.toCollection(ArrayList::new));
    }
  }

  @Override
  public boolean hasNext() { return next != null; }

  @Override
  public TrainingExample next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    TrainingExample result = next;
    try {
      advance();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open shard " + current + ": " + e.getMessage(), e);
    }
    return result;
  }

  private void advance() throws IOException {
    next = null;
    while (next == null) {
      if (stream == null) {
        if (!shards.hasNext()) {
          return;
        }
        current = shards.next();
        stream = new PushbackInputStream(new BufferedInputStream(Files.newInputStream(current), 1 << 16));
      }
      int first = stream.read();
      if (first < 0) {
        closeStream();
        continue;
      }
      stream.unread(first);
      try {
        next = TrainingExampleCoder.of().decode(stream);
      } catch (IOException | RuntimeException e) {
        String reason = e instanceof EOFException ? "shard ends inside an example" : String.valueOf(e.getMessage());
        deadLetters.accept(new DeadLetter(current.toString(), STAGE, "rest of the shard skipped: " + reason));
        closeStream();
      }
    }
  }

  private void closeStream() throws IOException {
    InputStream s = stream;
    stream = null;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void close() throws IOException { closeStream(); }
}
