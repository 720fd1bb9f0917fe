package org.heartbeam.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;

/**
 * Finds an attribute of one frame the way an Enhanced multi-frame object defines it: in that frame's
 * item of the Per-frame Functional Groups Sequence, else in the Shared Functional Groups Sequence,
 * else at the top level (single-frame and legacy multi-frame objects keep geometry there).
 */
final class FunctionalGroups {
  private final AttributeList list;
  private final SequenceAttribute perFrame;
  private final AttributeList shared;

  FunctionalGroups(AttributeList list) {
    this.list = list;
    Attribute perFrameAttribute = list.get(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    this.perFrame = perFrameAttribute instanceof SequenceAttribute ? (SequenceAttribute) perFrameAttribute : null;
    Attribute sharedAttribute = list.get(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
    this.shared = sharedAttribute instanceof SequenceAttribute
        && ((SequenceAttribute) sharedAttribute).getNumberOfItems() > 0
        ? ((SequenceAttribute) sharedAttribute).getItem(0).getAttributeList() : null;
  }

  /** True when the object has functional groups (Enhanced MR and other enhanced multi-frames). */
  boolean present() { return perFrame != null || shared != null; }

  /**
   * @param frame 0-based frame number
   * @param macro the functional group macro's sequence (e.g. Pixel Measures Sequence)
   * @param tag the attribute inside the macro, also looked up at the top level
   * @return the attribute with at least one value, or null
   */
  Attribute find(int frame, AttributeTag macro, AttributeTag tag) {
    if (perFrame != null && frame < perFrame.getNumberOfItems()) {
      Attribute found = inMacro(perFrame.getItem(frame).getAttributeList(), macro, tag);
      if (found != null) {
        return found;
      }
    }
    Attribute found = inMacro(shared, macro, tag);
    if (found != null) {
      return found;
    }
    return withValue(list.get(tag));
  }

  private static Attribute inMacro(AttributeList group, AttributeTag macro, AttributeTag tag) {
    if (group == null) {
      return null;
    }
    Attribute sequence = group.get(macro);
    if (!(sequence instanceof SequenceAttribute) || ((SequenceAttribute) sequence).getNumberOfItems() == 0) {
      return null;
    }
    AttributeList item = ((SequenceAttribute) sequence).getItem(0).getAttributeList();
    return item == null ? null : withValue(item.get(tag));
  }

  private static Attribute withValue(Attribute attribute) {
    return attribute != null && attribute.getVM() > 0 ? attribute : null;
  }
}
