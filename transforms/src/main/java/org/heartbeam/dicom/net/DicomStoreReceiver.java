package org.heartbeam.dicom.net;

import com.pixelmed.network.ApplicationEntityMap;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM C-STORE SCP that lands MR images in a folder watched by {@link
 * org.heartbeam.transforms.dicom.WatchDicomFolder}, so a
 * scanner or PACS can push to the stream. Not a Beam transform: it runs beside the pipeline
 * ({@code heartbeam receive}).
 *
 * <pre>{@code
 * try (DicomStoreReceiver receiver = DicomStoreReceiver.start(Path.of("/data/incoming"), 11112,
 *     "HEARTBEAM", Set.of("SCANNER1"))) { ... }
 * }</pre>
 *
 * <ul>
 *   <li>Accepts MR Image Storage and Enhanced MR Image Storage (and C-ECHO); every other SOP class is
 *       refused at association, per presentation context ({@link MrStoragePolicy}).
 *   <li>Called AE title must be ours (PixelMed rejects others); calling AE titles may be restricted
 *       ({@link CallingAeTitleGate}); an empty set allows any.
 *   <li>Under pressure it refuses, it does not fall over ({@link ReceiverLimits}): associations past the
 *       limit and associations while the disk is nearly full get a transient A-ASSOCIATE-RJ (senders
 *       retry); a sender that stalls is dropped after the idle timeout and its partial object deleted;
 *       PDUs are bounded.
 *   <li>Each object lands as {@code <folder>/study-<hash>/<SOP Instance UID>.dcm} by one atomic rename
 *       from the staging folder {@code <folder>/.heartbeam-incoming} ({@link WatchedFolderLander}).
 *   <li>Logs name calling AE titles and landed file names only: never patient names or IDs.
 * </ul>
 *
 * <p>PixelMed's own {@code StorageSOPClassSCPDispatcher} is not used: it binds its port inside its
 * thread (a port in use is only logged, never reported to the caller) and has no calling-AE check.
 * This class accepts connections itself and runs PixelMed's {@link StorageSOPClassSCP} per
 * association, exactly as that dispatcher does.
 */
public final class DicomStoreReceiver implements AutoCloseable {
  /** The staging folder's name; a dot-folder, so the watcher ignores it. */
  public static final String STAGING_FOLDER = ".heartbeam-incoming";
  private static final Logger LOG = LoggerFactory.getLogger(DicomStoreReceiver.class);

  private final Path folder;
  private final Path staging;
  private final String aeTitle;
  private final CallingAeTitleGate gate;
  private final ReceiverLimits limits;
  private final ServerSocket server;
  private final WatchedFolderLander lander;
  private final MrStoragePolicy policy = new MrStoragePolicy();
  private final ExecutorService associations = Executors.newCachedThreadPool(daemon("dicom-association"));
  /** Associations being served. */
  private final Semaphore serving;
  /** Open connections, served or still sending their request: bounds threads under a connection flood. */
  private final Semaphore connections;
  private final AtomicLong refusedAssociations = new AtomicLong();
  private final AtomicLong droppedAssociations = new AtomicLong();
  private final Thread acceptor;

  private DicomStoreReceiver(Path folder, ServerSocket server, String aeTitle, Set<String> allowedCallingAeTitles,
      ReceiverLimits limits) throws IOException {
    this.folder = folder;
    this.staging = Files.createDirectories(folder.resolve(STAGING_FOLDER));
    this.server = server;
    this.aeTitle = aeTitle;
    this.gate = new CallingAeTitleGate(allowedCallingAeTitles);
    this.limits = limits;
    this.serving = new Semaphore(limits.maxAssociations());
    this.connections = new Semaphore(openConnections(limits));
    this.lander = new WatchedFolderLander(folder);
    this.acceptor = daemon("dicom-acceptor").newThread(this::acceptLoop);
  }

  /**
   * Binds {@code port} (0: any free port, see {@link #port()}) and starts accepting associations.
   *
   * @param folder the watched folder; created if missing
   * @param aeTitle our (called) AE title, 1 to 16 characters
   * @param allowedCallingAeTitles senders let in; empty lets in any
   * @throws java.net.BindException if the port is in use
   */
  public static DicomStoreReceiver start(Path folder, int port, String aeTitle, Set<String> allowedCallingAeTitles)
      throws IOException {
    return start(folder, port, aeTitle, allowedCallingAeTitles, ReceiverLimits.defaults());
  }

