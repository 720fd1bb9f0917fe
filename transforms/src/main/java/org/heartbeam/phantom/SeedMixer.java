package org.heartbeam.phantom;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams keyed by (seed, patient, slice, phase, purpose), so any
 * patient or image can be generated alone, in any order or in parallel, with the same result.
 */
final class SeedMixer {
  private SeedMixer() {}

  /** A stream determined only by the given keys. */
  static SplittableRandom stream(long... keys) {
    long h = 0x243F6A8885A308D3L;
    for (long key : keys) {
      h = splitMix64(h ^ key) + 0x9E3779B97F4A7C15L;
    }
    return new SplittableRandom(splitMix64(h));
  }

  /** SplitMix64's finaliser: a bijective 64-bit avalanche mix. */
  static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Purposes, so streams for different uses of the same image never coincide. */
  static final long PATIENT = 1;
  static final long BACKGROUND = 2;
  static final long NOISE = 3;
  static final long BIAS = 4;
}
