package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Beam keeps one registry of option interfaces per JVM and refuses a property that two interfaces
 * annotate with different defaults ("contradictory annotations"). The demo runs convert, train and
 * infer in one JVM, and so do the tests: every command's options must agree.
 */
class OptionInterfacesAgreeTest {
  @Test
  void everyCommandsOptionsCanLiveInOneJvm() {
    List<Class<? extends PipelineOptions>> all = HeartBeamCli.OPTION_INTERFACES;
    for (Class<? extends PipelineOptions> options : all) {
      PipelineOptionsFactory.register(options);
    }
    for (Class<? extends PipelineOptions> options : all) {
      assertDoesNotThrow(() -> PipelineOptionsFactory.fromArgs().as(options), options.getSimpleName());
    }
  }
}
