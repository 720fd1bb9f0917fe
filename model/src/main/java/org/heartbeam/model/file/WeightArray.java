package org.heartbeam.model.file;

import java.util.Arrays;
import java.util.Objects;

/** One named weight array of a model file: its name in the engine and its shape. */
public final class WeightArray {
  private final String name;
  private final long[] shape;

  public WeightArray(String name, long[] shape) {
    this.name = Objects.requireNonNull(name, "name");
    this.shape = shape.clone();
  }

  public String name() { return name; }

  public long[] shape() { return shape.clone(); }

  /** Number of values (the product of the shape). */
  public long length() {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightArray && name.equals(((WeightArray) o).name)
        && Arrays.equals(shape, ((WeightArray) o).shape);
  }

  @Override
  public int hashCode() { return 31 * name.hashCode() + Arrays.hashCode(shape); }

  @Override
  public String toString() { return name + Arrays.toString(shape); }
}
