package org.heartbeam.transforms.sunnybrook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.testing.MalformedSunnybrookCorpus;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SunnybrookLayoutTest {

  @Test
  void pairsContoursWithImagesByInstanceNumber(@TempDir Path dir) throws Exception {
    MalformedSunnybrookCorpus corpus = MalformedSunnybrookCorpus.write(dir);
    SunnybrookLayout layout = SunnybrookLayout.scan(corpus.root());

    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 10, 11),
        layout.images().stream().map(SunnybrookItem::instanceNumber).toList());
    for (SunnybrookItem item : layout.images()) {
      assertEquals(corpus.dicom(item.instanceNumber()).toString(), item.dicomPath());
      assertEquals(item.instanceNumber() == 8 ? null : corpus.contour(item.instanceNumber()).toString(),
          item.iContourPath().orElse(null));
    }
    assertEquals(9, layout.labelledImages().size());
  }

  @Test
  void layoutProblemsAreValuesOnePerFileOrRow(@TempDir Path dir) throws Exception {
    MalformedSunnybrookCorpus corpus = MalformedSunnybrookCorpus.write(dir);
    List<DeadLetter> problems = SunnybrookLayout.scan(corpus.root()).problems();

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.stream().allMatch(p -> p.stage().equals(SunnybrookLayout.STAGE)));
    assertEquals(Stream.of(corpus.missingDicomFolder(), corpus.contourWithoutNumber(), corpus.contour(9))
            .map(Path::toString).sorted().toList(),
        problems.stream().map(DeadLetter::source).sorted().collect(Collectors.toList()));
  }

  @Test
  void headerIsOptionalAndBadRowsAreNamedByLine(@TempDir Path dir) throws Exception {
    MalformedSunnybrookCorpus corpus = MalformedSunnybrookCorpus.write(dir);
    Path link = corpus.root().resolve("link.csv");
    Files.writeString(link, "P1,C1\n\nP1\nP1,../C1\n");
    SunnybrookLayout layout = SunnybrookLayout.scan(corpus.root());

    assertEquals(10, layout.images().size());
    List<String> rowProblems = layout.problems().stream().map(DeadLetter::source)
        .filter(s -> s.startsWith(link.toString())).toList();
    assertEquals(List.of(link + "#line=3", link + "#line=4"), rowProblems);
  }

  @Test
  void aRootWithoutLinkCsvIsOneProblem(@TempDir Path dir) throws Exception {
    SunnybrookLayout layout = SunnybrookLayout.scan(dir);
    assertEquals(List.of(), layout.images());
    assertEquals(List.of(new DeadLetter(dir.resolve("link.csv").toString(), SunnybrookLayout.STAGE,
        "no link.csv: not the root of a Sunnybrook tree")), layout.problems());
  }

  @Test
  void aMissingContourFolderLeavesTheImagesUnlabelled(@TempDir Path dir) throws Exception {
    MalformedSunnybrookCorpus corpus = MalformedSunnybrookCorpus.write(dir);
    Files.writeString(corpus.root().resolve("link.csv"), "patient_id,original_id\nP1,C7\n");
    SunnybrookLayout layout = SunnybrookLayout.scan(corpus.root());

    assertEquals(10, layout.images().size());
    assertEquals(0, layout.labelledImages().size());
    assertEquals(List.of(corpus.root().resolve("contourfiles/C7/i-contours").toString()),
        layout.problems().stream().map(DeadLetter::source).toList());
  }
}
