package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a user sees it: opened in a real (headless) browser. */
@Tag("slow")
class ReportInBrowserTest {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2000;
  private static final Pattern BROKEN = Pattern.compile("<body[^>]* data-broken-images=\"(\\d+)\"");
  private static final Pattern IMAGES = Pattern.compile("<body[^>]* data-images=\"(\\d+)\"");
  private static final Pattern ZOOMED = Pattern.compile("<body[^>]* data-zoomed-overlays=\"(\\d+)\"");
  private static final Pattern SMALLEST_ZOOM = Pattern.compile("<body[^>]* data-smallest-zoom-px=\"(\\d+)\"");

  @Test
  void inferenceAndTrainingReportsLoadCleanlyAndEveryPictureRenders(@TempDir Path tmp) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(tmp);
    Path inference = HtmlReportWriter.write(RunReport.read(RunFolderFixtures.inferenceRun(tmp.resolve("infer"))));
    Path training = HtmlReportWriter.write(RunReport.read(RunFolderFixtures.trainingRun(tmp.resolve("train"))));

    for (Path page : List.of(inference, training)) {
      HeadlessChromium.Result loaded = chromium.dumpDom(page);
      assertEquals(List.of(), loaded.consoleMessages(), "console of " + page);
      int embedded = EmbeddedImages.decode(Files.readString(page, StandardCharsets.UTF_8)).size();
      assertEquals(embedded, attribute(IMAGES, loaded.stdout()), "the page's own image count ran: " + page);
      assertEquals(0, attribute(BROKEN, loaded.stdout()), "every <img> has naturalWidth > 0: " + page);
    }

    // Overlays show the heart region enlarged, large enough on screen to judge a contour.
    {
      HeadlessChromium.Result loaded = chromium.dumpDom(inference);
      assertEquals(6, attribute(ZOOMED, loaded.stdout()), "one enlarged heart region per overlay shown");
      int smallest = attribute(SMALLEST_ZOOM, loaded.stdout());
      assertTrue(smallest >= HeartCrop.MIN_SIDE_PX, "rendered heart region " + smallest + " px");
    }

    Path screenshot = tmp.resolve("inference.png");
    chromium.screenshot(inference, screenshot, WIDTH, HEIGHT);
    BufferedImage shot = ImageIO.read(screenshot.toFile());
    assertEquals(WIDTH, shot.getWidth());
    assertEquals(HEIGHT, shot.getHeight());
    assertTrue(EmbeddedImages.colours(shot) > 50, "a rendered page of text, charts and overlays, not a blank one");
  }

  /** The checks above can fail: a broken picture and an external fetch are both caught. */
  @Test
  void brokenPicturesAndBlockedFetchesAreDetected(@TempDir Path tmp) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(tmp);
    Path page = HtmlReportWriter.write(RunReport.read(RunFolderFixtures.trainingRun(tmp.resolve("train"))));
    String html = Files.readString(page, StandardCharsets.UTF_8);
    html = html.replaceFirst("data:image/png;base64,[A-Za-z0-9+/=]+", "data:image/png;base64,AAAA")
        .replace("</body>", "<img src=\"https://example.invalid/x.png\" alt=\"external\"></body>");
    Files.writeString(page, html, StandardCharsets.UTF_8);

    HeadlessChromium.Result loaded = chromium.dumpDom(page);

    assertFalse(loaded.consoleMessages().isEmpty(), "the blocked external image is reported on the console");
    assertTrue(loaded.consoleMessages().get(0).contains("Content Security Policy"));
    assertEquals(2, attribute(BROKEN, loaded.stdout()));
    assertTrue(loaded.stdout().contains("2 of 2 pictures could not be shown."));
  }

  private static int attribute(Pattern pattern, String dom) {
    Matcher m = pattern.matcher(dom);
    assertTrue(m.find(), "attribute " + pattern + " set by the page's load handler");
    return Integer.parseInt(m.group(1));
  }
}
