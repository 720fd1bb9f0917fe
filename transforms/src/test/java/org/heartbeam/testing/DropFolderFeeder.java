package org.heartbeam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops files into a watched folder over time, the way the intake contract asks writers to: each
 * file is written as {@code <name>.part} and then renamed atomically. Runs on its own thread, to be
 * started before {@code pipeline.run()} (which blocks on the DirectRunner and Flink [local]).
 */
public final class DropFolderFeeder implements AutoCloseable {
  private final Map<Path, byte[]> files = new LinkedHashMap<>();
  private final long delayMillis;
  private final List<Path> landed = new ArrayList<>();
  private Thread thread;
  private volatile Throwable failure;

  /** @param delayMillis pause before each file */
  public DropFolderFeeder(long delayMillis) {
    this.delayMillis = delayMillis;
  }

  /** Adds a file to drop, in order; {@code target} is its final name. */
  public DropFolderFeeder add(Path target, byte[] bytes) {
    files.put(target, bytes);
    return this;
  }

  public DropFolderFeeder start() {
    thread = new Thread(this::feed, "drop-folder-feeder");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Waits for every file to land; rethrows a failure of the feeder thread. */
  public List<Path> awaitLanded() throws InterruptedException {
    thread.join();
    if (failure != null) {
      throw new AssertionError("feeder failed", failure);
    }
    return List.copyOf(landed);
  }

  private void feed() {
    try {
      for (Map.Entry<Path, byte[]> file : files.entrySet()) {
        Thread.sleep(delayMillis);
        landed.add(dropAtomically(file.getKey(), file.getValue()));
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** Writes {@code target}.part, then renames it to {@code target} in one step. */
  public static Path dropAtomically(Path target, byte[] bytes) {
    try {
      Files.createDirectories(target.getParent());
      Path part = target.resolveSibling(target.getFileName() + ".part");
      Files.write(part, bytes);
      return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
  }
}
