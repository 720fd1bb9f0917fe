package org.heartbeam.transforms.sunnybrook;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each file of a Sunnybrook Cardiac Data tree lives, for both directions: {@link
 * SunnybrookLayout} reads a tree by these names, the synthetic phantom writes one by them.
 *
 * <pre>
 * link.csv                                                   patient_id,original_id (header optional)
 * dicoms/&lt;patient_id&gt;/&lt;N&gt;.dcm                               N = InstanceNumber
 * contourfiles/&lt;original_id&gt;/i-contours/IM-0001-&lt;NNNN&gt;-icontour-manual.txt   endocardium, NNNN = N
 * contourfiles/&lt;original_id&gt;/o-contours/IM-0001-&lt;NNNN&gt;-ocontour-manual.txt   epicardium
 * </pre>
 */
public final class SunnybrookTree {
  public static final String LINK_FILE = "link.csv";
  public static final String LINK_HEADER = "patient_id,original_id";
  /** {@code <N>.dcm}; group 1 is the InstanceNumber. */
  public static final Pattern DICOM_NAME = Pattern.compile("(\\d{1,9})\\.dcm");
  /** {@code IM-0001-<NNNN>-icontour-manual.txt}; group 1 is the image's InstanceNumber. */
  public static final Pattern I_CONTOUR_NAME = Pattern.compile("IM-\\d+-(\\d{1,9})-icontour-manual\\.txt");

  /** Which wall a contour file traces: i (endocardium, the LV blood pool's edge) or o (epicardium). */
  public enum Contour {
    INNER("i"), OUTER("o");

    private final String letter;

    Contour(String letter) {
      this.letter = letter;
    }
  }

  private final Path root;

  public SunnybrookTree(Path root) {
    this.root = root;
  }

  public Path root() { return root; }

  public Path linkFile() {
    return root.resolve(LINK_FILE);
  }

  public Path dicomFolder(String patientId) {
    return root.resolve("dicoms").resolve(patientId);
  }

  /** {@code <N>.dcm}. */
  public static String dicomFileName(int instance) {
    return instance + ".dcm";
  }

  public Path contourFolder(String originalId, Contour contour) {
    return root.resolve("contourfiles").resolve(originalId).resolve(contour.letter + "-contours");
  }

  public Path contourFile(String originalId, Contour contour, int instance) {
    return contourFolder(originalId, contour).resolve(String.format(Locale.ROOT, "IM-0001-%04d-%scontour-manual.txt",
        instance, contour.letter));
  }

  /** Writes {@code link.csv} with its header: one {@code patient_id,original_id} line per entry, in order. */
  public void writeLink(Map<String, String> originalIdByPatientId) throws IOException {
    Files.createDirectories(root);
    try (Writer w = Files.newBufferedWriter(linkFile(), StandardCharsets.US_ASCII)) {
      w.write(LINK_HEADER + "\n");
      for (Map.Entry<String, String> patient : originalIdByPatientId.entrySet()) {
        w.write(patient.getKey() + "," + patient.getValue() + "\n");
      }
    }
  }
}
