package org.heartbeam.phantom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads a generated tree back independently of the generator's own classes (tests only). */
final class SynthFiles {
  private SynthFiles() {}

  /** SHA-256 of every file's relative path and bytes, in sorted path order. */
  static String treeHash(Path root) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Path file : files(root)) {
      sha.update(root.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(file));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<Path> dicoms(Path root) throws IOException {
    return files(root).stream().filter(f -> f.toString().endsWith(".dcm")).toList();
  }

  /** Contour vertices as {x, y} pairs. */
  static double[][] contour(Path file) throws IOException {
    List<double[]> points = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] xy = line.trim().split("\\s+");
      points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
    }
    return points.toArray(new double[0][]);
  }

  static double shoelace(double[][] p) {
    double twice = 0;
    for (int i = 0, j = p.length - 1; i < p.length; j = i++) {
      twice += p[j][0] * p[i][1] - p[i][0] * p[j][1];
    }
    return Math.abs(twice) / 2;
  }

  /** Even-odd point-in-polygon test. */
  static boolean inside(double[][] p, double x, double y) {
    boolean in = false;
    for (int i = 0, j = p.length - 1; i < p.length; j = i++) {
      if ((p[i][1] > y) != (p[j][1] > y)
          && x < (p[j][0] - p[i][0]) * (y - p[i][1]) / (p[j][1] - p[i][1]) + p[i][0]) {
        in = !in;
      }
    }
    return in;
  }

  static AttributeList read(Path dicom) throws IOException, DicomException {
    AttributeList list = new AttributeList();
    list.read(dicom.toFile());
    return list;
  }

  static double[] doubles(AttributeList list, AttributeTag tag) throws DicomException {
    return list.get(tag).getDoubleValues();
  }

  static int integer(AttributeList list, AttributeTag tag) throws DicomException {
    return list.get(tag).getIntegerValues()[0];
  }

  static short[] pixels(AttributeList list) throws DicomException {
    return list.get(TagFromName.PixelData).getShortValues();
  }

  /** Rows of a CSV file (header first) as column-name maps. */
  static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], cells[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
