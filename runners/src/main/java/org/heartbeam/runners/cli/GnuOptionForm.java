package org.heartbeam.runners.cli;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code --name value} (the GNU form) as {@code --name=value}, before Beam's parser, which refuses it
 * ("Argument 'value' does not begin with '--'"), and before the commands that parse their own options.
 *
 * <p>A boolean option alone means true ({@code --variants}), so the word after a boolean is its value
 * only when it is {@code true} or {@code false}; otherwise it stays a positional argument. Every other
 * option takes the next word as its value, so {@code models promote lv-unet@1 --minDice 0.9} and
 * {@code --seed -1} work. A value-taking option with no value after it is refused in one line: Beam
 * would quietly set a String option to "true".
 */
final class GnuOptionForm {
  private GnuOptionForm() {}

  /** The arguments with each {@code --name value} pair joined; {@code isFlag} says which names are boolean. */
  static String[] join(String[] args, Predicate<String> isFlag) {
    List<String> joined = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!isOptionName(arg)) {
        joined.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String next = i + 1 < args.length ? args[i + 1] : null;
      if (isFlag.test(name)) {
        if (next != null && (next.equals("true") || next.equals("false"))) {
          joined.add(arg + "=" + next);
          i++;
        } else {
          joined.add(arg);
        }
      } else if (next == null || next.startsWith("--")) {
        throw new UserError("option " + arg + " needs a value: " + arg + "=<value> or " + arg + " <value>");
      } else {
        joined.add(arg + "=" + next);
        i++;
      }
    }
    return joined.toArray(new String[0]);
  }

  /** {@code --name} without {@code =}; "--" alone and "-x" are left to the command. */
  private static boolean isOptionName(String arg) {
    return arg.startsWith("--") && arg.length() > 2 && arg.indexOf('=') < 0;
  }

  /**
   * The boolean options of these interfaces and of every interface Beam has registered (runner
   * options included). A name means one thing in a JVM ({@code OptionInterfacesAgreeTest}), so one
   * set serves every command.
   */
  static Set<String> booleanOptions(Collection<Class<? extends PipelineOptions>> interfaces) {
    Set<Class<? extends PipelineOptions>> all = new HashSet<>(interfaces);
    all.addAll(PipelineOptionsFactory.getRegisteredOptions());
    Set<String> names = new HashSet<>();
    for (Class<? extends PipelineOptions> options : all) {
      for (Method m : options.getMethods()) {
        Class<?> type = m.getReturnType();
        if (m.getParameterCount() == 0 && (type == boolean.class || type == Boolean.class)) {
          String getter = m.getName();
          int prefix = getter.startsWith("is") ? 2 : getter.startsWith("get") ? 3 : -1;
          if (prefix > 0 && getter.length() > prefix) {
            names.add(Character.toLowerCase(getter.charAt(prefix)) + getter.substring(prefix + 1));
          }
        }
      }
    }
    return names;
  }
}
