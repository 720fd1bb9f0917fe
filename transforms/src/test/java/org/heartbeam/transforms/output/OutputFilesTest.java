package org.heartbeam.transforms.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written again under its name replaces the old one whole, leaving no temporary file behind. */
class OutputFilesTest {
  @Test
  void rewriteReplacesTheFileAndLeavesNoTemporary(@TempDir Path out) throws Exception {
    OutputFiles.write(out.toString(), "study/series/seg.dcm", "first, longer content".getBytes(StandardCharsets.UTF_8),
        "application/dicom");
    String path = OutputFiles.write(out.toString(), "study/series/seg.dcm", "second".getBytes(StandardCharsets.UTF_8),
        "application/dicom");

    Path target = out.resolve("study/series/seg.dcm");
    assertEquals(target.toString(), Path.of(path).toString());
    assertArrayEquals("second".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target));
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertEquals(List.of(target), files.toList(), "only the target, no temporary sibling");
    }
  }
}
