package org.heartbeam.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;

/**
 * Decodes one DICOM file into one {@link CardiacImage} per frame.
 *
 * <p>Reads greyscale (MONOCHROME2) images with 8- or 16-bit samples, signed or unsigned, applying
 * RescaleSlope/Intercept; single-frame (MR, CT, Secondary Capture), legacy multi-frame (geometry at
 * the top level) and Enhanced MR (geometry, trigger time, phase and rescale from the per-frame
 * functional groups, falling back to the shared ones). Transfer syntaxes (measured in
 * DicomTransferSyntaxTest): implicit and explicit VR little endian, deflated explicit VR little
 * endian, explicit VR big endian, RLE Lossless, and 8-bit JPEG Baseline (lossy, via the JDK's JPEG
 * reader). JPEG Lossless, JPEG-LS, JPEG 2000 and 12-bit JPEG need ImageIO codecs that are not on
 * the classpath, and are refused naming the transfer syntax; so is any UID PixelMed does not know.
 *
 * <p>MONOCHROME1 is refused rather than inverted: its stored values would have to be inverted about
 * a range the file does not reliably state, and a guessed inversion would silently change the
 * modality values the model is trained on. Convert such files explicitly.
 *
 * <p>Every failure, whatever the input bytes, is a {@link DicomDecodeException} with a one-line reason.
 * For multi-frame files, frame N (0-based, as {@link CardiacImage#frameIndex()}) gets the source
 * {@code sourceUri + "#frame=N"}.
 */
public final class DicomFrameDecoder {
  private DicomFrameDecoder() {}

  public static List<CardiacImage> decode(byte[] bytes, String sourceUri) throws DicomDecodeException {
    try {
      return decode(DicomDataSet.read(bytes, true), sourceUri);
    } catch (DicomDecodeException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      // PixelMed on hostile bytes can throw anything (NegativeArraySize, IndexOutOfBounds, ...).
      throw new DicomDecodeException("corrupt DICOM file: " + DicomDataSet.oneLine(e), e);
    } catch (OutOfMemoryError e) {
      throw new DicomDecodeException("corrupt DICOM file: it declares a value too large to read", e);
    }
  }

  private static List<CardiacImage> decode(AttributeList list, String sourceUri) throws DicomDecodeException {
    requireImageSopClass(list);
    if (list.getPixelData() == null) {
      throw new DicomDecodeException("no PixelData: the file holds no image");
    }
    requireGreyscale(list);
    int rows = AttributeListValues.integer(list, TagFromName.Rows, 0);
    int columns = AttributeListValues.integer(list, TagFromName.Columns, 0);
    int frames = AttributeListValues.integer(list, TagFromName.NumberOfFrames, 1);
    if (rows <= 0 || columns <= 0) {
      throw new DicomDecodeException("Rows and Columns must be > 0, found " + rows + "x" + columns);
    }
    if (frames <= 0) {
      throw new DicomDecodeException("NumberOfFrames must be > 0, found " + frames);
    }
    int[] stored = StoredPixels.read(list, rows, columns, frames);
    FunctionalGroups groups = new FunctionalGroups(list);
    int framePixels = rows * columns;
    List<CardiacImage> images = new ArrayList<>(frames);
    for (int frame = 0; frame < frames; frame++) {
      FrameMetadata metadata = FrameMetadata.of(list, groups, frame);
      float[] pixels = new float[framePixels];
      int offset = frame * framePixels;
      for (int i = 0; i < framePixels; i++) {
        pixels[i] = (float) (stored[offset + i] * metadata.rescaleSlope + metadata.rescaleIntercept);
      }
      String frameUri = frames > 1 ? sourceUri + "#frame=" + frame : sourceUri;
      images.add(build(list, metadata, rows, columns, pixels, frame, frameUri));
    }
    return images;
  }

  private static CardiacImage build(AttributeList list, FrameMetadata metadata, int rows, int columns,
      float[] pixels, int frame, String sourceUri) throws DicomDecodeException {
    try {
      ImageGeometry geometry = new ImageGeometry(metadata.pixelSpacing[0], metadata.pixelSpacing[1],
          metadata.sliceThicknessMm, metadata.imagePosition, metadata.imageOrientation, metadata.sliceLocationMm);
      return CardiacImage.builder()
          .size(rows, columns)
          .pixels(pixels)
          .geometry(geometry)
          .triggerTimeMs(metadata.triggerTimeMs)
          .phaseIndex(metadata.phaseIndex)
          .instanceNumber(AttributeListValues.integer(list, TagFromName.InstanceNumber, -1))
          .frameIndex(frame)
          .patientId(AttributeListValues.string(list, TagFromName.PatientID))
          .studyInstanceUid(AttributeListValues.string(list, TagFromName.StudyInstanceUID))
          .seriesInstanceUid(AttributeListValues.string(list, TagFromName.SeriesInstanceUID))
          .sopInstanceUid(AttributeListValues.string(list, TagFromName.SOPInstanceUID))
          .sourceUri(sourceUri)
          .build();
    } catch (IllegalArgumentException e) {
      throw new DicomDecodeException("invalid image metadata in frame " + frame + ": " + e.getMessage(), e);
    }
  }

  /** The SOP class (from the data set, else the file meta information), or "". */
  static String sopClassUid(AttributeList list) {
    String uid = AttributeListValues.string(list, TagFromName.SOPClassUID);
    return uid.isEmpty() ? AttributeListValues.string(list, TagFromName.MediaStorageSOPClassUID) : uid;
  }

  private static void requireImageSopClass(AttributeList list) throws DicomDecodeException {
    String uid = sopClassUid(list);
    if (uid.isEmpty() || SOPClass.isImageStorage(uid)) {
      return;
    }
    String name = SOPClassDescriptions.getDescriptionFromUID(uid);
    String what = SOPClass.isDirectory(uid) ? "a DICOMDIR (media directory), not an image: read the image files it lists"
        : SOPClass.isStructuredReport(uid) ? "a structured report, not an image"
        : SOPClass.isPresentationState(uid) ? "a presentation state, not an image"
        : "not an image storage class";
    throw new DicomDecodeException("SOP class " + DicomDataSet.printable(uid)
        + (name == null || name.isEmpty() ? "" : " (" + name + ")") + " is " + what);
  }

  private static void requireGreyscale(AttributeList list) throws DicomDecodeException {
    int samplesPerPixel = AttributeListValues.integer(list, TagFromName.SamplesPerPixel, 1);
    String photometric = AttributeListValues.string(list, TagFromName.PhotometricInterpretation);
    if (samplesPerPixel != 1 || !(photometric.isEmpty() || photometric.startsWith("MONOCHROME"))) {
      throw new DicomDecodeException("colour image (PhotometricInterpretation " + photometric + ", SamplesPerPixel "
          + samplesPerPixel + "): only greyscale MONOCHROME2 images are supported");
    }
    if ("MONOCHROME1".equals(photometric)) {
      throw new DicomDecodeException("MONOCHROME1 (inverted greyscale) is not supported: convert the file to"
          + " MONOCHROME2 first");
    }
  }
}
