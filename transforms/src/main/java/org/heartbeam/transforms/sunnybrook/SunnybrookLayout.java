package org.heartbeam.transforms.sunnybrook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heartbeam.transforms.deadletter.DeadLetter;

/**
 * The files of a Sunnybrook tree, paired: {@code link.csv} (patient_id,original_id; the header line
 * is optional), {@code dicoms/<patient_id>/<N>.dcm} and
 * {@code contourfiles/<original_id>/i-contours/IM-0001-<NNNN>-icontour-manual.txt}, where NNNN = N
 * (the names are {@link SunnybrookTree}'s).
 * O-contours (epicardium) are not read: the label is the LV blood pool.
 *
 * <p>Plain Java, no Beam, and nothing is thrown for bad content: every problem found while listing
 * is a {@link DeadLetter} of stage {@value #STAGE}, one per file or link.csv row at fault:
 * <ul>
 *   <li>no link.csv under the root (source: the link.csv path);
 *   <li>a link.csv row that is not two folder names (source: {@code link.csv#line=N});
 *   <li>a row whose DICOM folder is missing (source: that folder; its contours are not looked at);
 *   <li>a row whose i-contour folder is missing (source: that folder; its images are still listed,
 *       unlabelled);
 *   <li>a file in a DICOM folder not named {@code <N>.dcm}, or a second file for the same N;
 *   <li>a contour file whose name has no image number, a second contour for the same image, or a
 *       contour whose {@code <N>.dcm} is not there (source: the contour file).
 * </ul>
 * Only file names are read here; contents are read later, by the workers.
 */
public final class SunnybrookLayout {
  public static final String STAGE = "sunnybrook-layout";


  private final List<SunnybrookItem> images;
  private final List<DeadLetter> problems;

  private SunnybrookLayout(List<SunnybrookItem> images, List<DeadLetter> problems) {
    this.images = Collections.unmodifiableList(images);
    this.problems = Collections.unmodifiableList(problems);
  }

  /** Lists the tree under root. Throws only when a folder that exists cannot be listed (I/O error). */
  public static SunnybrookLayout scan(Path root) throws IOException {
    List<SunnybrookItem> images = new ArrayList<>();
    List<DeadLetter> problems = new ArrayList<>();
    SunnybrookTree tree = new SunnybrookTree(root);
    Path link = tree.linkFile();
    if (!Files.isRegularFile(link)) {
      problems.add(new DeadLetter(link.toString(), STAGE, "no link.csv: not the root of a Sunnybrook tree"));
      return new SunnybrookLayout(images, problems);
    }
    List<String> lines = Files.readAllLines(link, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replace("\uFEFF", "").strip();
      if (line.isEmpty() || (i == 0 && line.equalsIgnoreCase(SunnybrookTree.LINK_HEADER))) {
        continue;
      }
      scanRow(tree, link, i + 1, line, images, problems);
    }
    return new SunnybrookLayout(images, problems);
  }

  /** Every image of every linked series, in link.csv then instance order, with its i-contour if any. */
  public List<SunnybrookItem> images() { return images; }

  /** Only the images that have an i-contour file. */
  public List<SunnybrookItem> labelledImages() {
    return images.stream().filter(SunnybrookItem::isLabelled).toList();
  }

  /** The problems found while listing, one dead letter each. */
  public List<DeadLetter> problems() { return problems; }

  private static void scanRow(SunnybrookTree tree, Path link, int lineNumber, String line, List<SunnybrookItem> images,
      List<DeadLetter> problems) throws IOException {
    String[] fields = line.split(",", -1);
    if (fields.length != 2 || !isFolderName(fields[0].strip()) || !isFolderName(fields[1].strip())) {
      problems.add(new DeadLetter(link + "#line=" + lineNumber, STAGE,
          "expected \"patient_id,original_id\" (two folder names), found " + fields.length + " field(s)"));
      return;
    }
    Path dicomFolder = tree.dicomFolder(fields[0].strip());
    Path contourFolder = tree.contourFolder(fields[1].strip(), SunnybrookTree.Contour.INNER);
    if (!Files.isDirectory(dicomFolder)) {
      problems.add(new DeadLetter(dicomFolder.toString(), STAGE, "link.csv line " + lineNumber
          + ": DICOM folder missing" + (Files.isDirectory(contourFolder) ? "; its contours are not read" : "")));
      return;
    }
    Map<Integer, Path> dicoms = listDicoms(dicomFolder, problems);
    Map<Integer, Path> contours = new TreeMap<>();
    if (Files.isDirectory(contourFolder)) {
      contours = listContours(contourFolder, dicoms, problems);
    } else {
      problems.add(new DeadLetter(contourFolder.toString(), STAGE, "link.csv line " + lineNumber
          + ": i-contour folder missing; the series' images have no labels"));
    }
    for (Map.Entry<Integer, Path> dicom : dicoms.entrySet()) {
      Path contour = contours.get(dicom.getKey());
      images.add(new SunnybrookItem(dicom.getValue().toString(), dicom.getKey(),
          contour == null ? null : contour.toString()));
    }
  }

  private static Map<Integer, Path> listDicoms(Path folder, List<DeadLetter> problems) throws IOException {
    Map<Integer, Path> byInstance = new TreeMap<>();
    for (Path file : sortedFiles(folder)) {
      Matcher m = SunnybrookTree.DICOM_NAME.matcher(file.getFileName().toString());
      if (!m.matches()) {
        problems.add(new DeadLetter(file.toString(), STAGE,
            "not named <InstanceNumber>.dcm: cannot be paired with a contour"));
      } else if (byInstance.putIfAbsent(Integer.parseInt(m.group(1)), file) != null) {
        problems.add(new DeadLetter(file.toString(), STAGE, "a second file for instance " + m.group(1)
            + " (first: " + byInstance.get(Integer.parseInt(m.group(1))).getFileName() + ")"));
      }
    }
    return byInstance;
  }

  private static Map<Integer, Path> listContours(Path folder, Map<Integer, Path> dicoms, List<DeadLetter> problems)
      throws IOException {
    Map<Integer, Path> byInstance = new TreeMap<>();
    for (Path file : sortedFiles(folder)) {
      Matcher m = SunnybrookTree.I_CONTOUR_NAME.matcher(file.getFileName().toString());
      if (!m.matches()) {
        problems.add(new DeadLetter(file.toString(), STAGE,
            "contour file name has no image number: expected IM-0001-<NNNN>-icontour-manual.txt"));
        continue;
      }
      int instance = Integer.parseInt(m.group(1));
      if (!dicoms.containsKey(instance)) {
        problems.add(new DeadLetter(file.toString(), STAGE,
            "contour for image " + instance + " but there is no " + instance + ".dcm in its DICOM folder"));
      } else if (byInstance.putIfAbsent(instance, file) != null) {
        problems.add(new DeadLetter(file.toString(), STAGE, "a second i-contour for image " + instance
            + " (first: " + byInstance.get(instance).getFileName() + ")"));
      }
    }
    return byInstance;
  }

  private static List<Path> sortedFiles(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** A single path component: link.csv must not point outside dicoms/ or contourfiles/. */
  private static boolean isFolderName(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
        && !name.contains("\\");
  }
}
