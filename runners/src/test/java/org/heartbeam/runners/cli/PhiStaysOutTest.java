package org.heartbeam.runners.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DateAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.model.file.ModelFile;
import org.heartbeam.model.file.ModelProvenance;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.model.unet.SameDiffUNet;
import org.heartbeam.model.unet.UNetConfig;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patient names, IDs and birth dates stay out of everything HeartBeam writes besides the DICOM it makes
 * (a SEG must carry the patient module): DICOM with a distinctive name, ID and birth date goes through
 * {@code infer} (embedded Flink) and {@code stream} (DirectRunner), each a separate {@code heartbeam}
 * process as a user runs it, and no trace of them may appear in what the process printed, in its log file
 * (every logger at INFO, HeartBeam's at DEBUG), in any
 * dead letter, CSV, JSON, report or PNG, or in any file or folder name of the outputs. The DICOM outputs
 * must carry them (so the probe proves the values did reach HeartBeam).
 */
@Tag("slow")
@Tag("flink")
class PhiStaysOutTest {
  private static final String NAME_FAMILY = "ZQXPHIFAMILY";
  private static final String NAME_GIVEN = "ZQXPHIGIVEN";
  private static final String PATIENT_ID = "ZQX-PHI-ID-7319";
  private static final String BIRTH_DATE = "19310217";
  /** Each value, and the forms a log line could take of it. */
  private static final List<String> PROBES = List.of(NAME_FAMILY, NAME_GIVEN, PATIENT_ID, BIRTH_DATE,
      "1931-02-17", PATIENT_ID.toLowerCase(Locale.ROOT), NAME_FAMILY.toLowerCase(Locale.ROOT));

  @TempDir Path tmp;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void noPatientNameIdOrBirthDateOutsideTheDicomOutputs() throws Exception {
    Path input = phiLadenStudy();
    Path model = tmp.resolve("tiny.hbm");
    ModelFile.save(model, new SameDiffUNet(UNetConfig.builder().inputSize(32, 32).depth(2).baseFilters(4).build()),
        ModelProvenance.of(PreprocessOptions.defaults().withTargetSize(32, 32).withSpacing(4.0)));

    Path inferOut = tmp.resolve("infer-out");
    String inferPrinted = heartbeam("infer", "--input=" + input, "--model=" + model, "--output=" + inferOut,
        "--registry=" + tmp.resolve("registry"));
    Path streamOut = tmp.resolve("stream-out");
    String streamPrinted = heartbeam("stream", "--runner=DirectRunner", "--input=" + input, "--model=" + model,
        "--output=" + streamOut, "--pollSeconds=1", "--idleStopSeconds=3", "--maxSeconds=90",
        "--registry=" + tmp.resolve("registry"));

    assertNoPhi("what infer printed", inferPrinted);
    assertNoPhi("what stream printed", streamPrinted);
    List<Path> logs;
    try (Stream<Path> files = Files.list(tmp.resolve("logs"))) {
      logs = files.collect(Collectors.toList());
    }
    assertEquals(2, logs.size(), "one log file per command: " + logs);
    for (Path log : logs) {
      assertNoPhi("the log " + log.getFileName(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }
    for (Path output : List.of(inferOut, streamOut)) {
      List<Path> dicom = new ArrayList<>();
      try (Stream<Path> all = Files.walk(output)) {
        for (Path file : all.collect(Collectors.toList())) {
          assertNoPhi("the name " + output.relativize(file), file.getFileName().toString());
          if (!Files.isRegularFile(file)) {
            continue;
          }
          if (file.getFileName().toString().endsWith(".dcm")) {
            dicom.add(file);
          } else {
            assertNoPhi(output.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
          }
        }
      }
      assertTrue(!dicom.isEmpty(), "no DICOM SEG written in " + output);
      for (Path seg : dicom) {
        String bytes = Files.readString(seg, StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains(PATIENT_ID) && bytes.contains(NAME_FAMILY) && bytes.contains(BIRTH_DATE),
            "the SEG keeps the patient module: " + seg);
      }
    }
  }

  /** A phantom study whose every file carries the probe's name, ID and birth date, in a neutral folder. */
  private Path phiLadenStudy() throws Exception {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(1).slices(3).phases(4).seed(5).rows(128).cols(128).build(), synth);
    Path input = Files.createDirectories(tmp.resolve("incoming/study-a"));
    List<Path> files;
    try (Stream<Path> all = Files.walk(synth.resolve("dicoms"))) {
      files = all.filter(f -> f.toString().endsWith(".dcm")).sorted().collect(Collectors.toList());
    }
    int n = 0;
    for (Path file : files) {
      AttributeList list = new AttributeList();
      list.read(file.toFile());
      PersonNameAttribute name = new PersonNameAttribute(TagFromName.PatientName);
      name.addValue(NAME_FAMILY + "^" + NAME_GIVEN);
      list.put(name);
      LongStringAttribute id = new LongStringAttribute(TagFromName.PatientID);
      id.addValue(PATIENT_ID);
      list.put(id);
      DateAttribute birth = new DateAttribute(TagFromName.PatientBirthDate);
      birth.addValue(BIRTH_DATE);
      list.put(birth);
      list.write(input.resolve("image-" + (n++) + ".dcm").toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }
    return tmp.resolve("incoming");
  }

  /** Runs {@code heartbeam <args>} in its own JVM (as the launcher does); returns all it printed. */
  private String heartbeam(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-Djava.awt.headless=true", "-Dheartbeam.logDir=" + tmp.resolve("logs"),
        "-cp", System.getProperty("java.class.path"),
        HeartBeamCli.class.getName()));
    command.addAll(List.of(args));
    Path printed = tmp.resolve(args[0] + "-printed.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    assertTrue(process.waitFor(4, TimeUnit.MINUTES), args[0] + " did not finish");
    String text = Files.readString(printed, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), () -> args[0] + " failed:\n" + text);
    return text;
  }

  private static void assertNoPhi(String where, String text) {
    for (String probe : PROBES) {
      assertTrue(!text.contains(probe), () -> "'" + probe + "' (PHI) appears in " + where);
    }
  }
}
