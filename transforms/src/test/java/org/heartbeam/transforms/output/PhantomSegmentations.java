package org.heartbeam.transforms.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.heartbeam.model.contour.ContourMask;
import org.heartbeam.model.contour.ContourParser;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.dicom.DicomFrameDecoder;
import org.heartbeam.phantom.ContouredPhases;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;

/**
 * Real inputs for output tests, without a model: the synthetic phantom's DICOM files decoded by the
 * production decoder, labelled with their expert i-contours, and "predicted" by the label itself or
 * a copy shifted right by {@link #SHIFT} columns.
 */
public final class PhantomSegmentations {
  static final int SLICES = 3;
  static final int PHASES = 4;
  static final int SIZE = 128;
  static final int SHIFT = 3;
  public static final String MODEL = "lv-unet@test-7";

  private PhantomSegmentations() {}

  /** Generates one patient under {@code dir/phantom} and returns its images, labelled, in file order. */
  public static List<LabeledImage> labelled(Path dir) throws Exception {
    Path root = dir.resolve("phantom");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).slices(SLICES).phases(PHASES)
        .rows(SIZE).cols(SIZE).seed(11).contouredPhases(ContouredPhases.ALL).build(), root);
    Path dicomDir;
    Path contourDir;
    try (Stream<Path> d = Files.list(root.resolve("dicoms")); Stream<Path> c = Files.list(root.resolve("contourfiles"))) {
      dicomDir = d.findFirst().orElseThrow();
      contourDir = c.findFirst().orElseThrow().resolve("i-contours");
    }
    List<LabeledImage> images = new ArrayList<>();
    for (int instance = 1; instance <= SLICES * PHASES; instance++) {
      Path file = dicomDir.resolve(instance + ".dcm");
      CardiacImage image = DicomFrameDecoder.decode(Files.readAllBytes(file), file.toString()).get(0);
      Path contour = contourDir.resolve(String.format(Locale.ROOT, "IM-0001-%04d-icontour-manual.txt", instance));
      Mask label = ContourMask.fill(ContourParser.parse(Files.readAllBytes(contour)), image.rows(), image.columns());
      images.add(LabeledImage.labeled(image, label));
    }
    return images;
  }

  /** Predicted = the expert label itself. */
  public static List<SegmentedImage> exact(List<LabeledImage> images) {
    return images.stream().map(l -> SegmentedImage.of(l, l.label().orElseThrow(), MODEL)).toList();
  }

  /** Predicted = the expert label shifted right by {@link #SHIFT} columns. */
  public static List<SegmentedImage> shifted(List<LabeledImage> images) {
    return images.stream().map(l -> SegmentedImage.of(l, shift(l.label().orElseThrow(), SHIFT), MODEL)).toList();
  }

  static Mask shift(Mask mask, int columns) {
    byte[] out = new byte[mask.values().length];
    for (int r = 0; r < mask.rows(); r++) {
      for (int c = 0; c < mask.columns(); c++) {
        int from = c - columns;
        if (from >= 0 && from < mask.columns() && mask.get(r, from)) {
          out[r * mask.columns() + c] = 1;
        }
      }
    }
    return new Mask(mask.rows(), mask.columns(), out);
  }

  /** Like a TFRecord image: pixels and spacing, no UIDs, a record name as source. */
  static SegmentedImage withoutUids(SegmentedImage from, String recordName) {
    CardiacImage image = CardiacImage.builder().size(from.image().rows(), from.image().columns())
        .pixels(from.image().pixels()).geometry(ImageGeometry.ofSpacing(1.25)).sourceUri(recordName).build();
    return SegmentedImage.of(LabeledImage.unlabeled(image), from.predicted(), MODEL);
  }

  /** The same image with hostile identifiers, as a crafted header could give. */
  static SegmentedImage withHostileUids(SegmentedImage from) {
    CardiacImage image = from.image().toBuilder().studyInstanceUid("../../etc").seriesInstanceUid("/tmp/x\u0000\n")
        .sopInstanceUid("1.2.3/../../../passwd").sourceUri("../../etc/passwd").build();
    return SegmentedImage.of(LabeledImage.unlabeled(image), from.predicted(), MODEL);
  }
}
