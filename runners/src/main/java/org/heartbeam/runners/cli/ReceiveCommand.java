package org.heartbeam.runners.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.heartbeam.dicom.net.DicomStoreReceiver;
import org.heartbeam.dicom.net.ReceiverLimits;
import org.heartbeam.model.text.Plural;
import org.heartbeam.dicom.net.DicomStoreReceiver;

/** {@code heartbeam receive}: a DICOM C-STORE receiver feeding the folder {@code heartbeam stream} watches. */
final class ReceiveCommand implements Command {
  @Override
  public String name() {
    return "receive";
  }

  @Override
  public String summary() {
    return "DICOM C-STORE receiver: scanners and PACS push MR images into a watched folder";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam receive --output=<watched folder> [--port=11112] [--aeTitle=HEARTBEAM]");
    out.println("                         [--allowedCallingAeTitles=A,B] [--runSeconds=0] [--maxAssociations=16]");
    out.println("                         [--maxPduBytes=65536] [--idleTimeoutSeconds=60] [--minFreeDiskMb=1024]");
    out.println();
    out.println("Accepts MR Image Storage and Enhanced MR Image Storage (and C-ECHO); other SOP classes are refused");
    out.println("at association. Each image lands as <output>/study-<hash>/<SOP Instance UID>.dcm by an atomic");
    out.println("rename from <output>/" + DicomStoreReceiver.STAGING_FOLDER + ", so a watcher never reads a partial file.");
    out.println("Under pressure it refuses in DICOM's terms and keeps serving: past --maxAssociations, or with less than");
    out.println("--minFreeDiskMb free, an association gets a transient A-ASSOCIATE-RJ (senders retry); a sender silent");
    out.println("for --idleTimeoutSeconds is dropped and nothing partial lands.");
    out.println("Test with dcmtk: storescu -aet SCANNER -aec HEARTBEAM localhost 11112 *.dcm");
    out.println();
    PipelineArgs.printHelp(out, ReceiveCliOptions.class);
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    ReceiveCliOptions cli = PipelineArgs.parse(args, ReceiveCliOptions.class);
    if (cli.getRunSeconds() < 0) {
      throw new UserError("--runSeconds must be 0 (until stopped) or positive, got " + cli.getRunSeconds());
    }
    Set<String> allowed = Arrays.stream(cli.getAllowedCallingAeTitles().split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    DicomStoreReceiver receiver = start(cli, allowed);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> closeAndCount(receiver, stopped, out), "receive-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf("receive: listening as %s on port %d into %s (%s)%n", cli.getAeTitle(), receiver.port(),
        receiver.folder(), allowed.isEmpty() ? "any calling AE" : "calling AEs " + String.join(",", allowed));
    if (cli.getRunSeconds() == 0) {
      stopped.await();
    } else {
      stopped.await(cli.getRunSeconds(), TimeUnit.SECONDS);
      Runtime.getRuntime().removeShutdownHook(hook);
      closeAndCount(receiver, stopped, out);
    }
    return 0;
  }

  private static DicomStoreReceiver start(ReceiveCliOptions cli, Set<String> allowed) throws IOException {
    try {
      ReceiverLimits limits = ReceiverLimits.builder().maxAssociations(cli.getMaxAssociations())
          .maxPduBytes(cli.getMaxPduBytes()).idleTimeout(Duration.ofSeconds(cli.getIdleTimeoutSeconds()))
          .minFreeDiskBytes(cli.getMinFreeDiskMb() << 20).build();
      return DicomStoreReceiver.start(Path.of(cli.getOutput()), cli.getPort(), cli.getAeTitle(), allowed, limits);
    } catch (BindException e) {
      throw new UserError("cannot listen on port " + cli.getPort() + ": " + e.getMessage()
          + " (another receiver running? choose --port)");
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static void closeAndCount(DicomStoreReceiver receiver, CountDownLatch stopped, PrintStream out) {
    try {
      receiver.close();
    } catch (IOException e) {
      out.println("receive: closing: " + e);
    }
    out.printf("receive: stopped; %s landed, %d refused after receipt, %s refused for a limit, %d dropped%n",
        Plural.of(receiver.objectsLanded(), "image"), receiver.objectsRefused(),
        Plural.of(receiver.associationsRefused(), "association"), receiver.associationsDropped());
    stopped.countDown();
  }
}
