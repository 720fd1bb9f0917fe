package org.heartbeam.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.testing.StallingProxy;
import org.heartbeam.testing.Storescu;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver under pressure, with dcmtk's storescu as the real sender: past its association limit,
 * with a nearly full disk, with a sender that stalls mid-object, and with many senders at once, it
 * refuses in DICOM's terms (a transient A-ASSOCIATE-RJ a sender retries) or drops the stalled one, lands
 * nothing partial, and keeps serving.
 */
class DicomStoreReceiverLimitsTest {
  /** A 256x256 16-bit image is ~131 KB: 30 KB in is mid-object. */
  private static final long MID_OBJECT = 30_000;
  /** storescu's own timeouts, so a test never waits on its unlimited DIMSE default. */
  private static final List<String> STORESCU_TIMEOUTS = List.of("-ta", "20", "-td", "20", "-ts", "20");

  @TempDir Path tmp;
  private List<Path> images;

  @BeforeEach
  void images() throws IOException {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).slices(3).phases(4).build(), synth);
    try (Stream<Path> files = Files.walk(synth.resolve("dicoms"))) {
      images = files.filter(f -> f.toString().endsWith(".dcm")).sorted().limit(4).collect(Collectors.toList());
    }
    assertEquals(4, images.size());
  }

  @Test
  @Timeout(90)
  void senderStalledMidObjectIsDroppedAfterTheIdleTimeoutAndLeavesNothingPartial() throws Exception {
    Path watched = tmp.resolve("watched");
    ReceiverLimits limits = ReceiverLimits.builder().idleTimeout(Duration.ofSeconds(2)).build();
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of(), limits);
        StallingProxy stall = new StallingProxy(receiver.port(), MID_OBJECT)) {
      Storescu.Result stalled = Storescu.send(stall.port(), "SCANNER", "HEARTBEAM", images.subList(0, 1),
          STORESCU_TIMEOUTS);
      assertNotEquals(0, stalled.exitCode(), stalled.output());
      awaitTrue(() -> receiver.associationsDropped() == 1, "the stalled association is dropped");
      assertEquals(0, receiver.objectsLanded());
      assertEquals(List.of(), regularFiles(watched), "nothing partial in the watched or staging folders");

      Storescu.Result direct = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", images, STORESCU_TIMEOUTS);
      assertEquals(0, direct.exitCode(), direct.output());
      assertEquals(4, receiver.objectsLanded());
    }
  }

  @Test
  @Timeout(90)
  void associationPastTheLimitIsRefusedTransientlyAndServedOnceASlotFrees() throws Exception {
    Path watched = tmp.resolve("watched");
    ReceiverLimits limits = ReceiverLimits.builder().maxAssociations(1).idleTimeout(Duration.ofSeconds(3)).build();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of(), limits);
        StallingProxy stall = new StallingProxy(receiver.port(), MID_OBJECT)) {
      Future<Storescu.Result> occupying = background.submit(
          () -> Storescu.send(stall.port(), "SCANNER", "HEARTBEAM", images.subList(0, 1), STORESCU_TIMEOUTS));
      awaitTrue(() -> receiver.associationsActive() == 1, "the stalled sender holds the only slot");

      Storescu.Result refused = Storescu.send(receiver.port(), "PACS", "HEARTBEAM", images, STORESCU_TIMEOUTS);
      assertNotEquals(0, refused.exitCode(), refused.output());
      assertTrue(refused.output().contains("Rejected Transient"), refused.output());
      assertTrue(refused.output().contains("Local Limit Exceeded"), refused.output());
      assertEquals(1, receiver.associationsRefused());

      assertNotEquals(0, occupying.get().exitCode(), "the stalled sender was dropped");
      awaitTrue(() -> receiver.associationsActive() == 0, "the idle timeout frees the slot");
      Storescu.Result retried = Storescu.send(receiver.port(), "PACS", "HEARTBEAM", images, STORESCU_TIMEOUTS);
      assertEquals(0, retried.exitCode(), retried.output());
      assertEquals(4, receiver.objectsLanded());
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  @Timeout(120)
  void manyParallelSendersEitherLandWholeOrAreRefusedAndTheReceiverKeepsServing() throws Exception {
    Path watched = tmp.resolve("watched");
    ReceiverLimits limits = ReceiverLimits.builder().maxAssociations(3).build();
    int senders = 12;
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of(), limits)) {
      List<CompletableFuture<Storescu.Result>> sending = new ArrayList<>();
      for (int i = 0; i < senders; i++) {
        sending.add(CompletableFuture.supplyAsync(
            () -> Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", images, STORESCU_TIMEOUTS)));
      }
      int succeeded = 0;
      int refused = 0;
      for (CompletableFuture<Storescu.Result> result : sending) {
        Storescu.Result r = result.get();
        if (r.exitCode() == 0) {
          succeeded++;
        } else {
          assertTrue(r.output().contains("Rejected Transient"), "a failure is a transient refusal: " + r.output());
          refused++;
        }
      }
      assertEquals(senders, succeeded + refused);
      assertTrue(succeeded >= 1, "some senders got through");
      assertEquals(refused, receiver.associationsRefused());
      assertEquals(4L * succeeded, receiver.objectsLanded(), "every accepted association landed whole");
      assertEquals(0, receiver.associationsDropped());

      awaitTrue(() -> receiver.associationsActive() == 0, "every association has ended");
      Storescu.Result after = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", images, STORESCU_TIMEOUTS);
      assertEquals(0, after.exitCode(), after.output());
    }
    // Instances repeat across senders (same files), so the watched folder holds each once.
    assertEquals(4, regularFiles(watched).size());
  }

  @Test
  @Timeout(60)
  void nearlyFullDiskRefusesTransientlyAndLandsNothing() throws Exception {
    Path watched = tmp.resolve("watched");
    // No disk has this much free: the receiver must treat its landing disk as nearly full.
    ReceiverLimits limits = ReceiverLimits.builder().minFreeDiskBytes(Long.MAX_VALUE).build();
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of(), limits)) {
      Storescu.Result refused = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", images, STORESCU_TIMEOUTS);
      assertNotEquals(0, refused.exitCode(), refused.output());
      assertTrue(refused.output().contains("Rejected Transient"), refused.output());
      assertTrue(refused.output().contains("Temporary Congestion"), refused.output());
      assertEquals(1, receiver.associationsRefused());
      assertEquals(0, receiver.objectsLanded());
    }
    assertEquals(List.of(), regularFiles(watched));
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  /** Every regular file below folder, the staging dot-folder included. */
  private static List<Path> regularFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toList());
    }
  }
}
