package org.heartbeam.runners.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.beam.sdk.options.PipelineOptions;
import org.heartbeam.pipelines.convert.ConvertOptions;
import org.heartbeam.pipelines.infer.InferOptions;
import org.heartbeam.pipelines.stream.StreamOptions;
import org.heartbeam.pipelines.train.TrainOptions;
import org.slf4j.LoggerFactory;

/**
 * {@code heartbeam <command> [options]}: the one entry point users see. Beam's own pipeline options
 * (--runner=FlinkRunner --flinkMaster=[local] ...) pass through to the pipelines.
 */
public final class HeartBeamCli {
  static final int EXIT_USER_ERROR = 2;
  /** The commands that run Beam pipelines, so take Beam's runner options. */
  static final List<String> PIPELINE_COMMANDS = List.of("convert", "train", "infer", "stream", "demo");
  /** The commands whose run gets a log file: those that run pipelines, the receiver and benchmarks. */
  static final List<String> LOGGED_COMMANDS = List.of("convert", "train", "infer", "stream", "demo", "receive",
      "bench");
  /** Every options interface a command parses; all of them live in one JVM (the demo runs several). */
  static final List<Class<? extends PipelineOptions>> OPTION_INTERFACES = List.of(ConvertOptions.class,
      TrainOptions.class, InferOptions.class, StreamOptions.class, SynthCliOptions.class, ReceiveCliOptions.class);

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public HeartBeamCli(List<Command> commands) {
    for (Command c : commands) {
      this.commands.put(c.name(), c);
    }
  }

  /** The commands this release has, in the order help lists them. */
  public static HeartBeamCli standard() {
    return new HeartBeamCli(List.of(new SynthCommand(), new ConvertCommand(), new InspectCommand(), new TrainCommand(),
        new ModelsCommand(), new InferCommand(), new ReceiveCommand(), new StreamCommand(), new ReportCommand(),
        new DemoCommand(), new BenchCommand()));
  }

  public static void main(String[] args) {
    System.exit(standard().runWithLogging(args, System.out, System.err));
  }

  /**
   * What {@code main} runs: the command with its logging set up ({@link CliLogging}). Commands that run
   * pipelines, the receiver and benchmarks get a log file of their own, named once on stderr;
   * {@code --verbose} (anywhere) shows every log line on the console as well.
   */
  public int runWithLogging(String[] args, PrintStream out, PrintStream err) {
    boolean verbose = Arrays.asList(args).contains(CliLogging.VERBOSE);
    String[] rest = Arrays.stream(args).filter(a -> !a.equals(CliLogging.VERBOSE)).toArray(String[]::new);
    boolean logged = rest.length > 0 && LOGGED_COMMANDS.contains(rest[0])
        && Arrays.stream(rest).noneMatch(HeartBeamCli::isHelp);
    Optional<Path> logFile = logged ? Optional.of(CliLogging.logFileFor(rest[0])) : Optional.empty();
    try {
      CliLogging.configure(err, logFile, verbose);
    } catch (IOException e) {
      err.println("heartbeam: no log file (" + e.getMessage() + "); logging to the console only");
      logFile = Optional.empty();
    }
    logFile.ifPresent(file -> err.println("heartbeam " + rest[0] + ": full log in " + file));
    this.logFile = logFile;
    return run(rest, out, err);
  }

  /** The current run's log file, if {@link #runWithLogging} made one. */
  private Optional<Path> logFile = Optional.empty();

  /** Runs one command line; returns the exit status (0 ok, 2 user error, 1 failure). */
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || isHelp(args[0])) {
      printUsage(out);
      return args.length == 0 ? EXIT_USER_ERROR : 0;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("heartbeam: unknown command '" + args[0] + "' (commands: " + String.join(", ", commands.keySet()) + ")");
      return EXIT_USER_ERROR;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.stream(rest).anyMatch(HeartBeamCli::isHelp)) {
      command.printHelp(out);
      return 0;
    }
    try {
      Set<String> flags = new HashSet<>(GnuOptionForm.booleanOptions(OPTION_INTERFACES));
      flags.addAll(command.flagOptions());
      return command.run(GnuOptionForm.join(rest, flags::contains), out);
    } catch (UserError e) {
      err.println("heartbeam " + command.name() + ": " + e.getMessage());
      return EXIT_USER_ERROR;
    } catch (IllegalArgumentException e) {
      // Beam's options parser reports unknown or malformed options this way.
      err.println("heartbeam " + command.name() + ": " + firstLine(e.getMessage()));
      return EXIT_USER_ERROR;
    } catch (Exception e) {
      // A failed job arrives wrapped many times (Beam, Flink's JobExecutionException, the restart strategy):
      // the user gets the innermost cause in one line; the whole chain goes to the log (file).
      LoggerFactory.getLogger(FailureCause.LOGGER).error("{} failed", command.name(), e);
      err.println("heartbeam " + command.name() + ": failed: " + FailureCause.oneLine(e)
          + logFile.map(file -> " (full log: " + file + ")").orElse(""));
      return 1;
    }
  }

  private void printUsage(PrintStream out) {
    out.println("HeartBeam: left-ventricle segmentation of cardiac MRI on Apache Beam.");
    out.println();
    out.println("usage: heartbeam <command> [options]      heartbeam <command> --help");
    out.println();
    for (Command c : commands.values()) {
      out.printf("  %-10s %s%n", c.name(), c.summary());
    }
    out.println();
    out.println("Options are --name=value or --name value; a true/false option alone means true.");
    out.println("Pipeline commands, receive and bench write a full log to heartbeam-out/logs/<command>-<time>.log");
    out.println("($HEARTBEAM_LOG_DIR); --verbose also shows every log line (Beam, Flink, ND4J) on the console.");
    out.println("Pipeline commands (" + String.join(", ", PIPELINE_COMMANDS)
        + ") accept Beam's options too, e.g. --runner=FlinkRunner --flinkMaster=[local].");
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "invalid arguments";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
