package org.heartbeam.dicom.net;

import java.time.Duration;

/**
 * What one {@link DicomStoreReceiver} takes on at once, so a flood of senders, a stalled one or a
 * filling disk degrade into DICOM refusals a sender retries, never into a crash or a hung receiver.
 *
 * @param maxAssociations associations served at once; the next is refused as transient (local limit
 *     exceeded) until one ends. Past this plus 64 open connections (still handshaking), new connections are
 *     closed at once.
 * @param maxPduBytes the largest P-DATA PDU we accept (offered to the sender at association); bounds the
 *     memory one association holds at a time
 * @param idleTimeout a connection that sends nothing for this long (before, between or inside objects) is
 *     dropped, its partial object deleted
 * @param minFreeDiskBytes below this much usable space on the landing disk, new associations are refused
 *     as transient (temporary congestion); landing itself is a rename on the same disk and needs none
 */
public record ReceiverLimits(int maxAssociations, int maxPduBytes, Duration idleTimeout, long minFreeDiskBytes) {
  /** PS3.8 allows 4 KB up to 4 GB; PixelMed's default is 16 KB. */
  private static final int MIN_PDU = 4096;
  private static final int MAX_PDU = 1 << 24;

  public ReceiverLimits {
    if (maxAssociations < 1) {
      throw new IllegalArgumentException("maxAssociations must be at least 1, got " + maxAssociations);
    }
    if (maxPduBytes < MIN_PDU || maxPduBytes > MAX_PDU) {
      throw new IllegalArgumentException("maxPduBytes must be " + MIN_PDU + ".." + MAX_PDU + ", got " + maxPduBytes);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
    }
    if (minFreeDiskBytes < 0) {
      throw new IllegalArgumentException("minFreeDiskBytes must be >= 0, got " + minFreeDiskBytes);
    }
  }

  /**
   * 16 associations (a department's scanners and a PACS at once), 64 KB PDUs, 60 s idle (a scanner
   * pauses between series, not mid-object), 1 GiB kept free.
   */
  public static ReceiverLimits defaults() {
    return new ReceiverLimits(16, 65536, Duration.ofSeconds(60), 1L << 30);
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some limits, keeps the rest; {@link #build} checks them all. */
  public static final class Builder {
    private int maxAssociations;
    private int maxPduBytes;
    private Duration idleTimeout;
    private long minFreeDiskBytes;

    private Builder(ReceiverLimits from) {
      maxAssociations = from.maxAssociations;
      maxPduBytes = from.maxPduBytes;
      idleTimeout = from.idleTimeout;
      minFreeDiskBytes = from.minFreeDiskBytes;
    }

    public Builder maxAssociations(int value) {
      maxAssociations = value;
      return this;
    }

    public Builder maxPduBytes(int value) {
      maxPduBytes = value;
      return this;
    }

    public Builder idleTimeout(Duration value) {
      idleTimeout = value;
      return this;
    }

    public Builder minFreeDiskBytes(long value) {
      minFreeDiskBytes = value;
      return this;
    }

    public ReceiverLimits build() {
      return new ReceiverLimits(maxAssociations, maxPduBytes, idleTimeout, minFreeDiskBytes);
    }
  }
}
