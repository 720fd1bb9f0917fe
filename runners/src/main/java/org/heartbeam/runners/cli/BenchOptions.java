package org.heartbeam.runners.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.heartbeam.phantom.SynthOptions;

/**
 * The {@code --name=value} options of a bench sub-command ({@code bench infer}, {@code bench stream}):
 * parsed once, checked against the names the sub-command knows, read typed with its defaults. A bad
 * option is a {@link UserError} (one line, no stack trace). A repeated option: the last one counts.
 */
final class BenchOptions {
  private final Map<String, String> values;

  private BenchOptions(Map<String, String> values) {
    this.values = values;
  }

  /**
   * {@code args[1..]} (args[0] is the sub-command) as options of {@code bench <subCommand>}, each one
   * of {@code names} (given without the leading "--").
   */
  static BenchOptions parse(String subCommand, String[] args, Set<String> names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new UserError("bench " + subCommand + " options are --name=value, got '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      if (!names.contains(name)) {
        throw new UserError("unknown option " + arg + " (see heartbeam bench --help)");
      }
      values.put(name, arg.substring(eq + 1));
    }
    return new BenchOptions(values);
  }

  /** {@code --name}'s whole number, at least {@code min}; {@code defaultValue} when absent. */
  int positive(String name, int defaultValue, int min) {
    String value = values.get(name);
    return value == null ? defaultValue : positive("--" + name, value, min);
  }

  /** {@code --name}'s comma-separated whole numbers, each at least {@code min}; {@code defaultValues} when absent. */
  int[] positives(String name, int[] defaultValues, int min) {
    String value = values.get(name);
    if (value == null) {
      return defaultValues;
    }
    return List.of(value.split(",")).stream().mapToInt(n -> positive("--" + name, n, min)).toArray();
  }

  /**
   * The phantom archive a bench runs on: {@code --patients} (default {@code defaultPatients}),
   * {@code --slices} (8, at least 2), {@code --phases} (10, at least 4), seed 1.
   */
  SynthOptions phantom(int defaultPatients) {
    return SynthOptions.builder().patients(positive("patients", defaultPatients, 1)).slices(positive("slices", 8, 2))
        .phases(positive("phases", 10, 4)).seed(1).build();
  }

  /** {@code --name}'s text, if given. */
  Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** {@code value} as a whole number at least {@code min}, or a {@link UserError} naming {@code option}. */
  static int positive(String option, String value, int min) {
    try {
      int n = Integer.parseInt(value == null ? "" : value.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(option + " needs a whole number >= " + min + ", got '" + value + "'");
  }
}
