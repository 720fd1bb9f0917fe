package org.heartbeam.transforms.dicom;

import java.util.List;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.heartbeam.dicom.DicomDataSet;
import org.heartbeam.dicom.DicomDecodeException;
import org.heartbeam.dicom.DicomFrameDecoder;

/**
 * Reads one file whole and decodes it: its frames to the main output, or one dead letter naming the
 * file. Never throws for a bad file: a pipeline over an archive must survive its worst file.
 */
final class DecodeDicomFileFn extends DoFn<FileIO.ReadableFile, CardiacImage> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DecodeDicomFileFn.class);

  private final TupleTag<CardiacImage> imagesTag;
  private final Counter filesRead = Metrics.counter(ReadDicomFiles.class, "filesRead");
  private final Counter filesDecoded = Metrics.counter(ReadDicomFiles.class, "filesDecoded");
  private final Counter framesEmitted = Metrics.counter(ReadDicomFiles.class, "framesEmitted");
  private final Counter filesDeadLettered = Metrics.counter(ReadDicomFiles.class, "filesDeadLettered");

  DecodeDicomFileFn(TupleTag<CardiacImage> imagesTag) {
    this.imagesTag = imagesTag;
  }

  @ProcessElement
  public void processElement(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String source = file.getMetadata().resourceId().toString();
    filesRead.inc();
    byte[] bytes;
    try {
      bytes = file.readFullyAsBytes();
    } catch (Exception | OutOfMemoryError e) {
      // OutOfMemoryError: a file too large for one byte array (> 2 GiB) is this file's problem.
      deadLetter(out, source, "cannot read file: " + DicomDataSet.oneLine(e));
      return;
    }
    List<CardiacImage> images;
    try {
      images = DicomFrameDecoder.decode(bytes, source);
    } catch (DicomDecodeException e) {
      deadLetter(out, source, e.getMessage());
      return;
    }
    filesDecoded.inc();
    for (CardiacImage image : images) {
      out.get(imagesTag).output(image);
      framesEmitted.inc();
    }
  }

  private void deadLetter(MultiOutputReceiver out, String source, String reason) {
    filesDeadLettered.inc();
    LOG.debug("{} refused {}: {}", ReadDicomFiles.STAGE, source, reason);
    out.get(WithDeadLetters.DEAD_LETTER_TAG).output(new DeadLetter(source, ReadDicomFiles.STAGE, reason));
  }
}
