package org.heartbeam.transforms.tfrecord;

/**
 * One step of reading a TFRecord file: a record whose both CRCs match, a record whose data CRC does
 * not (its length was trustworthy, so reading goes on), or the point where framing was lost (bad
 * length CRC, truncation, unreadable stream), after which nothing more of the file can be trusted.
 */
public final class TfRecordFrame {
  /** What a frame is. */
  public enum Kind { RECORD, BAD_RECORD, LOST_FRAMING }

  private final Kind kind;
  private final int index;
  private final byte[] data;
  private final String reason;

  private TfRecordFrame(Kind kind, int index, byte[] data, String reason) {
    this.kind = kind;
    this.index = index;
    this.data = data;
    this.reason = reason;
  }

  static TfRecordFrame record(int index, byte[] data) { return new TfRecordFrame(Kind.RECORD, index, data, ""); }

  static TfRecordFrame badRecord(int index, String reason) {
    return new TfRecordFrame(Kind.BAD_RECORD, index, null, reason);
  }

  static TfRecordFrame lostFraming(int index, String reason) {
    return new TfRecordFrame(Kind.LOST_FRAMING, index, null, reason);
  }

  public Kind kind() { return kind; }

  public boolean isRecord() { return kind == Kind.RECORD; }

  /** 0-based position of the record in its file (for LOST_FRAMING: of the record that could not be read). */
  public int index() { return index; }

  /** The record's payload; only for {@link Kind#RECORD}. */
  public byte[] data() {
    if (kind != Kind.RECORD) {
      throw new IllegalStateException(kind + " frame has no data");
    }
    return data;
  }

  /** Why the frame is not a record; empty for {@link Kind#RECORD}. */
  public String reason() { return reason; }
}
