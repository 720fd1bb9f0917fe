package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The heart region of a full field of view: around the contours, enlarged to be judged. */
class HeartCropTest {
  private static byte[] png(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** 256x256 grey field with the LV 20 px across at (150, 90): predicted red, expert green, 3 px apart. */
  private static BufferedImage fieldOfView() {
    BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(70, 70, 70));
    g.fillRect(0, 0, 256, 256);
    g.setColor(new Color(200, 200, 200)); // bright anatomy elsewhere is not the heart
    g.fillRect(10, 200, 40, 40);
    g.setColor(Color.RED);
    g.drawOval(140, 80, 20, 20);
    g.setColor(Color.GREEN);
    g.drawOval(143, 83, 20, 20);
    g.dispose();
    return image;
  }

  @Test
  void cropsAroundBothContoursWithAMarginAndEnlargesByWholePixels() throws Exception {
    HeartCrop.Crop crop = HeartCrop.of(png(fieldOfView())).orElseThrow();
    BufferedImage enlarged = ImageIO.read(new ByteArrayInputStream(crop.png()));

    // contours span x 140..163, y 80..103 (24 px): 12 px margin each side -> a 48 px square, x 6 (288 px >= 256)
    assertEquals(48 * 6, crop.width());
    assertEquals(crop.width(), enlarged.getWidth());
    assertEquals(enlarged.getWidth(), enlarged.getHeight());
    assertTrue(enlarged.getWidth() >= HeartCrop.MIN_SIDE_PX);
    int colored = 0;
    int bright = 0;
    for (int y = 0; y < enlarged.getHeight(); y++) {
      for (int x = 0; x < enlarged.getWidth(); x++) {
        int rgb = enlarged.getRGB(x, y) & 0xFFFFFF;
        colored += rgb == 0xFF0000 || rgb == 0x00FF00 ? 1 : 0;
        bright += rgb == 0xC8C8C8 ? 1 : 0;
      }
    }
    assertTrue(colored > 0, "both contours are in the crop");
    assertEquals(0, bright, "the far anatomy is not");
    // nearest neighbour: each source pixel became a 6x6 block of one colour
    assertEquals(enlarged.getRGB(0, 0), enlarged.getRGB(5, 5));
  }

  @Test
  void anOverlayWithoutContoursHasNoCrop() throws Exception {
    BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    assertTrue(HeartCrop.of(png(grey)).isEmpty());
  }

  @Test
  void aContourAtTheEdgeKeepsTheCropInsideTheImage() throws Exception {
    BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    image.setRGB(99, 99, 0xFF0000);
    HeartCrop.Crop crop = HeartCrop.of(png(image)).orElseThrow();
    assertEquals(13 * 20, crop.width(), "1 px + 6 px margins, shifted inside, x 20 to reach 256");
  }
}
