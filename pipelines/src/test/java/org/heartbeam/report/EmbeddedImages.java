package org.heartbeam.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** The pictures a report page embeds, decoded. */
final class EmbeddedImages {
  private static final Pattern DATA_URI = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

  private EmbeddedImages() {}

  /** Every embedded PNG, decoded; fails when one is not a readable PNG. */
  static List<BufferedImage> decode(String html) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    Matcher m = DATA_URI.matcher(html);
    while (m.find()) {
      byte[] bytes = Base64.getDecoder().decode(m.group(1));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IOException("embedded image is not a PNG ImageIO can read");
      }
      images.add(image);
    }
    return images;
  }

  /** How many distinct colours the picture has: a chart has several, a blank rectangle one. */
  static int colours(BufferedImage image) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
