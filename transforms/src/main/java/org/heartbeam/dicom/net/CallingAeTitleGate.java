package org.heartbeam.dicom.net;

import java.util.Set;

/**
 * Which calling AE titles may send: PixelMed 20220618 checks the called AE title but cannot restrict
 * calling ones, so the receiver asks this gate about each {@link AssociationRequest} and refuses the
 * others with {@link AssociationRejection#CALLING_AE_NOT_RECOGNIZED}.
 */
final class CallingAeTitleGate {
  private final Set<String> allowed;

  /** @param allowed calling AE titles let through (trimmed, case-sensitive as DICOM says); empty lets in any */
  CallingAeTitleGate(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  boolean admits(String callingAeTitle) {
    return allowed.isEmpty() || allowed.contains(callingAeTitle);
  }
}
