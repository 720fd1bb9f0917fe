package org.heartbeam.transforms.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * PNG bytes with tEXt chunks, via ImageIO's native PNG metadata ({@code javax_imageio_png_1.0}), so
 * every PNG says which model made it and which image it shows without a sidecar file.
 */
final class PngEncoding {
  private static final String FORMAT = "javax_imageio_png_1.0";

  private PngEncoding() {}

  static byte[] encode(BufferedImage image, Map<String, String> text) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try {
      IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
      IIOMetadataNode textNode = new IIOMetadataNode("tEXt");
      for (Map.Entry<String, String> e : text.entrySet()) {
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", e.getKey());
        entry.setAttribute("value", e.getValue());
        textNode.appendChild(entry);
      }
      IIOMetadataNode root = new IIOMetadataNode(FORMAT);
      root.appendChild(textNode);
      metadata.mergeTree(FORMAT, root);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      // In memory: ImageIO's default stream caches to temporary files, which workers need not have.
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, metadata), null);
      }
      return bytes.toByteArray();
    } finally {
      writer.dispose();
    }
  }

  /** The tEXt entries of a PNG, in file order (for tests and tools that check provenance). */
  static Map<String, String> readText(byte[] png) throws IOException {
    Map<String, String> text = new LinkedHashMap<>();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(png))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        Node root = reader.getImageMetadata(0).getAsTree(FORMAT);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n.getNodeName().equals("tEXt")) {
            for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
              IIOMetadataNode entry = (IIOMetadataNode) e;
              text.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
            }
          }
        }
      } finally {
        reader.dispose();
      }
    }
    return text;
  }
}
