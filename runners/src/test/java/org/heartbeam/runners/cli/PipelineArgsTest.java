package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.flink.client.program.ContextEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.DefaultExecutorServiceLoader;
import org.junit.jupiter.api.Test;

/** Which runner a pipeline command gets when the user names none. */
class PipelineArgsTest {
  @Test
  void withoutRunnerPipelinesRunOnEmbeddedFlink() {
    String[] args = PipelineArgs.withDefaultRunner(new String[] {"--input=a"});
    assertArrayEquals(new String[] {"--input=a", "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=" + Runtime.getRuntime().availableProcessors()}, args);
  }

  @Test
  void aGivenParallelismIsKept() {
    String[] args = PipelineArgs.withDefaultRunner(new String[] {"--input=a", "--parallelism=1"});
    assertArrayEquals(new String[] {"--input=a", "--parallelism=1", "--runner=FlinkRunner", "--flinkMaster=[local]"},
        args);
  }

  @Test
  void anExplicitRunnerIsKept() {
    String[] args = {"--input=a", "--runner=DirectRunner"};
    assertArrayEquals(args, PipelineArgs.withDefaultRunner(args));
  }

  /** {@code flink run} installs a context environment before calling main: the job must go to that cluster. */
  @Test
  void underFlinkRunPipelinesGoToThatCluster() {
    ContextEnvironment.setAsContext(new DefaultExecutorServiceLoader(), new Configuration(),
        getClass().getClassLoader(), false, false);
    try {
      String[] args = PipelineArgs.withDefaultRunner(new String[] {"--input=a"});
      assertTrue(Arrays.asList(args).contains("--flinkMaster=[auto]"), Arrays.toString(args));
    } finally {
      ContextEnvironment.unsetAsContext();
    }
  }
}
