package org.heartbeam.dicom.seg;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Small helpers to put values into an {@link AttributeList} by tag, the value representation coming
 * from PixelMed's dictionary (which knows the SEG tags its {@code TagFromName} lacks).
 */
final class DicomValues {
  private static final int DS_MAX_CHARS = 16;

  private DicomValues() {}

  /** Puts the attribute with these string values; empty strings are left out (a Type 2 empty value). */
  static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
    Attribute attribute = list.putNewAttribute(tag);
    for (String v : values) {
      if (!v.isEmpty()) {
        attribute.addValue(v);
      }
    }
  }

  static void putInts(AttributeList list, AttributeTag tag, long... values) throws DicomException {
    Attribute attribute = list.putNewAttribute(tag);
    for (long v : values) {
      attribute.addValue(v);
    }
  }

  static void putDecimals(AttributeList list, AttributeTag tag, double... values) throws DicomException {
    Attribute attribute = list.putNewAttribute(tag);
    for (double v : values) {
      attribute.addValue(decimalString(v));
    }
  }

  /** A sequence with these items. */
  static SequenceAttribute putSequence(AttributeList list, AttributeTag tag, AttributeList... items) {
    SequenceAttribute sequence = new SequenceAttribute(tag);
    for (AttributeList item : items) {
      sequence.addItem(item);
    }
    list.put(sequence);
    return sequence;
  }

  /** A code sequence item: value, scheme designator, meaning. */
  static AttributeList code(String value, String scheme, String meaning) throws DicomException {
    AttributeList item = new AttributeList();
    put(item, com.pixelmed.dicom.TagFromName.CodeValue, value);
    put(item, com.pixelmed.dicom.TagFromName.CodingSchemeDesignator, scheme);
    put(item, com.pixelmed.dicom.TagFromName.CodeMeaning, meaning);
    return item;
  }

  /** A DS value: at most 16 characters (PS3.5), losing only digits that do not fit. */
  static String decimalString(double value) {
    for (int decimals = 6; decimals >= 0; decimals--) {
      String s = new BigDecimal(String.format(Locale.ROOT, "%." + decimals + "f", value))
          .stripTrailingZeros().toPlainString();
      if (s.equals("-0")) {
        s = "0";
      }
      if (s.length() <= DS_MAX_CHARS) {
        return s;
      }
    }
    throw new IllegalArgumentException("value does not fit a DICOM DS: " + value);
  }

  /** At most {@code max} characters, for LO (64) and similar limits. */
  static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
