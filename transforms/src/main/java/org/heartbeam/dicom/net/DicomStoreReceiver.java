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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
  private final Optional<CallingAeTitleGate> gate;
  private final ServerSocket server;
  private final WatchedFolderLander lander;
  private final MrStoragePolicy policy = new MrStoragePolicy();
  private final ExecutorService associations = Executors.newCachedThreadPool(daemon("dicom-association"));
  private final Thread acceptor;

  private DicomStoreReceiver(Path folder, ServerSocket server, String aeTitle, Set<String> allowedCallingAeTitles)
      throws IOException {
    this.folder = folder;
    this.staging = Files.createDirectories(folder.resolve(STAGING_FOLDER));
    this.server = server;
    this.aeTitle = aeTitle;
    this.gate = allowedCallingAeTitles.isEmpty() ? Optional.empty()
        : Optional.of(new CallingAeTitleGate(allowedCallingAeTitles));
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
      DicomStoreReceiver receiver = new DicomStoreReceiver(absolute, server, aeTitle.trim(), allowedCallingAeTitles);
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

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        associations.execute(() -> serve(socket));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket socket) {
    try {
      Optional<Socket> admitted = gate.isPresent() ? gate.get().admit(socket) : Optional.of(socket);
      if (admitted.isEmpty()) {
        LOG.warn("refused an association from {}: calling AE title not allowed", socket.getInetAddress());
        return;
      }
      new StorageSOPClassSCP(admitted.get(), aeTitle, AssociationFactory.getDefaultMaximumLengthReceived(),
          AssociationFactory.getDefaultReceiveBufferSize(), AssociationFactory.getDefaultSendBufferSize(),
          staging.toFile(), new StagingFileStrategy(), lander, null, null, null, new ApplicationEntityMap(), policy).run();
    } catch (Exception | LinkageError e) {
      // LinkageError: a missing PixelMed runtime dependency must show, not vanish in the executor.
      LOG.warn("association from {} failed: {}", socket.getInetAddress(), e.toString());
      closeQuietly(socket);
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
