package org.heartbeam.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;

/**
 * An {@link AttributeList} that refuses any value longer than the data it is read from. PixelMed
 * allocates a bulk value (OB/OW) of whatever length the file declares before reading it, so one
 * corrupt length field costs gigabytes and seconds; here it costs an exception, which PixelMed
 * logs and which the decoder then reports as a truncated or corrupt file.
 */
final class BoundedAttributeList extends AttributeList {
  private static final long serialVersionUID = 1L;
  private static final long UNDEFINED_LENGTH = 0xffffffffL;

  private final long maxValueLength;

  BoundedAttributeList(long maxValueLength) {
    this.maxValueLength = maxValueLength;
  }

  @Override
  protected void checkSanityOfValueLength(long vl, byte[] vr, AttributeTag tag, boolean badImplicitVrInExplicit)
      throws DicomException {
    if (vl != UNDEFINED_LENGTH && vl > maxValueLength) {
      throw new ValueTooLongException("value length " + vl + " of " + tag + " exceeds the " + maxValueLength
          + " bytes of the data set");
    }
    super.checkSanityOfValueLength(vl, vr, tag, badImplicitVrInExplicit);
  }

  /** A declared length beyond the end of the data: the file is corrupt or truncated. */
  static final class ValueTooLongException extends DicomException {
    private static final long serialVersionUID = 1L;

    ValueTooLongException(String message) {
      super(message);
    }
  }
}
