package org.heartbeam.transforms.output;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.heartbeam.model.image.CardiacImage;

/**
 * Re-reads the header (everything before the pixel data) of the DICOM file an image came from, for
 * the patient and study attributes a SEG must copy and the image does not carry. Read through Beam's
 * {@link FileSystems}, so it works wherever the inputs were read from.
 *
 * <p>The source URI is not trusted: the header is used only when the file parses as DICOM and its
 * SOP Instance UID is the image's own; anything else (a moved file, a TFRecord name, a hostile path)
 * gives an empty result, never an error.
 */
public final class SourceDicomHeader {
  private static final String FRAME_SUFFIX = "#frame=";
  private static final int PREAMBLE = 128;
  private static final int PREAMBLE_AND_MAGIC = PREAMBLE + 4;

  private SourceDicomHeader() {}

  public static Optional<AttributeList> read(CardiacImage image) {
    if (image.sopInstanceUid().isEmpty()) {
      return Optional.empty();
    }
    String uri = image.sourceUri();
    int frame = uri.lastIndexOf(FRAME_SUFFIX);
    String file = frame >= 0 ? uri.substring(0, frame) : uri;
    try {
      MatchResult.Metadata metadata = FileSystems.matchSingleFileSpec(file);
      AttributeList list = new AttributeList();
      try (InputStream in = new BufferedInputStream(Channels.newInputStream(FileSystems.open(metadata.resourceId())))) {
        // Only Part 10 files: PixelMed trusts declared lengths, so arbitrary bytes are not handed to it.
        in.mark(PREAMBLE_AND_MAGIC);
        byte[] start = in.readNBytes(PREAMBLE_AND_MAGIC);
        if (start.length < PREAMBLE_AND_MAGIC || !new String(start, PREAMBLE, 4, StandardCharsets.US_ASCII).equals("DICM")) {
          return Optional.empty();
        }
        in.reset();
        try (DicomInputStream dicom = new DicomInputStream(in)) {
          list.read(dicom, TagFromName.PixelData);
        }
      }
      String sop = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID).trim();
      return sop.equals(image.sopInstanceUid()) ? Optional.of(list) : Optional.empty();
    } catch (Exception | StackOverflowError e) {
      // Unreadable or not the same instance: the SEG is still written, from what the image holds.
      return Optional.empty();
    }
  }
}
