package org.heartbeam.phantom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.DecimalStringAttribute;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.IntegerStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.ShortStringAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TimeAttribute;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heartbeam.dicom.DicomTags;
import org.heartbeam.transforms.sunnybrook.SunnybrookTree;

/**
 * Writes one synthetic cine frame as an MR Image Storage object, explicit VR little endian, 16-bit
 * signed like the Sunnybrook files, with the cine attributes readers sort by (TriggerTime,
 * TemporalPositionIdentifier, InstanceNumber = slice * phases + phase + 1). Identity is clearly
 * synthetic; UIDs come from the seed and dates are fixed, so the bytes are reproducible.
 */
final class PhantomDicomWriter {
  /** A fixed, obviously synthetic acquisition date and time. */
  private static final String DATE = "20000101";
  private static final String TIME = "120000";

  // Debian's PixelMed TagFromName lacks these MR and cine tags; defined by (group, element).

  private final PhantomPatient patient;
  private final long seed;
  private final String studyUid;
  private final String seriesUid;
  private final String frameOfReferenceUid;

  PhantomDicomWriter(PhantomPatient patient, long seed) {
    this.patient = patient;
    this.seed = seed;
    String key = "patient/" + patient.index;
    this.studyUid = DeterministicUids.uid(seed, key + "/study");
    this.seriesUid = DeterministicUids.uid(seed, key + "/series");
    this.frameOfReferenceUid = DeterministicUids.uid(seed, key + "/frame-of-reference");
  }

  static int instanceNumber(int slice, int phase, int phases) {
    return slice * phases + phase + 1;
  }

