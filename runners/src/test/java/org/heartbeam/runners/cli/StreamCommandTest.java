package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code heartbeam stream} from the command line: a folder already holding a phantom series is drained
 * (DirectRunner, idle stop) into one record per image made by the model file's version; a missing
 * input folder is a one-line user error; on Flink the impulse source is kept alive for the stream.
 */
class StreamCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Tag("slow")
  @Test
  @Timeout(120)
  void drainsAFolderOnDirectRunner(@TempDir Path tmp) throws Exception {
    SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(1).slices(3).phases(4).seed(3).rows(128).cols(128).build(), tmp.resolve("s"));
    Path watched = tmp.resolve("s/dicoms");
    Path model = tmp.resolve("tiny.hbm");
    ModelFile.save(model, new SameDiffUNet(UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build()),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32).withSpacing(4.0)));
    Path output = tmp.resolve("out");

    int status = run("stream", "--runner=DirectRunner", "--input=" + watched, "--model=" + model,
        "--output=" + output, "--pollSeconds=1", "--idleStopSeconds=3", "--maxSeconds=60",
        "--registry=" + tmp.resolve("registry"));

    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    List<Path> records;
    try (Stream<Path> files = Files.list(output.resolve("images"))) {
      records = files.toList();
    }
    assertEquals(12, records.size(), records.toString());
    for (Path record : records) {
      assertTrue(Files.readString(record).contains("\"model_version\":\"file:sha256:"), record.toString());
    }
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("ended in state DONE"));
  }

  @Test
  void missingInputFolderIsAUserError(@TempDir Path tmp) {
    assertEquals(HeartBeamCli.EXIT_USER_ERROR, run("stream", "--input=" + tmp.resolve("nope"), "--model=m.hbm",
        "--output=" + tmp.resolve("out")));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("heartbeam stream: --input is not a folder"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void keepsFlinkSourcesAliveUntilMaxSeconds() {
    assertArrayEquals(new String[] {"--maxSeconds=5", "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=" + Runtime.getRuntime().availableProcessors(), "--shutdownSourcesAfterIdleMs=5000"}, StreamCommand.withSourceLifetime(new String[] {"--maxSeconds=5"}));
    assertArrayEquals(new String[] {"--runner=DirectRunner"},
        StreamCommand.withSourceLifetime(new String[] {"--runner=DirectRunner"}));
  }
}
