package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A real infer on embedded Flink, run the way {@code main} runs it: Beam's and Flink's chatter goes to
 * the run's log file, not to the console, where HeartBeam's own output stays; {@code --verbose} shows it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliLoggingTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void restoreTestLogging() throws Exception {
    System.clearProperty("heartbeam.logDir");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  private int infer(Path tmp, String runName, String... extra) throws Exception {
    Path input = tmp.resolve("s/dicoms");
    if (!Files.exists(input)) {
      SyntheticStudyGenerator.generate(
          SynthOptions.builder().patients(1).slices(3).phases(4).seed(3).rows(128).cols(128).build(), tmp.resolve("s"));
      ModelFile.save(tmp.resolve("tiny.hbm"),
          new SameDiffUNet(UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build()),
          ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32).withSpacing(4.0)));
    }
    System.setProperty("heartbeam.logDir", tmp.resolve("logs-" + runName).toString());
    out.reset();
    err.reset();
    String[] args = Stream.concat(Stream.of("infer", "--input", input.toString(), "--model=" + tmp.resolve("tiny.hbm"),
        "--output=" + tmp.resolve("out-" + runName), "--registry=" + tmp.resolve("registry"),
        "--parallelism=1"), Stream.of(extra)).toArray(String[]::new);
    return HeartBeamCli.standard().runWithLogging(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String onlyLog(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> logs = files.toList();
      assertEquals(1, logs.size(), logs.toString());
      assertTrue(logs.get(0).getFileName().toString().matches("infer-\\d{8}-\\d{6}-\\d{3}\\.log"), logs.toString());
      return Files.readString(logs.get(0));
    }
  }

  /** First: Beam warns "Can't verify ..." once per class and JVM, and this test looks for it. */
  @Test
  @Order(1)
  @Timeout(240)
  void frameworkNoiseGoesToTheLogFileNotTheConsole(@TempDir Path tmp) throws Exception {
    assertEquals(0, infer(tmp, "quiet"), err.toString(StandardCharsets.UTF_8));
    String console = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    String log = onlyLog(tmp.resolve("logs-quiet"));

    assertTrue(console.contains("infer: 12 images segmented by "), console);
    assertTrue(console.contains("heartbeam infer: full log in " + tmp.resolve("logs-quiet")), "named once: " + console);
    for (String noise : List.of("Can't verify serialized elements", "Executing pipeline using FlinkRunner",
        "org.apache.flink", "INFO")) {
      assertFalse(console.contains(noise), "'" + noise + "' on the console: " + console);
    }
    assertTrue(log.contains("Can't verify serialized elements of type"), "Beam's warning is in the log");
    assertTrue(log.contains("Executing pipeline using FlinkRunner"), "Beam's INFO lines are in the log");
    assertTrue(log.contains("INFO  [") && log.contains("org.apache.flink."), "Flink's INFO lines are in the log");
    assertTrue(log.contains("org.heartbeam.transforms.inference.RunInferenceFn: loaded model"), "and HeartBeam's own");
  }

  @Test
  @Order(2)
  @Timeout(240)
  void verboseShowsEverythingOnTheConsole(@TempDir Path tmp) throws Exception {
    assertEquals(0, infer(tmp, "verbose", "--verbose"), err.toString(StandardCharsets.UTF_8));
    String console = err.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("Executing pipeline using FlinkRunner"), console);
    assertTrue(console.contains("INFO  [") && console.contains("org.apache.flink."), console);
    assertTrue(onlyLog(tmp.resolve("logs-verbose")).contains("Executing pipeline using FlinkRunner"));
  }
}
