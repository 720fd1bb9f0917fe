package org.heartbeam.transforms.sunnybrook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.contour.Contour;
import org.heartbeam.model.contour.ContourFormatException;
import org.heartbeam.model.contour.ContourMask;
import org.heartbeam.model.contour.ContourParser;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.LabeledImage;
import org.heartbeam.model.image.Mask;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.dicom.DicomDecodeException;
import org.heartbeam.dicom.DicomFrameDecoder;

/**
 * Reads one {@link SunnybrookItem}: parses its i-contour, decodes its DICOM file and fills the contour
 * into the image's grid. See {@link ReadSunnybrook} for what becomes a dead letter and how the counts
 * reconcile.
 */
final class ReadSunnybrookItemFn extends DoFn<SunnybrookItem, LabeledImage> {
  private final TupleTag<LabeledImage> imageTag;
  private final boolean withUnlabelled;
  private final Counter considered = Metrics.counter(ReadSunnybrook.class, ReadSunnybrook.ITEMS_CONSIDERED);
  private final Counter labelled = Metrics.counter(ReadSunnybrook.class, ReadSunnybrook.EMITTED_LABELLED);
  private final Counter unlabelled = Metrics.counter(ReadSunnybrook.class, ReadSunnybrook.EMITTED_UNLABELLED);
  private final Counter dead = Metrics.counter(ReadSunnybrook.class, ReadSunnybrook.DEAD_LETTERED);

  ReadSunnybrookItemFn(TupleTag<LabeledImage> imageTag, boolean withUnlabelled) {
    this.imageTag = imageTag;
    this.withUnlabelled = withUnlabelled;
  }

  @ProcessElement
  public void process(@Element SunnybrookItem item, MultiOutputReceiver out) {
    Contour contour = null;
    if (item.isLabelled()) {
      String contourPath = item.iContourPath().get();
      try {
        contour = readContour(contourPath);
      } catch (IOException | ContourFormatException | OutOfMemoryError e) {
        // OutOfMemoryError: a file too large for one byte array is that file's problem, not the run's.
        if (!refuseContour(contourPath, e instanceof ContourFormatException ? e.getMessage() : oneLine(e), out)) {
          return;
        }
      }
    }
    CardiacImage image;
    try {
      image = decode(item);
    } catch (IOException | DicomDecodeException | OutOfMemoryError e) {
      deadLetter(out, new DeadLetter(item.dicomPath(), ReadSunnybrook.STAGE_DICOM, oneLine(e)));
      return;
    }
    if (contour == null) {
      emit(out, LabeledImage.unlabeled(image));
      return;
    }
    Mask mask;
    try {
      mask = ContourMask.fill(contour, image.rows(), image.columns());
    } catch (ContourFormatException misfit) {
      if (refuseContour(item.iContourPath().get(), misfit.getMessage(), out)) {
        emit(out, LabeledImage.unlabeled(image));
      }
      return;
    }
    emit(out, LabeledImage.labeled(image, mask));
  }

  /**
   * Dead-letters an unusable contour. Returns whether its image is still wanted (withUnlabelled): then
   * the contour has become an item of its own, counted here, and the image goes on unlabelled.
   */
  private boolean refuseContour(String contourPath, String reason, MultiOutputReceiver out) {
    deadLetter(out, new DeadLetter(contourPath, ReadSunnybrook.STAGE_CONTOUR, reason));
    if (withUnlabelled) {
      considered.inc();
    }
    return withUnlabelled;
  }

  private static Contour readContour(String path) throws IOException, ContourFormatException {
    return ContourParser.parse(Files.readAllBytes(Path.of(path)));
  }

  private static CardiacImage decode(SunnybrookItem item) throws IOException, DicomDecodeException {
    List<CardiacImage> frames = DicomFrameDecoder.decode(Files.readAllBytes(Path.of(item.dicomPath())),
        item.dicomPath());
    if (frames.size() != 1) {
      throw new DicomDecodeException("expected one frame per Sunnybrook file, found " + frames.size());
    }
    CardiacImage image = frames.get(0);
    // The pairing trusts the file name; a file whose own InstanceNumber disagrees would get another
    // image's contour.
    if (image.instanceNumber() >= 0 && image.instanceNumber() != item.instanceNumber()) {
      throw new DicomDecodeException("InstanceNumber " + image.instanceNumber() + " does not match the file name "
          + item.instanceNumber() + ".dcm, so its contour cannot be trusted to belong to it");
    }
    return image;
  }

  private void emit(MultiOutputReceiver out, LabeledImage image) {
    (image.isLabeled() ? labelled : unlabelled).inc();
    out.get(imageTag).output(image);
  }

  private void deadLetter(MultiOutputReceiver out, DeadLetter letter) {
    dead.inc();
    out.get(WithDeadLetters.DEAD_LETTER_TAG).output(letter);
  }

  private static String oneLine(Throwable e) {
    return e instanceof DicomDecodeException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