  /** Writes {@code dir/<InstanceNumber>.dcm} and returns its path. */
  Path write(Path dir, int slice, int phase, short[] pixels) throws IOException {
    int instance = instanceNumber(slice, phase, patient.phases);
    Path file = dir.resolve(SunnybrookTree.dicomFileName(instance));
    try {
      AttributeList list = attributes(slice, phase, instance, pixels);
      Files.createDirectories(dir);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      }
    } catch (DicomException e) {
      throw new IOException("cannot build DICOM for " + file.getFileName() + ": " + e.getMessage(), e);
    }
    return file;
  }

  private AttributeList attributes(int slice, int phase, int instance, short[] pixels) throws DicomException {
    PhantomPatient p = patient;
    String sopUid = DeterministicUids.uid(seed, "patient/" + p.index + "/image/" + instance);
    AttributeList a = new AttributeList();
    // SOP common, patient, study, series, equipment
    cs(a, TagFromName.SpecificCharacterSet, "ISO_IR 100");
    ui(a, TagFromName.SOPClassUID, SOPClass.MRImageStorage);
    ui(a, TagFromName.SOPInstanceUID, sopUid);
    cs(a, TagFromName.ImageType, "ORIGINAL", "PRIMARY", "OTHER");
    da(a, TagFromName.StudyDate, DATE);
    da(a, TagFromName.SeriesDate, DATE);
    da(a, TagFromName.ContentDate, DATE);
    tm(a, TagFromName.StudyTime, TIME);
    tm(a, TagFromName.SeriesTime, TIME);
    tm(a, TagFromName.ContentTime, TIME);
    sh(a, TagFromName.AccessionNumber, "");
    cs(a, TagFromName.Modality, "MR");
    lo(a, TagFromName.Manufacturer, "HeartBeam synthetic phantom");
    pn(a, TagFromName.ReferringPhysicianName, "");
    lo(a, TagFromName.StudyDescription, "SYNTHETIC cine short axis");
    lo(a, TagFromName.SeriesDescription, "SYNTHETIC SAX cine");
    pn(a, TagFromName.PatientName, "SYNTHETIC^PHANTOM" + p.patientId.substring(3));
    lo(a, TagFromName.PatientID, p.patientId);
    da(a, TagFromName.PatientBirthDate, "");
    cs(a, TagFromName.PatientSex, "O");
    ui(a, TagFromName.StudyInstanceUID, studyUid);
    ui(a, TagFromName.SeriesInstanceUID, seriesUid);
    sh(a, TagFromName.StudyID, "SYN");
    is(a, TagFromName.SeriesNumber, 1);
    // Names an unpaired organ, which is what lets dciodvfy accept the absent (Type 2C) Laterality.
    cs(a, DicomTags.BODY_PART_EXAMINED, "HEART");
    is(a, TagFromName.InstanceNumber, instance);
    is(a, TagFromName.AcquisitionNumber, 1);
    ui(a, TagFromName.FrameOfReferenceUID, frameOfReferenceUid);
    lo(a, TagFromName.PositionReferenceIndicator, "");
    cs(a, TagFromName.PatientPosition, "HFS");

    // Image plane
    double[] ipp = p.geometry.imagePositionPatient(slice);
    ds(a, TagFromName.ImagePositionPatient, ipp);
    ds(a, TagFromName.ImageOrientationPatient, p.geometry.imageOrientationPatient());
    ds(a, TagFromName.PixelSpacing, p.pixelSpacingMm, p.pixelSpacingMm);
    ds(a, TagFromName.SliceThickness, p.sliceThicknessMm);
    ds(a, TagFromName.SpacingBetweenSlices, p.sliceSpacingMm);
    ds(a, TagFromName.SliceLocation, p.geometry.sliceLocation(slice));

    // MR image and cine timing (a balanced SSFP cine, like the Sunnybrook GE FIESTA series)
    cs(a, DicomTags.SCANNING_SEQUENCE, "GR");
    cs(a, DicomTags.SEQUENCE_VARIANT, "SS");
    cs(a, DicomTags.SCAN_OPTIONS, "CG");
    cs(a, TagFromName.MRAcquisitionType, "2D");
    ds(a, TagFromName.RepetitionTime, 3.4);
    ds(a, TagFromName.EchoTime, 1.5);
    is(a, TagFromName.EchoTrainLength, 1);
    ds(a, DicomTags.MAGNETIC_FIELD_STRENGTH, 1.5);
    ds(a, DicomTags.FLIP_ANGLE, 45);
    ds(a, TagFromName.TriggerTime, p.triggerTimeMs(phase));
    is(a, DicomTags.NOMINAL_INTERVAL, p.rrIntervalMs);
    is(a, TagFromName.HeartRate, (int) Math.round(60000.0 / p.rrIntervalMs));
    is(a, DicomTags.CARDIAC_NUMBER_OF_IMAGES, p.phases);
    is(a, DicomTags.TEMPORAL_POSITION_IDENTIFIER, phase + 1);
    is(a, DicomTags.NUMBER_OF_TEMPORAL_POSITIONS, p.phases);

    // Pixels: 16-bit signed magnitude, non-negative
    us(a, TagFromName.SamplesPerPixel, 1);
    cs(a, TagFromName.PhotometricInterpretation, "MONOCHROME2");
    us(a, TagFromName.Rows, p.rows);
    us(a, TagFromName.Columns, p.cols);
    us(a, TagFromName.BitsAllocated, 16);
    us(a, TagFromName.BitsStored, 16);
    us(a, TagFromName.HighBit, 15);
    us(a, TagFromName.PixelRepresentation, 1);
    double blood = p.gain;
    ds(a, TagFromName.WindowCenter, Math.round(0.6 * blood));
    ds(a, TagFromName.WindowWidth, Math.round(1.3 * blood));
    OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
    pixelData.setValues(pixels);
    a.put(pixelData);

    FileMetaInformation.addFileMetaInformation(a, TransferSyntax.ExplicitVRLittleEndian, "HEARTBEAM");
    return a;
  }

  private static void put(AttributeList a, Attribute attribute, String... values) throws DicomException {
    for (String v : values) {
      if (!v.isEmpty()) {
        attribute.addValue(v);
      }
    }
    a.put(attribute);
  }

  private static void cs(AttributeList a, AttributeTag t, String... v) throws DicomException {
    put(a, new CodeStringAttribute(t), v);
  }

  private static void ui(AttributeList a, AttributeTag t, String v) throws DicomException {
    put(a, new UniqueIdentifierAttribute(t), v);
  }

  private static void da(AttributeList a, AttributeTag t, String v) throws DicomException {
    put(a, new DateAttribute(t), v);
  }

  private static void tm(AttributeList a, AttributeTag t, String v) throws DicomException {
    put(a, new TimeAttribute(t), v);
  }

  private static void sh(AttributeList a, AttributeTag t, String v) throws DicomException {
    put(a, new ShortStringAttribute(t), v);
  }

  private static void lo(AttributeList a, AttributeTag t, String v) throws DicomException {
    put(a, new LongStringAttribute(t), v);
  }

  private static void pn(AttributeList a, AttributeTag t, String v) throws DicomException {
    put(a, new PersonNameAttribute(t), v);
  }

  private static void is(AttributeList a, AttributeTag t, int v) throws DicomException {
    put(a, new IntegerStringAttribute(t), Integer.toString(v));
  }

  private static void us(AttributeList a, AttributeTag t, int v) throws DicomException {
    Attribute attribute = new UnsignedShortAttribute(t);
    attribute.addValue(v);
    a.put(attribute);
  }

  private static void ds(AttributeList a, AttributeTag t, double... values) throws DicomException {
    Attribute attribute = new DecimalStringAttribute(t);
    for (double v : values) {
      attribute.addValue(ScanGeometry.ds(v));
    }
    a.put(attribute);
  }
}
