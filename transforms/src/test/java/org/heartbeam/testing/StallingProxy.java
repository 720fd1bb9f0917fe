package org.heartbeam.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy to a local port that passes the first {@code forwardBytes} a client sends and then stops
 * passing (it keeps the connection open and reads nothing more): a sender that stalls mid-object, as a
 * scanner whose network drops does. Replies pass through whole; when the server closes, the client's
 * connection is closed too, so the client sees what a direct connection would.
 */
public final class StallingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final long forwardBytes;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  public StallingProxy(int targetPort, long forwardBytes) throws IOException {
    this.server = new ServerSocket();
    this.server.bind(new InetSocketAddress("localhost", 0));
    this.targetPort = targetPort;
    this.forwardBytes = forwardBytes;
    Thread acceptor = new Thread(this::acceptLoop, "stalling-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket("localhost", targetPort);
        sockets.add(client);
        sockets.add(upstream);
        daemon(() -> pump(client, upstream, forwardBytes));
        daemon(() -> {
          pump(upstream, client, Long.MAX_VALUE);
          closeQuietly(client);
        });
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Copies at most limit bytes from -> to; past the limit it holds the connection and copies nothing. */
  private static void pump(Socket from, Socket to, long limit) {
    byte[] buffer = new byte[8192];
    long passed = 0;
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      while (passed < limit) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - passed));
        if (n < 0) {
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
        passed += n;
      }
      // Stalled: neither read nor close; the receiver's idle timeout has to notice.
      while (!to.isClosed()) {
        Thread.sleep(50);
      }
    } catch (IOException | InterruptedException e) {
      // A side closed: the pump ends.
    }
  }

  private static void daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "stalling-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(StallingProxy::closeQuietly);
  }
}
