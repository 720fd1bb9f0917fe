package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.heartbeam.phantom.SynthOptions;
import org.junit.jupiter.api.Test;

/** The bench sub-commands' --name=value options: defaults, typed values, and one-line errors. */
class BenchOptionsTest {
  private static final Set<String> NAMES = Set.of("patients", "parallelism", "model");

  private static BenchOptions parse(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "infer";
    System.arraycopy(options, 0, args, 1, options.length);
    return BenchOptions.parse("infer", args, NAMES);
  }

  @Test
  void absentOptionsTakeTheirDefaultsAndGivenOnesTheirValues() {
    BenchOptions none = parse();
    assertEquals(4, none.positive("patients", 4, 1));
    assertArrayEquals(new int[] {1, 2}, none.positives("parallelism", new int[] {1, 2}, 1));
    assertEquals(Optional.empty(), none.text("model"));

    BenchOptions given = parse("--patients=3", "--parallelism=2,4,8", "--model=a=b.hbm", "--patients=6");
    assertEquals(6, given.positive("patients", 4, 1), "the last of a repeated option counts");
    assertArrayEquals(new int[] {2, 4, 8}, given.positives("parallelism", new int[] {1}, 1));
    assertEquals(Optional.of("a=b.hbm"), given.text("model"), "split at the first '='");
  }

  @Test
  void thePhantomTakesItsSizeFromTheOptions() {
    SynthOptions phantom = parse("--patients=3").phantom(4);
    assertEquals(3, phantom.patients());
    assertEquals(8, phantom.slices());
    assertEquals(10, phantom.phases());
    assertEquals(1, phantom.seed());
    assertEquals(2, parse().phantom(2).patients());
    assertEquals("--phases needs a whole number >= 4, got '3'", assertThrows(UserError.class,
        () -> BenchOptions.parse("infer", new String[] {"infer", "--phases=3"}, Set.of("phases")).phantom(2))
        .getMessage());
  }

  @Test
  void badOptionsAreOneLineUserErrors() {
    assertEquals("bench infer options are --name=value, got '--patients'",
        assertThrows(UserError.class, () -> parse("--patients")).getMessage());
    assertEquals("bench infer options are --name=value, got 'patients=2'",
        assertThrows(UserError.class, () -> parse("patients=2")).getMessage());
    assertEquals("unknown option --slices=2 (see heartbeam bench --help)",
        assertThrows(UserError.class, () -> parse("--slices=2")).getMessage());
    assertEquals("--patients needs a whole number >= 1, got '0'",
        assertThrows(UserError.class, () -> parse("--patients=0").positive("patients", 4, 1)).getMessage());
    assertEquals("--parallelism needs a whole number >= 1, got 'x'",
        assertThrows(UserError.class, () -> parse("--parallelism=2,x").positives("parallelism", null, 1))
            .getMessage());
  }
}
