package org.heartbeam.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same bytes in every file; another seed, other bytes. */
class SyntheticStudyDeterminismTest {
  private static SynthOptions options(long seed) {
    return SynthOptions.builder().patients(2).slices(3).phases(4).seed(seed).build();
  }

  @Test
  void sameSeedGivesIdenticalTree(@TempDir Path dir) throws Exception {
    SyntheticStudyGenerator.generate(options(42), dir.resolve("a"));
    SyntheticStudyGenerator.generate(options(42), dir.resolve("b"));
    assertEquals(SynthFiles.files(dir.resolve("a")).size(), SynthFiles.files(dir.resolve("b")).size());
    assertEquals(SynthFiles.treeHash(dir.resolve("a")), SynthFiles.treeHash(dir.resolve("b")));
  }

  @Test
  void otherSeedGivesOtherImagesAndTruth(@TempDir Path dir) throws Exception {
    SynthSummary a = SyntheticStudyGenerator.generate(options(42), dir.resolve("a"));
    SynthSummary b = SyntheticStudyGenerator.generate(options(43), dir.resolve("b"));
    assertNotEquals(SynthFiles.treeHash(dir.resolve("a")), SynthFiles.treeHash(dir.resolve("b")));
    assertNotEquals(a.truth().get(0).edvMl(), b.truth().get(0).edvMl());
    // Every single image differs, not just the UIDs of some.
    for (int n = 1; n <= 12; n++) {
      assertNotEquals(
          java.util.Arrays.hashCode(SynthFiles.pixels(SynthFiles.read(dir.resolve("a/dicoms/SYN0001/" + n + ".dcm")))),
          java.util.Arrays.hashCode(SynthFiles.pixels(SynthFiles.read(dir.resolve("b/dicoms/SYN0001/" + n + ".dcm")))));
    }
  }
}
