package org.heartbeam.pipelines.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The output folder rule every batch command follows: a run writes into a folder that is new,
 * empty, or holds an earlier run of the same command (recognised by its marker file), whose own
 * entries are then removed so nothing stale survives next to the new outputs. Anything else is
 * refused before a byte is written: a run never mixes with, or deletes, files it did not make.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * @param marker the file name an earlier run of this command leaves (its manifest)
   * @param runKind how the refusal names the run, e.g. "convert run"
   * @param ours which entries of an earlier run to remove (folders are removed whole)
   * @throws IllegalArgumentException if the folder holds files but no marker
   */
  public static void prepare(Path output, String marker, String runKind, Predicate<Path> ours) throws IOException {
    Files.createDirectories(output);
    List<Path> entries;
    try (Stream<Path> list = Files.list(output)) {
      entries = list.collect(Collectors.toList());
    }
    if (entries.isEmpty()) {
      return;
    }
    if (!Files.isRegularFile(output.resolve(marker))) {
      throw new IllegalArgumentException("output folder is not empty and holds no earlier " + runKind + ": " + output);
    }
    for (Path entry : entries) {
      if (ours.test(entry)) {
        deleteTree(entry);
      }
    }
  }

  /** Deletes a file, or a folder and everything below it; nothing when it does not exist. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
