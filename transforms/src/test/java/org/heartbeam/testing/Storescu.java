package org.heartbeam.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** dcmtk's {@code storescu}, the real C-STORE client, sending files to a local SCP (tests only). */
public final class Storescu {
  private Storescu() {}

  /** What storescu said and its exit status. */
  public record Result(int exitCode, String output) {}

  /** {@code storescu -aet <calling> -aec <called> localhost <port> files...}. */
  public static Result send(int port, String callingAeTitle, String calledAeTitle, List<Path> files) {
    return send(port, callingAeTitle, calledAeTitle, files, List.of());
  }

  /** The same with storescu's own options first (e.g. timeouts). */
  public static Result send(int port, String callingAeTitle, String calledAeTitle, List<Path> files,
      List<String> options) {
    List<String> command = new ArrayList<>(List.of("storescu"));
    command.addAll(options);
    command.addAll(List.of("-aet", callingAeTitle, "-aec", calledAeTitle, "localhost", String.valueOf(port)));
    files.forEach(f -> command.add(f.toString()));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("storescu did not finish in 60 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      return fail("dcmtk's storescu is not installed (run scripts/bootstrap --test): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted running storescu");
    }
  }
}
