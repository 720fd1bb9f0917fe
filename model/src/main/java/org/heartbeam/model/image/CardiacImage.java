package org.heartbeam.model.image;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.heartbeam.model.hash.Sha256;

/**
 * One 2-D MR frame, as float pixels in row-major order, with what is known of where and when it was
 * taken and where it came from.
 *
 * <p>Pixel values are modality values (stored value x RescaleSlope + RescaleIntercept); any
 * normalization for a model happens later, in preprocessing. Unknown numbers are NaN (or -1 for
 * indices); unknown identifiers are empty strings, never null.
 *
 * <p>PHI: {@link #patientId()} is a real identifier. Never log it; use {@link #imageKey()} or
 * {@link #sourceUri()} to name an image in logs.
 */
public final class CardiacImage implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int columns;
  private final float[] pixels;
  private final ImageGeometry geometry;
  private final double triggerTimeMs;
  private final int phaseIndex;
  private final int instanceNumber;
  private final int frameIndex;
  private final String patientId;
  private final String studyInstanceUid;
  private final String seriesInstanceUid;
  private final String sopInstanceUid;
  private final String sourceUri;

  private CardiacImage(Builder b) {
    require(b.rows > 0 && b.columns > 0, "image must have rows and columns > 0: " + b.rows + "x" + b.columns);
    require(b.pixels != null, "pixels are required");
    require((long) b.rows * b.columns == b.pixels.length,
        "pixel count " + b.pixels.length + " does not match " + b.rows + "x" + b.columns);
    for (int i = 0; i < b.pixels.length; i++) {
      if (!Float.isFinite(b.pixels[i])) {
        throw new IllegalArgumentException("pixel " + i + " is not finite: " + b.pixels[i]);
      }
    }
    require(b.geometry != null, "geometry is required (pixel spacing at least)");
    require(Double.isNaN(b.triggerTimeMs) || (Double.isFinite(b.triggerTimeMs) && b.triggerTimeMs >= 0),
        "trigger time must be >= 0 ms or unknown: " + b.triggerTimeMs);
    require(b.phaseIndex >= -1, "phase index must be >= 0 or -1 (unknown): " + b.phaseIndex);
    require(b.frameIndex >= 0, "frame index must be >= 0: " + b.frameIndex);
    require(b.sourceUri != null && !b.sourceUri.isEmpty(), "source uri is required");
    this.rows = b.rows;
    this.columns = b.columns;
    this.pixels = b.pixels;
    this.geometry = b.geometry;
    this.triggerTimeMs = b.triggerTimeMs;
    this.phaseIndex = b.phaseIndex;
    this.instanceNumber = b.instanceNumber;
    this.frameIndex = b.frameIndex;
    this.patientId = nullToEmpty(b.patientId);
    this.studyInstanceUid = nullToEmpty(b.studyInstanceUid);
    this.seriesInstanceUid = nullToEmpty(b.seriesInstanceUid);
    this.sopInstanceUid = nullToEmpty(b.sopInstanceUid);
    this.sourceUri = b.sourceUri;
  }

  public static Builder builder() { return new Builder(); }

  /** A builder holding this image's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .size(rows, columns)
        .pixels(pixels)
        .geometry(geometry)
        .triggerTimeMs(triggerTimeMs)
        .phaseIndex(phaseIndex)
        .instanceNumber(instanceNumber)
        .frameIndex(frameIndex)
        .patientId(patientId)
        .studyInstanceUid(studyInstanceUid)
        .seriesInstanceUid(seriesInstanceUid)
        .sopInstanceUid(sopInstanceUid)
        .sourceUri(sourceUri);
  }

  public int rows() { return rows; }

  public int columns() { return columns; }

  /** The pixel array itself, row-major; treat as read-only (copying 256 KB per access is not worth it). */
  public float[] pixels() { return pixels; }

  public float pixel(int row, int column) { return pixels[row * columns + column]; }

  public ImageGeometry geometry() { return geometry; }

  /** ms after the R wave, NaN when unknown. */
  public double triggerTimeMs() { return triggerTimeMs; }

  /** 0-based cardiac phase within the cine, -1 when unknown. */
  public int phaseIndex() { return phaseIndex; }

  /** DICOM InstanceNumber, -1 when unknown. */
  public int instanceNumber() { return instanceNumber; }

  /** 0-based frame of a multi-frame object; 0 for single-frame images. */
  public int frameIndex() { return frameIndex; }

  /** PHI: never log. Empty when unknown. */
  public String patientId() { return patientId; }

  public String studyInstanceUid() { return studyInstanceUid; }

  public String seriesInstanceUid() { return seriesInstanceUid; }

  public String sopInstanceUid() { return sopInstanceUid; }

  /** Where the pixels were read from (file path or URI, plus "#frame=N" for multi-frame). */
  public String sourceUri() { return sourceUri; }

  /**
   * A stable, PHI-free name for this image: 16 hex digits of SHA-256 over the SOP Instance UID and
   * frame (or over the source URI when there is no UID). Safe for logs and file names.
   */
  public String imageKey() {
    String basis = sopInstanceUid.isEmpty() ? "uri:" + sourceUri : sopInstanceUid + "#" + frameIndex;
    return shortHash(basis);
  }

  /** 16 hex digits of SHA-256 of the text: the project's one way of naming things without PHI. */
  public static String shortHash(String text) {
    return HexFormat.of().formatHex(Sha256.digest(text), 0, 8);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String nullToEmpty(String s) { return s == null ? "" : s; }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CardiacImage)) {
      return false;
    }
    CardiacImage x = (CardiacImage) o;
    return rows == x.rows && columns == x.columns && Arrays.equals(pixels, x.pixels)
        && geometry.equals(x.geometry)
        && Double.compare(triggerTimeMs, x.triggerTimeMs) == 0 && phaseIndex == x.phaseIndex
        && instanceNumber == x.instanceNumber && frameIndex == x.frameIndex
        && patientId.equals(x.patientId) && studyInstanceUid.equals(x.studyInstanceUid)
        && seriesInstanceUid.equals(x.seriesInstanceUid) && sopInstanceUid.equals(x.sopInstanceUid)
        && sourceUri.equals(x.sourceUri);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, columns, Arrays.hashCode(pixels), sopInstanceUid, frameIndex, sourceUri);
  }

  /** No patient identifiers here: toString may end up in logs. */
  @Override
  public String toString() {
    return "CardiacImage{" + imageKey() + ", " + rows + "x" + columns + ", phase " + phaseIndex
        + ", trigger " + triggerTimeMs + " ms, " + geometry + "}";
  }

  /** Builds a {@link CardiacImage}; the invariants are checked by {@link #build()}. */
  public static final class Builder {
    private int rows;
    private int columns;
    private float[] pixels;
    private ImageGeometry geometry;
    private double triggerTimeMs = Double.NaN;
    private int phaseIndex = -1;
    private int instanceNumber = -1;
    private int frameIndex;
    private String patientId = "";
    private String studyInstanceUid = "";
    private String seriesInstanceUid = "";
    private String sopInstanceUid = "";
    private String sourceUri;

    private Builder() {}

    public Builder size(int rows, int columns) {
      this.rows = rows;
      this.columns = columns;
      return this;
    }

    /** Taken as is, not copied: do not change the array afterwards. */
    public Builder pixels(float[] pixels) {
      this.pixels = pixels;
      return this;
    }

    public Builder geometry(ImageGeometry geometry) {
      this.geometry = geometry;
      return this;
    }

    public Builder triggerTimeMs(double triggerTimeMs) {
      this.triggerTimeMs = triggerTimeMs;
      return this;
    }

    public Builder phaseIndex(int phaseIndex) {
      this.phaseIndex = phaseIndex;
      return this;
    }

    public Builder instanceNumber(int instanceNumber) {
      this.instanceNumber = instanceNumber;
      return this;
    }

    public Builder frameIndex(int frameIndex) {
      this.frameIndex = frameIndex;
      return this;
    }

    public Builder patientId(String patientId) {
      this.patientId = patientId;
      return this;
    }

    public Builder studyInstanceUid(String uid) {
      this.studyInstanceUid = uid;
      return this;
    }

    public Builder seriesInstanceUid(String uid) {
      this.seriesInstanceUid = uid;
      return this;
    }

    public Builder sopInstanceUid(String uid) {
      this.sopInstanceUid = uid;
      return this;
    }

    public Builder sourceUri(String sourceUri) {
      this.sourceUri = sourceUri;
      return this;
    }

    public CardiacImage build() { return new CardiacImage(this); }
  }
}
