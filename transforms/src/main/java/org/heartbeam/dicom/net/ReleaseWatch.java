package org.heartbeam.dicom.net;

import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationStatusHandler;

/**
 * Tells whether an association ended with an orderly A-RELEASE. PixelMed's {@code StorageSOPClassSCP.run()}
 * logs and swallows its own failures (an idle timeout, an abort, a peer that vanished), so the release
 * indication it gives this handler is the only sign that an association ended well.
 */
final class ReleaseWatch extends AssociationStatusHandler {
  private volatile boolean released;

  @Override
  public void sendAssociationReleaseIndication(Association association) {
    released = true;
  }

  boolean released() {
    return released;
  }
}
