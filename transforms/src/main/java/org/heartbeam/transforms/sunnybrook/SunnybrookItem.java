package org.heartbeam.transforms.sunnybrook;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of a Sunnybrook series and, when an expert drew one, its i-contour file: the unit of work
 * of {@link ReadSunnybrook}, paired by {@link SunnybrookLayout} through the instance number in both
 * file names ({@code <N>.dcm} and {@code IM-0001-<NNNN>-icontour-manual.txt}).
 */
public final class SunnybrookItem implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String dicomPath;
  private final int instanceNumber;
  private final String iContourPath;

  /** @param iContourPath the i-contour file, or null when the image has none */
  public SunnybrookItem(String dicomPath, int instanceNumber, String iContourPath) {
    this.dicomPath = Objects.requireNonNull(dicomPath, "dicomPath");
    this.instanceNumber = instanceNumber;
    this.iContourPath = iContourPath;
  }

  public String dicomPath() { return dicomPath; }

  /** The N of {@code <N>.dcm}. */
  public int instanceNumber() { return instanceNumber; }

  public Optional<String> iContourPath() { return Optional.ofNullable(iContourPath); }

  public boolean isLabelled() { return iContourPath != null; }

  @Override
  public boolean equals(Object o) {
    return o instanceof SunnybrookItem && dicomPath.equals(((SunnybrookItem) o).dicomPath)
        && instanceNumber == ((SunnybrookItem) o).instanceNumber
        && Objects.equals(iContourPath, ((SunnybrookItem) o).iContourPath);
  }

  @Override
  public int hashCode() { return Objects.hash(dicomPath, instanceNumber, iContourPath); }

  @Override
  public String toString() {
    return "SunnybrookItem{" + dicomPath + (iContourPath == null ? "" : " + " + iContourPath) + "}";
  }
}
