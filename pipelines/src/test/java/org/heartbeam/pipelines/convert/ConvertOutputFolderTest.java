package org.heartbeam.pipelines.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A convert never writes among unknown files, and a re-run leaves no stale shard behind. */
class ConvertOutputFolderTest {
  @Test
  void refusesAFolderOfUnknownFiles(@TempDir Path out) throws Exception {
    Files.writeString(out.resolve("thesis.docx"), "precious");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvertPipeline.prepareOutput(out));
    assertTrue(e.getMessage().contains("holds no earlier convert run"), e.getMessage());
    assertTrue(Files.exists(out.resolve("thesis.docx")));
  }

  @Test
  void replacesOnlyAnEarlierRunsFiles(@TempDir Path out) throws Exception {
    for (String name : new String[] {"manifest.json", "patients.csv", "dead_letters.jsonl",
        "train-00000-of-00004.tfrecords", "validation-00003-of-00004.tfrecords", "notes.txt"}) {
      Files.writeString(out.resolve(name), "x");
    }
    ConvertPipeline.prepareOutput(out);
    assertFalse(Files.exists(out.resolve("train-00000-of-00004.tfrecords")));
    assertFalse(Files.exists(out.resolve("manifest.json")));
    assertTrue(Files.exists(out.resolve("notes.txt")), "a user's own file stays");
    try (var left = Files.list(out)) {
      assertEquals(1, left.count());
    }
  }

  @Test
  void createsAMissingFolder(@TempDir Path tmp) throws Exception {
    ConvertPipeline.prepareOutput(tmp.resolve("a/b"));
    assertTrue(Files.isDirectory(tmp.resolve("a/b")));
  }
}
