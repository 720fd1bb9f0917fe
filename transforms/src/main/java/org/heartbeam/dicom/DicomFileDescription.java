package org.heartbeam.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.heartbeam.model.image.PatientKey;

/**
 * A few human lines about a DICOM file, for the CLI's {@code inspect}: what it is, how it is
 * encoded, its size and geometry (first frame, for Enhanced objects), and whether
 * {@link DicomFrameDecoder} takes it. The patient appears only as a key (a short hash of the
 * PatientID, as PatientKey makes it: the same in manifests), never as the ID itself.
 *
 * <p>Compressed pixel data is not decompressed to describe a file, so files the decoder refuses
 * for their transfer syntax are still described.
 */
public final class DicomFileDescription {
  private DicomFileDescription() {}

  /** @throws DicomDecodeException when the bytes are not a readable DICOM file at all */
  /** Whether the bytes start like a DICOM Part 10 file (preamble + "DICM"). */
  public static boolean looksLikeDicom(byte[] head) {
    return DicomDataSet.hasPreamble(head);
  }

  public static List<String> describe(byte[] bytes) throws DicomDecodeException {
    AttributeList list;
    try {
      list = DicomDataSet.read(bytes, false);
    } catch (DicomDecodeException e) {
      throw e;
    } catch (Exception | StackOverflowError e) {
      throw new DicomDecodeException("corrupt DICOM file: " + DicomDataSet.oneLine(e), e);
    }
    FunctionalGroups groups = new FunctionalGroups(list);
    List<String> lines = new ArrayList<>();
    String sopClass = DicomFrameDecoder.sopClassUid(list);
    String sopName = sopClass.isEmpty() ? "" : SOPClassDescriptions.getDescriptionFromUID(sopClass);
    lines.add("SOP class:        " + (sopClass.isEmpty() ? "unknown" : orUid(sopName, sopClass)));
    lines.add("Modality:         " + orUnknown(AttributeListValues.string(list, TagFromName.Modality)));
    String transferSyntax = AttributeListValues.string(list, TagFromName.TransferSyntaxUID);
    lines.add("Transfer syntax:  " + (transferSyntax.isEmpty() ? "none (bare data set)"
        : DicomDataSet.describeTransferSyntax(transferSyntax)));
    int rows = AttributeListValues.integer(list, TagFromName.Rows, -1);
    int columns = AttributeListValues.integer(list, TagFromName.Columns, -1);
    lines.add("Size:             " + (rows < 0 ? "no image" : rows + " rows x " + columns + " columns")
        + ", " + AttributeListValues.integer(list, TagFromName.NumberOfFrames, 1) + " frame(s)");
    lines.add("Pixels:           " + pixels(list));
    double slope = AttributeListValues.number(
        groups.find(0, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, TagFromName.RescaleSlope));
    double intercept = AttributeListValues.number(
        groups.find(0, DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, TagFromName.RescaleIntercept));
    lines.add("Rescale:          " + (Double.isNaN(slope) && Double.isNaN(intercept) ? "none"
        : "slope " + number(Double.isNaN(slope) ? 1 : slope) + ", intercept "
            + number(Double.isNaN(intercept) ? 0 : intercept)));
    double[] spacing = AttributeListValues.numbers(
        groups.find(0, DicomTags.PIXEL_MEASURES_SEQUENCE, TagFromName.PixelSpacing));
    lines.add("Pixel spacing:    " + (spacing == null || spacing.length < 2 ? "MISSING (required to decode)"
        : number(spacing[0]) + " x " + number(spacing[1]) + " mm (row x column)"));
    double thickness = AttributeListValues.number(
        groups.find(0, DicomTags.PIXEL_MEASURES_SEQUENCE, TagFromName.SliceThickness));
    lines.add("Slice thickness:  " + (Double.isNaN(thickness) ? "unknown" : number(thickness) + " mm"));
    boolean position = groups.find(0, DicomTags.PLANE_POSITION_SEQUENCE, TagFromName.ImagePositionPatient) != null;
    boolean orientation =
        groups.find(0, DicomTags.PLANE_ORIENTATION_SEQUENCE, TagFromName.ImageOrientationPatient) != null;
    lines.add("Position:         " + (position ? "present" : "absent") + ", orientation: "
        + (orientation ? "present" : "absent"));
    double trigger = AttributeListValues.number(
        groups.find(0, DicomTags.CARDIAC_SYNCHRONIZATION_SEQUENCE, DicomTags.NOMINAL_CARDIAC_TRIGGER_DELAY_TIME));
    if (Double.isNaN(trigger)) {
      trigger = AttributeListValues.number(list.get(TagFromName.TriggerTime));
    }
    lines.add("Trigger time:     " + (Double.isNaN(trigger) ? "unknown" : number(trigger) + " ms"));
    String patientId = AttributeListValues.string(list, TagFromName.PatientID);
    lines.add("Patient key:      " + (patientId.isEmpty() ? "none (no PatientID)" : PatientKey.of(patientId)));
    lines.add("Decodes:          " + decodes(bytes));
    return lines;
  }

  private static String pixels(AttributeList list) {
    if (list.getPixelData() == null) {
      return "no PixelData";
    }
    int allocated = AttributeListValues.integer(list, TagFromName.BitsAllocated, -1);
    int stored = AttributeListValues.integer(list, TagFromName.BitsStored, allocated);
    boolean signed = AttributeListValues.integer(list, TagFromName.PixelRepresentation, 0) == 1;
    return allocated + " bits allocated, " + stored + " stored, " + (signed ? "signed" : "unsigned") + ", "
        + orUnknown(AttributeListValues.string(list, TagFromName.PhotometricInterpretation)) + ", "
        + AttributeListValues.integer(list, TagFromName.SamplesPerPixel, 1) + " sample(s) per pixel";
  }

  private static String decodes(byte[] bytes) {
    try {
      return "yes, " + DicomFrameDecoder.decode(bytes, "inspect").size() + " image(s)";
    } catch (DicomDecodeException e) {
      return "no: " + e.getMessage();
    }
  }

  private static String number(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "unknown" : DicomDataSet.printable(value);
  }

  private static String orUid(String name, String uid) {
    return name == null || name.isEmpty() ? DicomDataSet.printable(uid) : name + " (" + uid + ")";
  }

  /** For callers that want the description as one block of text. */
  public static String describeAsText(byte[] bytes) throws DicomDecodeException {
    return String.join(System.lineSeparator(), describe(bytes));
  }
}
