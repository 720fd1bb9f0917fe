package org.heartbeam.dicom.net;

/**
 * Why the receiver refuses an association, as the A-ASSOCIATE-RJ PDU says it (PS3.8 9.3.4, Table 9-21):
 * result (1 permanent, 2 transient), source (1 service user, 3 service provider, presentation) and
 * reason. A transient refusal tells a well-behaved sender (a scanner, a PACS) to try again later.
 */
enum AssociationRejection {
  /** The calling AE title is not on the allowed list: permanent, from the service user. */
  CALLING_AE_NOT_RECOGNIZED(1, 1, 3),
  /** As many associations are open as the receiver allows: transient, local limit exceeded. */
  TOO_MANY_ASSOCIATIONS(2, 3, 2),
  /** The landing disk is nearly full: transient, temporary congestion. */
  DISK_NEARLY_FULL(2, 3, 1);

  private final int result;
  private final int source;
  private final int reason;

  AssociationRejection(int result, int source, int reason) {
    this.result = result;
    this.source = source;
    this.reason = reason;
  }

  /** The whole A-ASSOCIATE-RJ PDU: type 3, reserved, length 4, then reserved, result, source, reason. */
  byte[] pdu() {
    return new byte[] {0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, (byte) result, (byte) source, (byte) reason};
  }
}
