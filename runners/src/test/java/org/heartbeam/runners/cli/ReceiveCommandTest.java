package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heartbeam.testing.Storescu;
import org.heartbeam.testing.TestDicomFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code heartbeam receive}: one-line user errors, and a real storescu push through the command. */
class ReceiveCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void portInUseIsOneLine(@TempDir Path tmp) throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertEquals(2, run("receive", "--output=" + tmp, "--port=" + taken.getLocalPort(), "--runSeconds=1"));
    }
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("heartbeam receive: cannot listen on port "), message);
    assertEquals(1, message.strip().lines().count(), message);
  }

  @Test
  void badAeTitleIsOneLine(@TempDir Path tmp) {
    assertEquals(2, run("receive", "--output=" + tmp, "--aeTitle=FAR_TOO_LONG_AN_AE_TITLE", "--runSeconds=1"));
    assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count());
  }

  @Tag("slow")
  @Test
  @Timeout(60)
  void receivesWhatStorescuSendsUntilItsRunTimeEnds(@TempDir Path tmp) throws Exception {
    Path file = TestDicomFile.mr(2, 2, (short) 1, (short) 2, (short) 3, (short) 4).write(tmp.resolve("a.dcm"));
    Path watched = tmp.resolve("watched");
    AtomicInteger status = new AtomicInteger(-1);
    // --port=0: the receiver binds a free port itself and prints it, so no other process can take the
    // port between our choosing it and the receiver binding it.
    Thread command = new Thread(() -> status.set(run("receive", "--output=" + watched, "--port=0",
        "--allowedCallingAeTitles=SCANNER, PACS", "--runSeconds=6")));
    command.start();
    Storescu.Result sent = Storescu.send(boundPort(command), "SCANNER", "HEARTBEAM", List.of(file));
    assertEquals(0, sent.exitCode(), sent.output());
    command.join();
    assertEquals(0, status.get(), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("1 image landed"), out.toString(StandardCharsets.UTF_8));
    try (Stream<Path> all = Files.walk(watched)) {
      List<Path> landed = all.filter(f -> f.toString().endsWith(".dcm")).toList();
      assertEquals(1, landed.size(), landed.toString());
    }
  }

  /** The port the command says it listens on; it prints that line once the socket is bound and accepting. */
  private int boundPort(Thread command) throws InterruptedException {
    Pattern listening = Pattern.compile("receive: listening as \\S+ on port (\\d+) ");
    while (command.isAlive()) {
      Matcher m = listening.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("receive ended before listening: " + err.toString(StandardCharsets.UTF_8));
  }
}
