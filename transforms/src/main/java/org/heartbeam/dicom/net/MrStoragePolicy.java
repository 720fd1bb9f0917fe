package org.heartbeam.dicom.net;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.AnyExplicitTransferSyntaxSelectionPolicy;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import com.pixelmed.network.TransferSyntaxSelectionPolicy;
import java.util.LinkedList;
import java.util.Set;

/**
 * Which presentation contexts the receiver accepts at association: MR Image Storage and Enhanced MR
 * Image Storage (what the short-axis cine reader decodes), and Verification (C-ECHO, for
 * connectivity checks). Everything else — CT, Secondary Capture, SR, presentation states — is
 * refused per context with "abstract syntax not supported", so a sender learns at association time,
 * and nothing is written. Transfer syntaxes: PixelMed's "any explicit" choice (explicit VR preferred,
 * compressed ones accepted because the reader decodes RLE and the JPEG family).
 */
final class MrStoragePolicy implements PresentationContextSelectionPolicy {
  static final Set<String> ACCEPTED = Set.of(SOPClass.MRImageStorage, SOPClass.EnhancedMRImageStorage,
      SOPClass.Verification);
  private static final byte ACCEPTANCE = 0;
  private static final byte ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;

  private final TransferSyntaxSelectionPolicy transferSyntaxes = new AnyExplicitTransferSyntaxSelectionPolicy();

  @Override
  @SuppressWarnings("rawtypes")
  public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int associationNumber) {
    for (Object o : contexts) {
      PresentationContext context = (PresentationContext) o;
      context.setResultReason(ACCEPTED.contains(context.getAbstractSyntaxUID())
          ? ACCEPTANCE : ABSTRACT_SYNTAX_NOT_SUPPORTED);
    }
    return transferSyntaxes.applyTransferSyntaxSelectionPolicy(contexts, associationNumber);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int associationNumber,
      int debugLevel) {
    return applyPresentationContextSelectionPolicy(contexts, associationNumber);
  }
}
