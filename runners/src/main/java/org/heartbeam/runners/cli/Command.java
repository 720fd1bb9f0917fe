package org.heartbeam.runners.cli;

import java.io.PrintStream;
import java.util.Set;

/** One {@code heartbeam <command>}. */
public interface Command {
  /** The word typed after {@code heartbeam}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** Full help for {@code heartbeam <command> --help}. */
  void printHelp(PrintStream out);

  /**
   * Options of the command's own parser that take no value (a flag alone means true), so that
   * {@code --flag word} leaves the word as an argument; Beam's boolean options are known already.
   */
  default Set<String> flagOptions() {
    return Set.of();
  }

  /** Runs the command; returns the process exit status. Throws {@link UserError} for user mistakes. */
  int run(String[] args, PrintStream out) throws Exception;
}
