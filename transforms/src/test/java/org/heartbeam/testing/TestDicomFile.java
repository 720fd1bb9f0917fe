package org.heartbeam.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds small DICOM files for tests with PixelMed's own {@link AttributeList}: by default a valid
 * single-frame MR Image, 16-bit signed, MONOCHROME2, 1.5 mm pixels, with position and orientation.
 * Each setter overrides one aspect; {@link #remove} takes an attribute away to make it invalid.
 */
public final class TestDicomFile {
  private final AttributeList list = new AttributeList();
  private static int counter;

  private TestDicomFile() {}

  /** A 16-bit signed MR image with the given stored values (row-major, frames one after another). */
  public static TestDicomFile mr(int rows, int columns, short... stored) {
    TestDicomFile file = new TestDicomFile();
    int n = ++counter;
    file.put(TagFromName.SOPClassUID, SOPClass.MRImageStorage)
        .put(TagFromName.SOPInstanceUID, "1.2.826.0.1.3680043.10.543.1." + n)
        .put(TagFromName.StudyInstanceUID, "1.2.826.0.1.3680043.10.543.2")
        .put(TagFromName.SeriesInstanceUID, "1.2.826.0.1.3680043.10.543.3")
        .put(TagFromName.PatientID, "TEST-PATIENT-42")
        .put(TagFromName.Modality, "MR")
        .put(TagFromName.InstanceNumber, String.valueOf(n))
        .put(TagFromName.Rows, String.valueOf(rows))
        .put(TagFromName.Columns, String.valueOf(columns))
        .put(TagFromName.SamplesPerPixel, "1")
        .put(TagFromName.PhotometricInterpretation, "MONOCHROME2")
        .put(TagFromName.PixelSpacing, "1.5", "1.25")
        .put(TagFromName.SliceThickness, "8")
        .put(TagFromName.ImagePositionPatient, "-100", "-90.5", "30")
        .put(TagFromName.ImageOrientationPatient, "1", "0", "0", "0", "1", "0")
        .put(TagFromName.SliceLocation, "30");
    return file.pixels16(true, stored);
  }

  /** 16-bit stored values; signed sets PixelRepresentation 1. */
  public TestDicomFile pixels16(boolean signed, short... stored) {
    put(TagFromName.BitsAllocated, "16").put(TagFromName.BitsStored, "16").put(TagFromName.HighBit, "15")
        .put(TagFromName.PixelRepresentation, signed ? "1" : "0");
    try {
      OtherWordAttribute pixels = new OtherWordAttribute(TagFromName.PixelData);
      pixels.setValues(stored);
      list.put(pixels);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** 8-bit unsigned stored values, as OB. */
  public TestDicomFile pixels8(byte... stored) {
    put(TagFromName.BitsAllocated, "8").put(TagFromName.BitsStored, "8").put(TagFromName.HighBit, "7")
        .put(TagFromName.PixelRepresentation, "0");
    try {
      OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
      pixels.setValues(stored);
      list.put(pixels);
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  /** Sets (replaces) an attribute with the dictionary's VR. */
  public TestDicomFile put(AttributeTag tag, String... values) {
    list.put(attribute(tag, values));
    return this;
  }

  public TestDicomFile remove(AttributeTag tag) {
    list.remove(tag);
    return this;
  }

  /** Adds a sequence attribute with one item per given list. */
  public TestDicomFile putSequence(AttributeTag tag, AttributeList... items) {
    SequenceAttribute sequence = new SequenceAttribute(tag);
    for (AttributeList item : items) {
      sequence.addItem(item);
    }
    list.put(sequence);
    return this;
  }

  /** An attribute list holding the given attributes, for sequence items. */
  public static AttributeList item(Attribute... attributes) {
    AttributeList item = new AttributeList();
    for (Attribute a : attributes) {
      item.put(a);
    }
    return item;
  }

  /** A sequence holding one item (a functional group macro). */
  public static SequenceAttribute macro(AttributeTag tag, Attribute... attributes) {
    SequenceAttribute sequence = new SequenceAttribute(tag);
    sequence.addItem(item(attributes));
    return sequence;
  }

  public static Attribute attribute(AttributeTag tag, String... values) {
    try {
      if (AttributeList.getDictionary().getValueRepresentationFromTag(tag) == null) {
        throw new IllegalArgumentException("tag not in PixelMed's dictionary: " + tag);
      }
      Attribute a = new AttributeList().putNewAttribute(tag);
      for (String v : values) {
        a.addValue(v);
      }
      return a;
    } catch (DicomException e) {
      throw new IllegalStateException(e);
    }
  }

  public AttributeList attributes() { return list; }

  /** The file in explicit VR little endian with preamble and meta information. */
  public byte[] bytes() {
    try {
      AttributeList copy = (AttributeList) list.clone();
      String sopClass = Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.SOPClassUID);
      String sopInstance = Attribute.getSingleStringValueOrEmptyString(copy, TagFromName.SOPInstanceUID);
      FileMetaInformation.addFileMetaInformation(copy, sopClass.isEmpty() ? SOPClass.MRImageStorage : sopClass,
          sopInstance.isEmpty() ? "1.2.826.0.1.3680043.10.543.9" : sopInstance,
          TransferSyntax.ExplicitVRLittleEndian, "HEARTBEAMTEST");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path write(Path file) {
    try {
      Files.write(file, bytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
