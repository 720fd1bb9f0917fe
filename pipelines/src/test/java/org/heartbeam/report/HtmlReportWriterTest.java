package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportWriterTest {
  private static final String ESCAPED_HOSTILE = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;";

  @Test
  void trainingRunReportHasSummaryCurvesEpochsAndDeadLetters(@TempDir Path tmp) throws Exception {
    Path run = RunFolderFixtures.trainingRun(tmp.resolve("train-run"));

    Path written = HtmlReportWriter.write(RunReport.read(run));

    assertEquals(run.resolve("report.html").toAbsolutePath(), written);
    String html = Files.readString(written, StandardCharsets.UTF_8);
    assertSections(html, List.of("training-summary", "training-curves", "epochs", "dead-letters"),
        List.of("inference-summary", "dice-distribution", "patients", "overlays", "ejection-fraction"));
    assertTrue(html.contains("HeartBeam training report"));
    assertTrue(html.contains("metrics.val_dice_mean"), "nested metrics flattened");
    assertTrue(html.contains("4 (best)") == false && html.contains("3 (best)"), "best epoch from run.json marked");
    assertTrue(html.contains("1 input could not be processed"));
    assertTrue(html.contains("read-dicom"));
    assertEscapedAndNoPhi(html);

    List<BufferedImage> images = EmbeddedImages.decode(html);
    assertEquals(1, images.size(), "the training curves");
    assertSize(images.get(0), TrainingCurvesChart.WIDTH, TrainingCurvesChart.HEIGHT);
    assertTrue(EmbeddedImages.colours(images.get(0)) > 5, "curves are drawn, not a blank picture");
    assertTrue(html.contains("\u2013"), "the NaN median of epoch 2 shows as missing");
  }

  @Test
  void inferenceRunReportHasDicePatientsOverlaysAndEjectionFraction(@TempDir Path tmp) throws Exception {
    Path run = RunFolderFixtures.inferenceRun(tmp.resolve("infer-run"));

    String html = Files.readString(HtmlReportWriter.write(RunReport.read(run)), StandardCharsets.UTF_8);

    assertSections(html, List.of("inference-summary", "dice-distribution", "patients", "overlays",
        "ejection-fraction", "dead-letters"), List.of("training-summary", "training-curves", "epochs"));
    assertTrue(html.contains("HeartBeam inference report"));
    assertTrue(html.contains("2 inputs could not be processed"));
    assertTrue(html.contains("Dice median</td><td>0.8000"), "median of the 7 images' Dice");
    assertTrue(html.contains("<h3>Dice by model version</h3>") && html.contains("<td>0.6929</td>"), "run.csv shown");
    assertTrue(html.contains("not computable because") && html.contains("only one phase, "));
    assertTrue(html.contains("style=\"width:60.0%\""), "EF bar as wide as the EF");
    assertEscapedAndNoPhi(html);

    // Worst group first, with the worst image (Dice 0.10) in it; best group holds the 0.95 image.
    int worst = html.indexOf("<h3>Worst Dice</h3>");
    int median = html.indexOf("<h3>Median Dice</h3>");
    int best = html.indexOf("<h3>Best Dice</h3>");
    assertTrue(worst >= 0 && worst < median && median < best, "worst, median, best in that order");
    int worstImage = html.indexOf("image " + RunFolderFixtures.imageKey(0));
    assertTrue(worst < worstImage && worstImage < median, "Dice 0.10 is among the worst");
    int bestImage = html.indexOf("image " + RunFolderFixtures.imageKey(6));
    assertTrue(bestImage > best, "Dice 0.95 is among the best");

    List<BufferedImage> images = EmbeddedImages.decode(html);
    assertEquals(3 + 6 + 6, images.size(),
        "histogram, box plot, EF chart and 6 overlays (7 images: 2 worst, 2 median, 2 best), each enlarged"
            + " around the heart and whole");
    assertSize(images.get(0), DiceHistogramChart.WIDTH, DiceHistogramChart.HEIGHT);
    assertSize(images.get(1), DiceByPatientChart.WIDTH, DiceByPatientChart.HEIGHT);
    long overlays = images.stream()
        .filter(i -> i.getWidth() == RunFolderFixtures.OVERLAY_SIZE && i.getHeight() == RunFolderFixtures.OVERLAY_SIZE)
        .count();
    assertEquals(6, overlays);
    long enlarged = images.stream().filter(i -> i.getWidth() >= HeartCrop.MIN_SIDE_PX && i.getWidth() == i.getHeight())
        .count();
    assertEquals(6, enlarged, "every overlay's heart region, at least " + HeartCrop.MIN_SIDE_PX + " px");
    assertEquals(6, html.split("<details><summary>whole image</summary>", -1).length - 1);
    assertSize(images.get(images.size() - 1), EjectionFractionChart.WIDTH, EjectionFractionChart.HEIGHT);
  }

  @Test
  void missingOptionalFilesOmitTheirSectionsAndUnlabelledRunsPickOverlaysByArea(@TempDir Path tmp) throws Exception {
    Path run = RunFolderFixtures.inferenceRun(tmp.resolve("infer-run"));
    for (String optional : List.of("patients.csv", "run.csv", "volumes.csv", "dead_letters.jsonl")) {
      Files.delete(run.resolve(optional));
    }
    // Unlabelled: no Dice anywhere.
    String images = Files.readString(run.resolve("images.csv"));
    Files.writeString(run.resolve("images.csv"), images.replaceAll(",true,900,[0-9.]+,[0-9.]+,", ",false,,,,"));

    String html = HtmlReportWriter.render(RunReport.read(run));

    assertSections(html, List.of("inference-summary", "overlays"),
        List.of("dice-distribution", "patients", "ejection-fraction", "dead-letters"));
    assertTrue(html.contains("<h3>Smallest LV area</h3>") && html.contains("<h3>Largest LV area</h3>"));
    assertFalse(html.contains("Dice median"));
    assertFalse(html.contains("Dice by model version"), "run.csv was deleted");
  }

  @Test
  void overlaysThatAreNotPngsAreLeftOut(@TempDir Path tmp) throws Exception {
    Path run = RunFolderFixtures.inferenceRun(tmp.resolve("infer-run"));
    try (var files = Files.walk(run)) {
      for (Path p : files.filter(p -> p.toString().endsWith("_overlay.png")).toList()) {
        Files.writeString(p, "not a png");
      }
    }

    String html = HtmlReportWriter.render(RunReport.read(run));

    assertFalse(html.contains("id=\"overlays\""));
    assertEquals(3, EmbeddedImages.decode(html).size(), "only the three charts");
  }

  @Test
  void refusesMissingFoldersAndFoldersThatAreNotRuns(@TempDir Path tmp) throws Exception {
    NotARunDirectoryException missing =
        assertThrows(NotARunDirectoryException.class, () -> RunReport.read(tmp.resolve("nope")));
    assertTrue(missing.getMessage().startsWith("no such folder"));

    Files.writeString(tmp.resolve("run.json"), "[{\"model_version\":\"v1\"}]");
    NotARunDirectoryException notRun = assertThrows(NotARunDirectoryException.class, () -> RunReport.read(tmp));
    assertTrue(notRun.getMessage().contains("is not a run folder"));
  }

  @Test
  void pageIsSelfContained(@TempDir Path tmp) throws Exception {
    String html = HtmlReportWriter.render(RunReport.read(RunFolderFixtures.inferenceRun(tmp.resolve("r"))));

    assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "no external src/href");
    assertFalse(html.contains("<link"), "no stylesheet links");
    assertFalse(html.contains("url("), "no CSS fetches");
    assertTrue(html.contains("Content-Security-Policy"));
  }

  private static void assertSections(String html, List<String> present, List<String> absent) {
    for (String id : present) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id);
    }
    for (String id : absent) {
      assertFalse(html.contains("<section id=\"" + id + "\">"), "no section " + id);
    }
  }

  private static void assertEscapedAndNoPhi(String html) {
    assertFalse(html.contains(RunFolderFixtures.HOSTILE), "file text never becomes markup");
    assertTrue(html.contains(ESCAPED_HOSTILE), "file text shown escaped");
    assertFalse(html.contains("SCD0000101"), "source paths (which carry patient IDs) are not shown");
  }

  private static void assertSize(BufferedImage image, int width, int height) {
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
  }
}
