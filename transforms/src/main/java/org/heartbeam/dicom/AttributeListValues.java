package org.heartbeam.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;

/**
 * Null-safe, exception-free reads of single values from an {@link AttributeList}: a missing, empty
 * or unparseable value is "unknown", never an error, because optional metadata must not cost an image.
 */
final class AttributeListValues {
  private AttributeListValues() {}

  /** The trimmed first value, or "" when absent. */
  static String string(AttributeList list, AttributeTag tag) {
    return string(list == null ? null : list.get(tag));
  }

  static String string(Attribute attribute) {
    if (attribute == null) {
      return "";
    }
    return Attribute.getSingleStringValueOrEmptyString(attribute).trim();
  }

  static int integer(AttributeList list, AttributeTag tag, int unknown) {
    return integer(list == null ? null : list.get(tag), unknown);
  }

  static int integer(Attribute attribute, int unknown) {
    double value = number(attribute);
    return Double.isNaN(value) || value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE
        ? unknown : (int) value;
  }

  /** The first value as a number, or NaN when absent or not a number. */
  static double number(Attribute attribute) {
    double[] values = numbers(attribute);
    return values == null ? Double.NaN : values[0];
  }

  /** All values as numbers, or null when absent, empty or any is not a number. */
  static double[] numbers(Attribute attribute) {
    if (attribute == null || attribute.getVM() == 0) {
      return null;
    }
    try {
      double[] values = attribute.getDoubleValues();
      return values == null || values.length == 0 ? null : values;
    } catch (Exception e) {
      // A malformed DS ("1.2.3") is unknown, as if absent.
      return null;
    }
  }
}
