package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heartbeam inspect} on files written by code that shares nothing with ours. */
class InspectCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int inspect(Path... files) {
    String[] args = new String[files.length + 1];
    args[0] = "inspect";
    for (int i = 0; i < files.length; i++) {
      args[i + 1] = files[i].toString();
    }
    return HeartBeamCli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void readsTfRecordsFromAnIndependentWriter(@TempDir Path tmp) throws Exception {
    // The pure-Python writer hand-codes tf.train.Example and TFRecord framing (transforms' test resources).
    Path script = tmp.resolve("independent_tfrecord.py");
    try (InputStream in = getClass().getResourceAsStream("/tfrecord/independent_tfrecord.py")) {
      Files.copy(in, script);
    }
    Path file = tmp.resolve("independent.tfrecords");
    Process python = new ProcessBuilder("python3", script.toString(), "write", file.toString(),
        "--count", "3", "--height", "96", "--width", "80", "--prefix", "case-")
        .redirectErrorStream(true).start();
    assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 writer timed out");
    assertEquals(0, python.exitValue(), new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

    assertEquals(0, inspect(file), err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    // The script's label for record k is a disc of radius min(H, W)/4 = 20 centred at (48, 40 + k).
    int disc = 0;
    for (int r = 0; r < 96; r++) {
      for (int c = 0; c < 80; c++) {
        disc += (r - 48) * (r - 48) + (c - 40) * (c - 40) <= 400 ? 1 : 0;
      }
    }
    for (int k = 0; k < 3; k++) {
      String name = String.format("case-%03d", k);
      assertTrue(text.contains("record " + k + ": " + name + " 96x80 depth 1, label pixels " + disc), text);
    }
  }

  @Test
  void describesDicomWithoutShowingThePatient(@TempDir Path tmp) throws Exception {
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).slices(3).phases(4).build(), tmp.resolve("s"));
    Path dicom = tmp.resolve("s/dicoms/SYN0001/1.dcm");
    assertEquals(0, inspect(dicom), err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("256 rows x 256 columns"), text);
    assertTrue(text.contains("MR"), text);
    // The "== <file>" header repeats the user's own path (whose folder is the patient); the description may not.
    String description = text.substring(text.indexOf('\n') + 1);
    assertFalse(description.contains("SYN0001"), "no PatientID in the description: " + text);
    assertTrue(description.contains("Patient key:      " + org.heartbeam.model.image.PatientKey.of("SYN0001")), text);
  }

  @Test
  void damagedFileExitsOneWithTheReason(@TempDir Path tmp) throws Exception {
    Path broken = tmp.resolve("broken.dcm");
    Files.write(broken, "definitely not DICOM".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, inspect(broken));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("not readable as DICOM"));
  }
}
