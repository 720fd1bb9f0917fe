package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
 * Batch failover on a real multi-process Flink cluster ({@code scripts/flink-cluster}: a JobManager and
 * two TaskManagers, each its own JVM, supervised so a dead TaskManager is replaced): {@code infer} over the
 * cluster's REST endpoint, once undisturbed and once with a TaskManager killed by SIGKILL mid-job. The
 * killed run must restart, finish and write exactly what the undisturbed run wrote: every image once (no
 * duplicate rows), no half-written or temporary files, the same statistics and volumes, counts reconciling.
 * The JobManager's exception history proves the kill hit a running job.
 *
 * <p>Runs after {@code package} ({@code mvn verify -Pcluster}): the cluster and the client both run from
 * {@code heartbeam-cluster.jar}, as on a user's machines.
 */
@Tag("slow")
@Tag("flink")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ClusterFailoverIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCRIPT = Paths.get("..", "scripts", "flink-cluster").toAbsolutePath().normalize();
  /** Enough images that the job is still running when the kill lands (a few masks in). */
  private static final SynthOptions PHANTOM = SynthOptions.builder().patients(4).slices(8).phases(10)
      .rows(128).cols(128).build();
  private static final int PARALLELISM = 4;

  private Path clusterDir;
  private Path clusterJar;
  private Path input;
  private SynthSummary phantom;
  private Path model;
  private String rest;

  @BeforeAll
  void startCluster(@TempDir Path tmp) throws Exception {
    clusterJar = Paths.get(System.getProperty("heartbeam.clusterJar", "target/heartbeam-cluster.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(clusterJar), "cluster jar not built: " + clusterJar);
    input = tmp.resolve("phantom");
    phantom = SyntheticStudyGenerator.generate(PHANTOM, input);
    model = tmp.resolve("small.hbm");
    UNetConfig small = UNetConfig.builder().inputSize(64, 64).depth(3).baseFilters(8).build();
    ModelFile.save(model, new SameDiffUNet(small),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(64, 64).withSpacing(3.0)));

    clusterDir = tmp.resolve("cluster");
    Process start = new ProcessBuilder(SCRIPT.toString(), "start", "--dir=" + clusterDir, "--taskmanagers=2",
        "--slots=2", "--supervise", "--classpath=" + clusterJar)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("cluster-start.log").toFile()).start();
    assertTrue(start.waitFor(3, TimeUnit.MINUTES), "flink-cluster start did not return");
    String startLog = Files.readString(tmp.resolve("cluster-start.log"));
    assertEquals(0, start.exitValue(), startLog);
    // One line per process: the JobManager, each TaskManager, the supervisor.
    assertEquals(4, startLog.lines().filter(l -> l.contains(" pid ")).count(), startLog);
    rest = Files.readString(clusterDir.resolve("rest-address")).trim();
    assertEquals(2, JSON.readTree(get("/overview")).path("taskmanagers").asInt(), "TaskManagers registered");
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (clusterDir != null) {
      new ProcessBuilder(SCRIPT.toString(), "stop", "--dir=" + clusterDir).inheritIO().start().waitFor(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void killedTaskManagerRestartsTheJobAndEveryImageIsWrittenOnce(@TempDir Path tmp) throws Exception {
    Path undisturbed = tmp.resolve("undisturbed");
    Process reference = infer(undisturbed, "heartbeam-failover-reference", tmp);
    assertTrue(reference.waitFor(8, TimeUnit.MINUTES), "undisturbed run did not finish");
    assertEquals(0, reference.exitValue(), () -> readQuietly(tmp.resolve("heartbeam-failover-reference.log")));

    Path killed = tmp.resolve("killed");
    Process client = infer(killed, "heartbeam-failover-kill", tmp);
    long victim = Long.parseLong(Files.readString(clusterDir.resolve("taskmanager-1.pid")).trim());
    waitForMasks(killed, 20, client);
    String jobId = runningJob("heartbeam-failover-kill");
    new ProcessBuilder("kill", "-9", Long.toString(victim)).start().waitFor();

    assertTrue(client.waitFor(10, TimeUnit.MINUTES), "killed run did not finish");
    assertEquals(0, client.exitValue(), () -> readQuietly(tmp.resolve("heartbeam-failover-kill.log")));

    JsonNode exceptions = JSON.readTree(get("/jobs/" + jobId + "/exceptions"));
    assertTrue(exceptions.path("exceptionHistory").path("entries").size() >= 1,
        () -> "the job saw no failure, so the kill did not hit it: " + exceptions);
    assertEquals("FINISHED", JSON.readTree(get("/jobs/" + jobId)).path("state").asText());

    assertWholeAndOnce(killed);
    assertWholeAndOnce(undisturbed);
    for (String table : List.of("images.csv", "patients.csv", "volumes.csv")) {
      assertEquals(sortedLines(undisturbed.resolve(table)), sortedLines(killed.resolve(table)), table);
    }
    assertEquals(fileSizes(undisturbed.resolve("masks")), fileSizes(killed.resolve("masks")), "mask PNGs");
    assertEquals(fileSizes(undisturbed.resolve("seg")).keySet(), fileSizes(killed.resolve("seg")).keySet(), "SEGs");
  }

  private Process infer(Path output, String jobName, Path logs) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", clusterJar.toString(),
        "infer", "--input=" + input.resolve("dicoms"), "--model=" + model, "--output=" + output,
        "--registry=" + logs.resolve("registry"), "--runner=FlinkRunner", "--flinkMaster=" + rest,
        "--parallelism=" + PARALLELISM, "--jobName=" + jobName));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(logs.resolve(jobName + ".log").toFile()).start();
  }

  /** Every phantom image once in images.csv and as one mask + one overlay; no temporary files; reconciled. */
  private void assertWholeAndOnce(Path output) throws IOException {
    List<String> rows = Files.readAllLines(output.resolve("images.csv"));
    int keyColumn = List.of(rows.get(0).split(",")).indexOf("image_key");
    List<String> keys = rows.stream().skip(1).map(r -> r.split(",")[keyColumn]).collect(Collectors.toList());
    assertEquals(phantom.images(), keys.size(), "rows in images.csv");
    assertEquals(phantom.images(), keys.stream().distinct().count(), "distinct images in images.csv");
    assertEquals(2L * phantom.images(), fileSizes(output.resolve("masks")).size(), "mask + overlay per image");
    try (Stream<Path> all = Files.walk(output)) {
      List<String> temporary = all.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") || n.endsWith(".tmp") || n.endsWith(".part")).collect(Collectors.toList());
      assertEquals(List.of(), temporary, "temporary files left in " + output);
    }
    JsonNode manifest = JSON.readTree(output.resolve("infer_manifest.json").toFile());
    assertEquals(phantom.images(), manifest.path("counts").path("images_segmented").asLong(), manifest::toString);
    assertTrue(manifest.path("reconciliation").path("reconciles").asBoolean(false), manifest::toString);
  }

  private void waitForMasks(Path output, int atLeast, Process client) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      assertTrue(client.isAlive(), "the job ended before the kill");
      if (pngsWritten(output.resolve("masks")) >= atLeast) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no masks appeared within 5 minutes");
  }

  /** PNGs below folder so far; the job renames files as this looks, so a vanished file is skipped. */
  private static long pngsWritten(Path folder) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
    } catch (IOException | java.io.UncheckedIOException racing) {
      return 0;
    }
  }

  private String runningJob(String name) throws Exception {
    for (JsonNode job : JSON.readTree(get("/jobs/overview")).path("jobs")) {
      if (job.path("name").asText().equals(name)) {
        assertEquals("RUNNING", job.path("state").asText(), "the job must still run when the kill lands");
        return job.path("jid").asText();
      }
    }
    throw new AssertionError("job " + name + " not on the cluster");
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://" + rest + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** Relative path -> size of every regular file below folder. */
  private static TreeMap<String, Long> fileSizes(Path folder) throws IOException {
    TreeMap<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
        sizes.put(folder.relativize(file).toString(), Files.size(file));
      }
    }
    return sizes;
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().sorted().collect(Collectors.toList());
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