  /** As {@link #start(Path, int, String, Set)}, within {@code limits}. */
  public static DicomStoreReceiver start(Path folder, int port, String aeTitle, Set<String> allowedCallingAeTitles,
      ReceiverLimits limits) throws IOException {
    if (aeTitle.isBlank() || aeTitle.length() > 16 || aeTitle.contains("\\")) {
      throw new IllegalArgumentException("AE title must be 1 to 16 characters without '\\': '" + aeTitle + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    Path absolute = Files.createDirectories(folder.toAbsolutePath().normalize());
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(port));
      DicomStoreReceiver receiver =
          new DicomStoreReceiver(absolute, server, aeTitle.trim(), allowedCallingAeTitles, limits);
      receiver.acceptor.start();
      LOG.info("receiving as {} on port {} into {}", receiver.aeTitle, receiver.port(), absolute);
      return receiver;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return server.getLocalPort();
  }

  public Path folder() {
    return folder;
  }

  /** Objects landed in the watched folder since start. */
  public long objectsLanded() {
    return lander.landed();
  }

  /** Objects received but refused after receipt (not MR, no UIDs, unreadable): deleted, never landed. */
  public long objectsRefused() {
    return lander.refused();
  }

  /** Associations refused for a limit (too many at once, disk nearly full) since start. */
  public long associationsRefused() {
    return refusedAssociations.get();
  }

  /** Associations that ended in an error or an idle timeout (their partial objects deleted) since start. */
  public long associationsDropped() {
    return droppedAssociations.get();
  }

  /** Associations being served now. */
  public int associationsActive() {
    return limits.maxAssociations() - serving.availablePermits();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        if (!connections.tryAcquire()) {
          // A flood of connections that send nothing: close at once rather than hold a thread each.
          refusedAssociations.incrementAndGet();
          LOG.warn("closed a connection from {}: {} connections open", socket.getInetAddress(),
              openConnections(limits));
          closeQuietly(socket);
          continue;
        }
        associations.execute(() -> {
          try {
            serve(socket);
          } finally {
            connections.release();
          }
        });
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket socket) {
    Path associationStaging = null;
    boolean served = false;
    try {
      // Every read of this association, from its request to its last PDU, waits at most the idle timeout.
      socket.setSoTimeout((int) limits.idleTimeout().toMillis());
      AssociationRequest request = AssociationRequest.read(socket);
      if (!gate.admits(request.callingAeTitle())) {
        LOG.warn("refused an association from {}: calling AE title not allowed", socket.getInetAddress());
        request.reject(AssociationRejection.CALLING_AE_NOT_RECOGNIZED);
        return;
      }
      if (!serving.tryAcquire()) {
        refusedAssociations.incrementAndGet();
        LOG.warn("refused an association from {}: {} associations already open (transient; the sender retries)",
            request.callingAeTitle(), limits.maxAssociations());
        request.reject(AssociationRejection.TOO_MANY_ASSOCIATIONS);
        return;
      }
      served = true;
      if (diskNearlyFull()) {
        refusedAssociations.incrementAndGet();
        LOG.warn("refused an association from {}: less than {} MB free on the landing disk (transient)",
            request.callingAeTitle(), limits.minFreeDiskBytes() >> 20);
        request.reject(AssociationRejection.DISK_NEARLY_FULL);
        return;
      }
      // Its own staging folder, so whatever a broken association leaves half-written is found and deleted.
      associationStaging = Files.createDirectories(staging.resolve("association-" + UUID.randomUUID()));
      ReleaseWatch release = new ReleaseWatch();
      new StorageSOPClassSCP(request.replay(), aeTitle, limits.maxPduBytes(),
          AssociationFactory.getDefaultReceiveBufferSize(), AssociationFactory.getDefaultSendBufferSize(),
          associationStaging.toFile(), new StagingFileStrategy(), lander, release, null, null,
          new ApplicationEntityMap(), policy).run();
      if (!release.released()) {
        droppedAssociations.incrementAndGet();
        LOG.warn("association from {} ended without a release (stalled past {} s, aborted or cut off);"
            + " nothing partial is landed", request.callingAeTitle(), limits.idleTimeout().toSeconds());
      }
    } catch (Exception | LinkageError e) {
      // LinkageError: a missing PixelMed runtime dependency must show, not vanish in the executor.
      droppedAssociations.incrementAndGet();
      LOG.warn("association from {} failed: {}", socket.getInetAddress(), e.toString());
      closeQuietly(socket);
    } finally {
      if (served) {
        serving.release();
      }
      deleteQuietly(associationStaging);
    }
  }

  /**
   * Connections held open at once, served or still handshaking: a burst of senders past the association
   * limit still gets a proper transient A-ASSOCIATE-RJ, while a flood of connections that send nothing is
   * closed at the door instead of holding a thread each until the idle timeout.
   */
  private static int openConnections(ReceiverLimits limits) {
    return limits.maxAssociations() + 64;
  }

  private boolean diskNearlyFull() {
    try {
      return Files.getFileStore(staging).getUsableSpace() < limits.minFreeDiskBytes();
    } catch (IOException e) {
      return true; // cannot tell: refusing is safer than landing onto a disk that may be full
    }
  }

  /** The association's staging folder and any partial object in it (complete ones have been landed). */
  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      LOG.warn("could not clear staging folder {}: {}", folder.getFileName(), e.toString());
    }
  }

  /** Stops accepting, ends open associations, and waits up to 10 s for them. */
  @Override
  public void close() throws IOException {
    server.close();
    associations.shutdownNow();
    try {
      acceptor.join(10_000);
      associations.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already failing; the association's own error was logged.
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
