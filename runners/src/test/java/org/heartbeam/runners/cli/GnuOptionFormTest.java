package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** {@code --name value} becomes {@code --name=value}; flags and positional arguments stay what they were. */
class GnuOptionFormTest {
  private static final Predicate<String> FLAGS = Set.of("includeUnlabelled", "variants")::contains;

  private static String[] join(String... args) {
    return GnuOptionForm.join(args, FLAGS);
  }

  @Test
  void aValueAfterTheNameIsJoined() {
    assertArrayEquals(new String[] {"--input=in", "--output=out"}, join("--input", "in", "--output=out"));
    assertArrayEquals(new String[] {"--seed=-1"}, join("--seed", "-1"));
  }

  @Test
  void positionalArgumentsAroundOptionsStay() {
    assertArrayEquals(new String[] {"promote", "lv-unet@1", "--minDice=0.9", "--maxLatencyMs=200"},
        join("promote", "lv-unet@1", "--minDice", "0.9", "--maxLatencyMs=200"));
    assertArrayEquals(new String[] {"show", "--registry=r", "lv-unet@2"}, join("show", "--registry", "r", "lv-unet@2"));
  }

  @Test
  void aFlagTakesOnlyTrueOrFalse() {
    assertArrayEquals(new String[] {"--includeUnlabelled", "--input=in"}, join("--includeUnlabelled", "--input", "in"));
    assertArrayEquals(new String[] {"--includeUnlabelled=false"}, join("--includeUnlabelled", "false"));
    assertArrayEquals(new String[] {"model", "--variants", "extra"}, join("model", "--variants", "extra"));
    assertArrayEquals(new String[] {"--variants"}, join("--variants"));
  }

  @Test
  void aValueTakingOptionWithoutValueIsOneClearLine() {
    UserError atEnd = assertThrows(UserError.class, () -> join("--input=in", "--output"));
    assertEquals("option --output needs a value: --output=<value> or --output <value>", atEnd.getMessage());
    UserError beforeOption = assertThrows(UserError.class, () -> join("--output", "--input=in"));
    assertTrue(beforeOption.getMessage().startsWith("option --output needs a value"), beforeOption.getMessage());
  }

  @Test
  void beamsBooleanOptionsAreFoundAcrossInterfaces() {
    Set<String> flags = GnuOptionForm.booleanOptions(HeartBeamCli.OPTION_INTERFACES);
    assertTrue(flags.contains("includeUnlabelled"), flags.toString());
    assertTrue(flags.contains("augment"), flags.toString());
    assertTrue(flags.contains("streaming"), "Beam's own StreamingOptions: " + flags);
    assertTrue(!flags.contains("input") && !flags.contains("parallelism"), flags.toString());
  }
}
