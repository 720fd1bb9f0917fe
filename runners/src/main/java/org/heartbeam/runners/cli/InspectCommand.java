package org.heartbeam.runners.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.heartbeam.dicom.DicomDecodeException;
import org.heartbeam.dicom.DicomFileDescription;
import org.heartbeam.transforms.tfrecord.TfRecordFileSummary;

/** {@code heartbeam inspect <file>...}: what a DICOM or seed TFRecord file holds. */
final class InspectCommand implements Command {
  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public String summary() {
    return "what a DICOM or TFRecord file holds: dimensions, spacing, frames, label pixel counts";
  }

  @Override
  public void printHelp(PrintStream out) {
    out.println("usage: heartbeam inspect <file> [<file>...]");
    out.println();
    out.println("DICOM: SOP class, modality, transfer syntax, rows x columns, frames, pixel spacing, slice");
    out.println("thickness, geometry, trigger time, rescale, and a patient KEY (a hash; never the PatientID).");
    out.println("TFRecord (seed schema): per record its name, height x width x depth, label pixel count and");
    out.println("pixel range; damaged records are listed with the reason.");
  }

  /** Exit status 1 when a file is damaged: scripts can test files with it. */
  @Override
  public int run(String[] args, PrintStream out) throws IOException {
    if (args.length == 0) {
      throw new UserError("name at least one file to inspect");
    }
    for (String arg : args) {
      if (arg.startsWith("--")) {
        throw new UserError("unknown option " + arg + " (inspect takes file names only)");
      }
      Path file = Path.of(arg);
      if (!Files.isRegularFile(file)) {
        throw new UserError("no such file: " + file);
      }
    }
    int status = 0;
    for (String arg : args) {
      Path file = Path.of(arg);
      out.println("== " + file);
      if (isDicom(file)) {
        try {
          DicomFileDescription.describe(Files.readAllBytes(file)).forEach(line -> out.println("  " + line));
        } catch (DicomDecodeException e) {
          out.println("  not readable as DICOM: " + e.getMessage());
          status = 1;
        }
      } else {
        TfRecordFileSummary summary = TfRecordFileSummary.of(file);
        summary.lines().forEach(line -> out.println("  " + line));
        status = summary.problems().isEmpty() ? status : 1;
      }
    }
    return status;
  }

  /**
   * DICOM Part 10 files say "DICM" at byte 128; a .dcm name without it is still treated as DICOM (old
   * ACR-NEMA style files), so the describer can explain what is wrong with it.
   */
  static boolean isDicom(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains(".tfrecord")) {
      return false;
    }
    if (name.endsWith(".dcm") || name.endsWith(".dicom")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return DicomFileDescription.looksLikeDicom(in.readNBytes(132));
    }
  }
}
