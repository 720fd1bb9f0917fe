package org.heartbeam.runners.cli;

import java.io.PrintStream;

/** One {@code heartbeam <command>}. */
public interface Command {
  /** The word typed after {@code heartbeam}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** Full help for {@code heartbeam <command> --help}. */
  void printHelp(PrintStream out);

  /** Runs the command; returns the process exit status. Throws {@link UserError} for user mistakes. */
  int run(String[] args, PrintStream out) throws Exception;
}
