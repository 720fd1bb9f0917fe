package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code heartbeam <command> [options]}: the one entry point users see. Beam's own pipeline options
 * (--runner=FlinkRunner --flinkMaster=[local] ...) pass through to the pipelines.
 */
public final class HeartBeamCli {
  static final int EXIT_USER_ERROR = 2;

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
    System.exit(standard().run(args, System.out, System.err));
  }

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
      return command.run(rest, out);
    } catch (UserError e) {
      err.println("heartbeam " + command.name() + ": " + e.getMessage());
      return EXIT_USER_ERROR;
    } catch (IllegalArgumentException e) {
      // Beam's options parser reports unknown or malformed options this way.
      err.println("heartbeam " + command.name() + ": " + firstLine(e.getMessage()));
      return EXIT_USER_ERROR;
    } catch (Exception e) {
      err.println("heartbeam " + command.name() + ": failed: " + e);
      e.printStackTrace(err);
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
    out.println("Pipeline commands accept Beam's options too, e.g. --runner=FlinkRunner --flinkMaster=[local].");
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
