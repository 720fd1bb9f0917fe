package org.heartbeam.phantom;

import java.util.Objects;

/**
 * What {@link SyntheticStudyGenerator} makes: {@code patients} cine studies of {@code slices}
 * short-axis slices by {@code phases} cardiac phases of {@code rows} x {@code cols} pixels.
 * Immutable; build with {@link #builder()}. The same options (seed included) give the same bytes.
 */
public final class SynthOptions {
  /** Beyond these the output is no longer a "small phantom" and probably a typo. */
  static final int MAX_PATIENTS = 9999;
  static final int MAX_SLICES = 40;
  static final int MAX_PHASES = 60;
  static final int MIN_SIZE = 128;
  static final int MAX_SIZE = 1024;

  private final int patients;
  private final int slices;
  private final int phases;
  private final long seed;
  private final int rows;
  private final int cols;
  private final ContouredPhases contouredPhases;

  public SynthOptions(int patients, int slices, int phases, long seed, int rows, int cols,
      ContouredPhases contouredPhases) {
    check(patients >= 1 && patients <= MAX_PATIENTS,
        "patients must be between 1 and " + MAX_PATIENTS + ", got " + patients);
    // Three slices is the least that still has a base, a mid and an apex slice.
    check(slices >= 3 && slices <= MAX_SLICES,
        "slices must be between 3 and " + MAX_SLICES + ", got " + slices);
    // Four phases is the least that still separates diastole from systole.
    check(phases >= 4 && phases <= MAX_PHASES,
        "phases must be between 4 and " + MAX_PHASES + ", got " + phases);
    check(rows >= MIN_SIZE && rows <= MAX_SIZE,
        "rows must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + rows);
    check(cols >= MIN_SIZE && cols <= MAX_SIZE,
        "cols must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + cols);
    check(contouredPhases != null, "contouredPhases must be ALL or ED_ES, got null");
    this.patients = patients;
    this.slices = slices;
    this.phases = phases;
    this.seed = seed;
    this.rows = rows;
    this.cols = cols;
    this.contouredPhases = contouredPhases;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int patients() { return patients; }

  public int slices() { return slices; }

  public int phases() { return phases; }

  public long seed() { return seed; }

  public int rows() { return rows; }

  public int cols() { return cols; }

  public ContouredPhases contouredPhases() { return contouredPhases; }

  /** Images in one patient's series. */
  public int imagesPerPatient() { return slices * phases; }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SynthOptions)) {
      return false;
    }
    SynthOptions that = (SynthOptions) o;
    return patients == that.patients && slices == that.slices && phases == that.phases
        && seed == that.seed && rows == that.rows && cols == that.cols
        && contouredPhases == that.contouredPhases;
  }

  @Override
  public int hashCode() {
    return Objects.hash(patients, slices, phases, seed, rows, cols, contouredPhases);
  }

  @Override
  public String toString() {
    return "SynthOptions{patients=" + patients + ", slices=" + slices + ", phases=" + phases
        + ", seed=" + seed + ", rows=" + rows + ", cols=" + cols
        + ", contouredPhases=" + contouredPhases + "}";
  }

  /** Defaults: 3 patients, 10 slices, 20 phases, seed 1, 256 x 256, contours on every phase. */
  public static final class Builder {
    private int patients = 3;
    private int slices = 10;
    private int phases = 20;
    private long seed = 1L;
    private int rows = 256;
    private int cols = 256;
    private ContouredPhases contouredPhases = ContouredPhases.ALL;

    private Builder() {}

    public Builder patients(int value) { this.patients = value; return this; }

    public Builder slices(int value) { this.slices = value; return this; }

    public Builder phases(int value) { this.phases = value; return this; }

    public Builder seed(long value) { this.seed = value; return this; }

    public Builder rows(int value) { this.rows = value; return this; }

    public Builder cols(int value) { this.cols = value; return this; }

    public Builder contouredPhases(ContouredPhases value) { this.contouredPhases = value; return this; }

    /** @throws IllegalArgumentException naming the first option that is out of range */
    public SynthOptions build() {
      return new SynthOptions(patients, slices, phases, seed, rows, cols, contouredPhases);
    }
  }
}
