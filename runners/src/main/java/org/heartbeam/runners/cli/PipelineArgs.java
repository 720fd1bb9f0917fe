package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.flink.api.java.ExecutionEnvironment;

/** Parses a command's arguments into its options interface, Beam's options included. */
final class PipelineArgs {
  /** Beam's "Missing required value for [--output, "description"]." */
  private static final Pattern MISSING = Pattern.compile("Missing required value for \\[(--\\w+), \"(.*)\"\\]");
  /** Beam's "Argument 'x' does not begin with '--'": a word no option took as its value. */
  private static final Pattern STRAY = Pattern.compile("Argument '(.*)' does not begin with '--'");

  private PipelineArgs() {}

  /**
   * Parsed and validated options; a missing required option or an unknown one becomes a one-line
   * {@link UserError} instead of Beam's multi-line exception.
   */
  static <T extends PipelineOptions> T parse(String[] args, Class<T> options) {
    PipelineOptionsFactory.register(options);
    try {
      return PipelineOptionsFactory.fromArgs(withDefaultRunner(args)).withValidation().as(options);
    } catch (IllegalArgumentException e) {
      String line = HeartBeamCli.firstLine(e.getMessage());
      Matcher missing = MISSING.matcher(line);
      if (missing.find()) {
        throw new UserError("missing " + missing.group(1) + ": " + missing.group(2));
      }
      Matcher stray = STRAY.matcher(line);
      if (stray.find()) {
        throw new UserError("unexpected argument '" + stray.group(1) + "': this command takes options only,"
            + " as --name=value or --name value (a true/false option alone means true)");
      }
      throw new UserError(line);
    }
  }

  /**
   * Without {@code --runner}, pipelines run on embedded Flink: measured on the 512-image demo
   * convert, Flink [local] took 17 s where the DirectRunner took 120 s (300 s with its immutability
   * and encodability checks, which are test-time checks). {@code --runner=DirectRunner} still works.
   * Under {@code flink run} the default is that cluster instead ({@code [auto]}): an embedded Flink
   * inside the submitting client would quietly run the whole job on the client machine. Embedded
   * Flink gets one task slot per core unless {@code --parallelism} says otherwise.
   */
  static String[] withDefaultRunner(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("--runner=") || arg.equals("--runner")) {
        return args;
      }
    }
    boolean local = !insideFlinkRun();
    boolean parallelismGiven = Arrays.stream(args).anyMatch(a -> a.startsWith("--parallelism"));
    String[] withRunner = Arrays.copyOf(args, args.length + (local && !parallelismGiven ? 3 : 2));
    withRunner[args.length] = "--runner=FlinkRunner";
    withRunner[args.length + 1] = "--flinkMaster=" + (local ? "[local]" : "[auto]");
    if (local && !parallelismGiven) {
      // Embedded Flink otherwise runs every operator with parallelism 1: one model replica, one core.
      withRunner[args.length + 2] = "--parallelism=" + Runtime.getRuntime().availableProcessors();
    }
    return withRunner;
  }

  /** True when {@code flink run} started this program: Flink then provides the cluster's environment. */
  static boolean insideFlinkRun() {
    return !ExecutionEnvironment.areExplicitEnvironmentsAllowed();
  }

  /** Help of a pipeline command: its own options, then how Beam's runner options pass through. */
  static void printPipelineHelp(PrintStream out, Class<? extends PipelineOptions> options) {
    printHelp(out, options);
    out.println();
    out.println("Beam's options pass through (--runner, --flinkMaster, --parallelism, ...). Without --runner,");
    out.println("pipelines run on embedded Flink (--runner=FlinkRunner --flinkMaster=[local]); started by");
    out.println("`flink run`, on that Flink cluster (--flinkMaster=[auto]).");
  }

  /**
   * The command's own options (those its interface declares) with description and default; Beam's
   * printHelp would list every inherited Beam option first, and call DirectRunner the default. Commands
   * that run no pipeline (receive, synth) show only these: Beam's runner options do nothing there.
   */
  static void printHelp(PrintStream out, Class<? extends PipelineOptions> options) {
    out.println("options:");
    Arrays.stream(options.getDeclaredMethods())
        .filter(m -> m.getName().startsWith("get") && m.getParameterCount() == 0)
        .sorted(Comparator.comparing(Method::getName))
        .forEach(m -> {
          String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
          out.printf("  --%s=<%s>%s%n", name, m.getReturnType().getSimpleName(), describeDefault(m));
          Description description = m.getAnnotation(Description.class);
          if (description != null) {
            out.println("      " + description.value());
          }
        });
  }

  private static String describeDefault(Method getter) {
    if (getter.isAnnotationPresent(Validation.Required.class)) {
      return "  (required)";
    }
    for (Annotation a : getter.getAnnotations()) {
      if (a.annotationType().getEnclosingClass() == Default.class) {
        try {
          return "  (default " + a.annotationType().getMethod("value").invoke(a) + ")";
        } catch (ReflectiveOperationException e) {
          return "";
        }
      }
    }
    return "";
  }
}
