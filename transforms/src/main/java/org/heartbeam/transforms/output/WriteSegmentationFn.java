package org.heartbeam.transforms.output;

import com.pixelmed.dicom.AttributeList;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.heartbeam.model.image.SegmentedImage;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.dicom.seg.DicomSegWriter;

/**
 * Builds and writes the SEG of one series. A series that cannot be made into one consistent SEG
 * (mixed sizes or model versions, duplicate images) or cannot be written is one dead letter whose
 * source names the series by its sanitized UID.
 */
final class WriteSegmentationFn extends DoFn<KV<String, Iterable<SegmentedImage>>, WrittenFile> {
  private static final long serialVersionUID = 1L;
  /** Source headers tried before giving up on copying patient/study attributes. */
  private static final int HEADER_ATTEMPTS = 3;

  private final String outputDirectory;
  private final TupleTag<WrittenFile> writtenTag;
  private final Counter written = Metrics.counter(WriteSegmentations.class, WriteSegmentations.SERIES_WRITTEN);
  private final Counter dead = Metrics.counter(WriteSegmentations.class, WriteSegmentations.SERIES_DEAD_LETTERED);
  private final Counter withoutHeader = Metrics.counter(WriteSegmentations.class, WriteSegmentations.SERIES_WITHOUT_HEADER);
  private final Counter imagesInSeg = Metrics.counter(WriteSegmentations.class, WriteSegmentations.IMAGES_IN_SEG);
  private final Counter imagesDead = Metrics.counter(WriteSegmentations.class, WriteSegmentations.IMAGES_DEAD_LETTERED);

  private final boolean perModelVersion;

  WriteSegmentationFn(String outputDirectory, boolean perModelVersion, TupleTag<WrittenFile> writtenTag) {
    this.outputDirectory = outputDirectory;
    this.perModelVersion = perModelVersion;
    this.writtenTag = writtenTag;
  }

  @ProcessElement
  public void process(@Element KV<String, Iterable<SegmentedImage>> series, MultiOutputReceiver out) {
    List<SegmentedImage> images = new ArrayList<>();
    series.getValue().forEach(images::add);
    // From an image, not the key: the key may carry the model version too.
    String seriesName = SafeFileNames.forUid(images.get(0).image().seriesInstanceUid());
    try {
      List<SegmentedImage> ordered = DicomSegWriter.checkedAndOrdered(images);
      Optional<AttributeList> header = Optional.empty();
      for (int i = 0; i < Math.min(HEADER_ATTEMPTS, ordered.size()) && header.isEmpty(); i++) {
        header = SourceDicomHeader.read(ordered.get(i).image());
      }
      if (header.isEmpty()) {
        withoutHeader.inc();
      }
      byte[] seg = DicomSegWriter.write(ordered, header, LocalDateTime.now(ZoneOffset.UTC));
      String name = perModelVersion
          ? SafeFileNames.segmentation(ordered.get(0).image(), ordered.get(0).modelVersion())
          : SafeFileNames.segmentation(ordered.get(0).image());
      String path = OutputFiles.write(outputDirectory, name, seg,
          "application/dicom");
      written.inc();
      imagesInSeg.inc(images.size());
      out.get(writtenTag).output(
          new WrittenFile(WrittenFile.Kind.DICOM_SEG, path, seriesName, ordered.get(0).modelVersion(), seg.length));
    } catch (Exception e) {
      dead.inc();
      imagesDead.inc(images.size());
      out.get(WithDeadLetters.DEAD_LETTER_TAG).output(DeadLetter.of("series:" + seriesName, WriteSegmentations.STAGE, e));
    }
  }
}
