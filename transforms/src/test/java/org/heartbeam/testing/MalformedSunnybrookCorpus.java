package org.heartbeam.testing;

import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Sunnybrook tree, written into a test's temporary folder (never into the repository), with
 * one of each broken item next to good ones. Images are 32 x 32 MR files written with PixelMed
 * ({@link TestDicomFile}), their InstanceNumber matching their file name.
 *
 * <pre>
 * link.csv                 header, "P1,C1", and "P9,C9" whose folders do not exist
 * dicoms/P1/1..5,7,8,10,11.dcm   images; 6.dcm is not DICOM
 * contourfiles/C1/i-contours/
 *   IM-0001-0001  good: rectangle x 4..20, y 8..12 (64 pixels: rows 8-11, columns 4-19)
 *   IM-0001-0002  good: triangle
 *   IM-0001-0003  garbage text             IM-0001-0004  empty file
 *   IM-0001-0005  two points               IM-0001-0006  good, but 6.dcm is corrupt
 *   IM-0001-0007  reaches x = 200: does not fit a 32 x 32 image
 *   IM-0001-0009  good, but there is no 9.dcm
 *   IM-0001-0010  a triangle between pixel centres: encloses none
 *   IM-0001-0011  good, but 11.dcm says it is InstanceNumber 12
 *   IM-0001-abcd-icontour-manual.txt      no image number
 * </pre>
 * Image 8 has no contour.
 */
public final class MalformedSunnybrookCorpus {
  public static final int SIZE = 32;

  private final Path root;

  private MalformedSunnybrookCorpus(Path root) { this.root = root; }

  public static MalformedSunnybrookCorpus write(Path root) throws IOException {
    MalformedSunnybrookCorpus corpus = new MalformedSunnybrookCorpus(root);
    Files.writeString(root.resolve("link.csv"), "patient_id,original_id\nP1,C1\nP9,C9\n");
    Files.createDirectories(corpus.contours());
    Files.createDirectories(corpus.dicom(1).getParent());
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 8, 10}) {
      Files.write(corpus.dicom(n), mrImage(n));
    }
    Files.write(corpus.dicom(11), mrImage(12));
    Files.write(corpus.dicom(6), "this is not a DICOM file, only some text".getBytes(StandardCharsets.US_ASCII));
    corpus.contour(1, "4 8\n20 8\n20 12\n4 12\n");
    corpus.contour(2, "10.5 10.5\n\n25.5 10.5\n10.5 25.5\n");
    corpus.contour(3, "bad contour, drawn by hand\n1 2\n");
    corpus.contour(4, "");
    corpus.contour(5, "1 1\n5 5\n");
    corpus.contour(6, "4 4\n12 4\n12 12\n");
    corpus.contour(7, "4 4\n200 4\n200 12\n");
    corpus.contour(9, "4 4\n12 4\n12 12\n");
    corpus.contour(10, "2.1 2.1\n2.9 2.1\n2.9 2.9\n");
    corpus.contour(11, "4 4\n12 4\n12 12\n");
    Files.writeString(corpus.contours().resolve("IM-0001-abcd-icontour-manual.txt"), "4 4\n12 4\n12 12\n");
    return corpus;
  }

  public Path root() { return root; }

  public Path dicom(int instance) { return root.resolve("dicoms").resolve("P1").resolve(instance + ".dcm"); }

  public Path contour(int instance) {
    return contours().resolve(String.format("IM-0001-%04d-icontour-manual.txt", instance));
  }

  public Path contourWithoutNumber() { return contours().resolve("IM-0001-abcd-icontour-manual.txt"); }

  /** The DICOM folder of link.csv's second row, which does not exist. */
  public Path missingDicomFolder() { return root.resolve("dicoms").resolve("P9"); }

  private Path contours() { return root.resolve("contourfiles").resolve("C1").resolve("i-contours"); }

  private void contour(int instance, String text) throws IOException {
    Files.writeString(contour(instance), text);
  }

  /** A 16-bit signed MR image whose pixel (r, c) holds r * 100 + c, with this InstanceNumber. */
  private static byte[] mrImage(int instance) {
    short[] pixels = new short[SIZE * SIZE];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (short) ((i / SIZE) * 100 + i % SIZE);
    }
    return TestDicomFile.mr(SIZE, SIZE, pixels)
        .put(TagFromName.InstanceNumber, String.valueOf(instance))
        .put(TagFromName.TriggerTime, String.valueOf(40.0 * instance))
        .bytes();
  }
}
