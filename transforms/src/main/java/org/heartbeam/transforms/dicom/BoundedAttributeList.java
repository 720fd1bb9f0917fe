package org.heartbeam.transforms.dicom;

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
  protected void checkSanityOfValueLength(long vl, byte[] vr, AttributeTag tag, boolean encounteredIncorrectImplicitVRElementEncodinginExplicitVR)
      throws DicomException {
    if (vl != UNDEFINED_LENGTH && vl > maxValueLength) {
      throw new DicomException("value length " + vl + " of " + tag + " exceeds the " + maxValueLength
          + " bytes of the data set");
    }
    super.checkSanityOfValueLength(vl, vr, tag, encounteredIncorrectImplicitVRElementEncodinginExplicitVR);
  }
}
