package org.heartbeam.runners.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Where the CLI's log lines go. The console shows HeartBeam's own lines and the framework warnings a
 * user can act on; Beam, Flink and ND4J chatter (Beam's "Can't verify serialized elements of type
 * Accumulator...", FileIO's "Matching Continuously is stateful...", Flink's INFO lines named after a
 * whole operator chain, metric-name warnings) goes only to the run's log file, which gets every logger
 * at INFO and HeartBeam's at DEBUG. {@code --verbose} puts all of it on the console too.
 */
final class CliLogging {
  static final String VERBOSE = "--verbose";
  /** Framework loggers whose warnings are known noise here: on the console only at ERROR. */
  static final List<String> NOISY = List.of("org.apache.flink", "org.apache.beam.runners.flink",
      "org.apache.beam.sdk.coders.SerializableCoder", "org.apache.beam.sdk.io.FileIO",
      "org.apache.beam.sdk.io.FileBasedSink", "org.apache.beam.sdk.util.MutationDetectors", "org.nd4j",
      "org.deeplearning4j", "org.bytedeco");
  /** HeartBeam code that runs inside pipeline workers ("loaded model ... in this JVM"): file only below WARN. */
  static final List<String> WORKER_SIDE = List.of("org.heartbeam.transforms.inference");

  private CliLogging() {}

  /**
   * Log file of one command run: {@code <dir>/<command>-<time>.log}, the folder from
   * {@code -Dheartbeam.logDir}, else {@code $HEARTBEAM_LOG_DIR}, else heartbeam-out/logs (never inside a
   * command's output folder: infer and train refuse or replace folders of unknown files).
   */
  static Path logFileFor(String command) {
    String dir = System.getProperty("heartbeam.logDir",
        System.getenv().getOrDefault("HEARTBEAM_LOG_DIR", "heartbeam-out/logs"));
    String time = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(LocalDateTime.now());
    return Path.of(dir).resolve(command + "-" + time + ".log").toAbsolutePath().normalize();
  }

  /**
   * Sends log lines to {@code console} (filtered unless verbose) and, when {@code logFile} is given,
   * everything to that file. Replaces whatever configuration logback had.
   */
  static void configure(OutputStream console, Optional<Path> logFile, boolean verbose) throws IOException {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    context.getLogger("org.heartbeam").setLevel(Level.DEBUG);
    // PixelMed logs a stack trace per attribute of a malformed file; the dead letters already say why.
    context.getLogger("com.pixelmed").setLevel(verbose ? Level.INFO : Level.OFF);

    OutputStreamAppender<ILoggingEvent> screen = new OutputStreamAppender<>();
    screen.setContext(context);
    screen.setName("console");
    // Without --verbose the console gets one line per event: stack traces (%nopex drops them) are in the file.
    screen.setEncoder(encoder(context, verbose ? "%d{HH:mm:ss} %-5level [%thread] %logger: %msg%n"
        : "%d{HH:mm:ss} %-5level %logger{0}: %msg%n%nopex"));
    screen.setOutputStream(console);
    if (!verbose) {
      screen.addFilter(new ConsoleFilter());
    }
    screen.start();
    root.addAppender(screen);

    if (logFile.isPresent()) {
      Files.createDirectories(logFile.get().getParent());
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setContext(context);
      file.setName("file");
      file.setFile(logFile.get().toString());
      file.setAppend(true);
      file.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level [%thread] %logger: %msg%n"));
      file.start();
      root.addAppender(file);
    }
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.start();
    return encoder;
  }

  /** The minimum level a logger's lines need to reach the console by default. */
  static Level consoleThreshold(String loggerName) {
    if (loggerName.equals(FailureCause.LOGGER)) {
      return Level.OFF; // the CLI prints the failure's one line itself
    }
    if (startsWithAny(loggerName, NOISY)) {
      return Level.ERROR;
    }
    if (startsWithAny(loggerName, WORKER_SIDE) || !loggerName.startsWith("org.heartbeam")) {
      return Level.WARN;
    }
    return Level.INFO;
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    return prefixes.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
  }

  private static final class ConsoleFilter extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
      return event.getLevel().isGreaterOrEqual(consoleThreshold(event.getLoggerName()))
          ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
  }
}
