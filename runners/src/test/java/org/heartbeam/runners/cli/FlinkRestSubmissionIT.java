package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SynthSummary;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits a pipeline to a Flink cluster the way a user submits to a real JobManager: through its REST
 * endpoint ({@code --flinkMaster=localhost:<port>}), shipping the cluster jar. The cluster is a
 * {@link MiniCluster} (JobManager + one TaskManager with 2 slots) whose REST server listens on a free
 * local port. Every test checks the cluster's own job list over REST: a pipeline that ran on an
 * embedded Flink in the client instead would leave that list empty and fail the test.
 *
 * <p>Runs after {@code package} ({@code mvn verify -Pcluster}) because it needs {@code heartbeam-cluster.jar}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@Tag("flink")
class FlinkRestSubmissionIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SynthOptions PHANTOM = SynthOptions.builder().patients(3).slices(3).phases(4)
      .rows(128).cols(128).build();

  private MiniCluster cluster;
  private int restPort;
  private Path clusterJar;
  private Path input;
  private SynthSummary phantom;
  private Path model;

  @BeforeAll
  void startCluster(@TempDir Path tmp) throws Exception {
    clusterJar = Paths.get(System.getProperty("heartbeam.clusterJar", "target/heartbeam-cluster.jar"));
    assertTrue(Files.isRegularFile(clusterJar), "cluster jar not built: " + clusterJar);
    input = tmp.resolve("phantom");
    phantom = SyntheticStudyGenerator.generate(PHANTOM, input);
    model = tmp.resolve("tiny.hbm");
    UNetConfig tiny = UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build();
    ModelFile.save(model, new SameDiffUNet(tiny),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32).withSpacing(4.0)));

    Configuration config = new Configuration();
    config.set(RestOptions.BIND_ADDRESS, "localhost");
    config.set(RestOptions.BIND_PORT, "0"); // a free port, read back below
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(config).setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
    cluster.start();
    restPort = cluster.getRestAddress().get(1, TimeUnit.MINUTES).getPort();
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The CLI in this JVM, staging the cluster jar explicitly (the client's classpath is Maven's). */
  @Test
  void cliSubmitsThroughRest(@TempDir Path tmp) throws Exception {
    Path output = tmp.resolve("out");
    String jobName = "heartbeam-it-cli";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = HeartBeamCli.standard().run(convertArgs(output, jobName, "--filesToStage=" + clusterJar),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    assertEquals(0, status, () -> "stdout:\n" + out + "\nstderr:\n" + err);
    assertFinishedOnCluster(jobName);
    assertConverted(output);
  }

  /**
   * The cluster jar alone, as a user runs it on a machine that has nothing else: {@code java -jar
   * heartbeam-cluster.jar infer ... --flinkMaster=localhost:<port>}, with the batch inference job.
   * Beam stages the jar it runs from.
   */
  @Test
  void clusterJarSubmitsThroughRest(@TempDir Path tmp) throws Exception {
    Path output = tmp.resolve("out");
    String jobName = "heartbeam-it-jar";
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar", clusterJar.toString()));
    command.addAll(List.of("infer", "--input=" + input, "--model=" + model, "--output=" + output,
        "--registry=" + tmp.resolve("registry"), "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort,
        "--parallelism=2", "--jobName=" + jobName));
    Path log = tmp.resolve("client.log");
    Process client = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(client.waitFor(8, TimeUnit.MINUTES), "client did not finish");

    assertEquals(0, client.exitValue(), () -> "client output:\n" + readQuietly(log));
    assertFinishedOnCluster(jobName);
    assertSegmented(output);
  }

  private String[] convertArgs(Path output, String jobName, String... extra) {
    List<String> args = new ArrayList<>(List.of("convert", "--input=" + input, "--output=" + output,
        "--includeUnlabelled", "--runner=FlinkRunner", "--flinkMaster=localhost:" + restPort,
        "--parallelism=2", "--jobName=" + jobName));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** The cluster's REST API lists the job under its name, finished. */
  private void assertFinishedOnCluster(String jobName) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/jobs/overview")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    List<JsonNode> jobs = StreamSupport.stream(JSON.readTree(response.body()).path("jobs").spliterator(), false)
        .filter(job -> job.path("name").asText().equals(jobName))
        .collect(Collectors.toList());
    assertEquals(1, jobs.size(), () -> "job " + jobName + " not on the cluster: " + response.body());
    assertEquals("FINISHED", jobs.get(0).path("state").asText(), response.body());
  }

  /** Every phantom image is in the TFRecords, the manifest says so, and its counts reconcile. */
  private void assertConverted(Path output) throws IOException {
    JsonNode manifest = JSON.readTree(output.resolve("manifest.json").toFile());
    long train = manifest.path("splits").path("train").path("records").asLong();
    long validation = manifest.path("splits").path("validation").path("records").asLong();
    assertEquals(phantom.images(), train + validation, manifest::toString);
    assertTrue(train > 0 && validation > 0, manifest::toString);
    assertEquals(0, manifest.path("dead_letters").path("count").asLong(), manifest::toString);
    // Reader counters travel back from the cluster as Flink accumulators: without them, no reconciliation.
    assertTrue(manifest.path("reconciliation").path("reconciles").asBoolean(false), manifest::toString);

    assertEquals(train, recordsIn(output, "train-"));
    assertEquals(validation, recordsIn(output, "validation-"));
  }

  /** Every phantom image was segmented on the cluster, once-loaded model, counts reconcile, EF rows written. */
  private void assertSegmented(Path output) throws IOException {
    JsonNode manifest = JSON.readTree(output.resolve("infer_manifest.json").toFile());
    assertEquals(phantom.images(), manifest.path("counts").path("images_segmented").asLong(), manifest::toString);
    assertEquals(0, manifest.path("dead_letters").path("count").asLong(), manifest::toString);
    assertTrue(manifest.path("reconciliation").path("reconciles").asBoolean(false), manifest::toString);
    assertEquals(PHANTOM.patients(), manifest.path("volumes").size(), manifest::toString);
    assertEquals(phantom.images() + 1, Files.readAllLines(output.resolve("images.csv")).size());
  }

  /** Records in the TFRecord files with this prefix, counted from the framing alone. */
  private static long recordsIn(Path folder, String prefix) throws IOException {
    long records = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).collect(Collectors.toList())) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
          records += countFrames(in);
        }
      }
    }
    return records;
  }

  /** TFRecord framing: uint64 LE length, 4-byte length CRC, data, 4-byte data CRC. */
  private static long countFrames(DataInputStream in) throws IOException {
    long frames = 0;
    byte[] header = new byte[8];
    while (true) {
      try {
        in.readFully(header);
      } catch (EOFException end) {
        return frames;
      }
      long length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getLong();
      in.skipNBytes(4 + length + 4);
      frames++;
    }
  }

  private static String readQuietly(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
