package org.heartbeam.runners.cli;

import java.io.PrintStream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** Parses a command's arguments into its options interface, Beam's options included. */
final class PipelineArgs {
  private PipelineArgs() {}

  /**
   * Parsed and validated options; a missing required option or an unknown one becomes a one-line
   * {@link UserError} instead of Beam's multi-line exception.
   */
  static <T extends PipelineOptions> T parse(String[] args, Class<T> options) {
    PipelineOptionsFactory.register(options);
    try {
      return PipelineOptionsFactory.fromArgs(args).withValidation().as(options);
    } catch (IllegalArgumentException e) {
      throw new UserError(HeartBeamCli.firstLine(e.getMessage()).replace("Missing required value for ", "missing "));
    }
  }

  /** Beam's help for the options interface: every option with its description and default. */
  static void printHelp(PrintStream out, Class<? extends PipelineOptions> options) {
    PipelineOptionsFactory.register(options);
    PipelineOptionsFactory.printHelp(out, options);
  }
}
