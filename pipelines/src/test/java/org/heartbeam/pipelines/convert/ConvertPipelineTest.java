package org.heartbeam.pipelines.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heartbeam.phantom.ContouredPhases;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.pipelines.split.DatasetSplit;

/**
 * The convert pipeline on a synthetic Sunnybrook-layout study set, on DirectRunner and on embedded
 * Flink: the same records, split by patient, reconciled with the manifest.
 */
class ConvertPipelineTest {
  private static final int PATIENTS = 4;
  private static final int SLICES = 3;
  private static final int PHASES = 4;

  @TempDir static Path tmp;
  static Path synth;

  @BeforeAll
  static void generate() throws Exception {
    synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(PATIENTS).slices(SLICES).phases(PHASES)
        .seed(7).contouredPhases(ContouredPhases.ALL).build(), synth);
  }

  @Tag("slow")
  @Test
  @Timeout(300)
  void convertsEveryContouredImageSplitByPatient() throws Exception {
    Path out = tmp.resolve("direct");
    ConvertManifest manifest = ConvertOutputs.convert(synth, out, "--validationFraction=0.25");

    Map<String, Integer> train = ConvertOutputs.records(out, DatasetSplit.TRAIN);
    Map<String, Integer> validation = ConvertOutputs.records(out, DatasetSplit.VALIDATION);
    assertEquals(PATIENTS * SLICES * PHASES, train.size() + validation.size());
    assertEquals(train.size(), manifest.records(DatasetSplit.TRAIN));
    assertEquals(validation.size(), manifest.records(DatasetSplit.VALIDATION));
    assertTrue(validation.size() > 0 && train.size() > 0, "both splits hold patients");

    Set<String> trainPatients = train.keySet().stream().map(ConvertOutputs::patientFolder).collect(Collectors.toSet());
    Set<String> validationPatients =
        validation.keySet().stream().map(ConvertOutputs::patientFolder).collect(Collectors.toSet());
    Set<String> both = new HashSet<>(trainPatients);
    both.retainAll(validationPatients);
    assertTrue(both.isEmpty(), "no patient in both splits: " + both);
    assertEquals(PATIENTS, trainPatients.size() + validationPatients.size());
    assertEquals(trainPatients.size(), manifest.patients(DatasetSplit.TRAIN));
    assertEquals(validationPatients.size(), manifest.patients(DatasetSplit.VALIDATION));

    // Every record is labelled with a plausible LV (the phantom contours every phase).
    for (Map<String, Integer> split : java.util.List.of(train, validation)) {
      split.forEach((name, labelPixels) -> assertTrue(labelPixels > 20 && labelPixels < 256 * 256 / 4,
          name + " has " + labelPixels + " LV pixels"));
    }
    assertEquals(0, manifest.deadLettered());
    assertEquals(0, ConvertOutputs.deadLetterLines(out).size());
    assertEquals(java.util.Optional.of(true), manifest.reconciles(), manifest.json().path("reconciliation").toString());
    assertTrue(Files.readString(manifest.path()).contains("\"sha256\""));
  }

  @Tag("flink")
  @Tag("slow")
  @Test
  @Timeout(300)
  void flinkWritesTheSameRecordsAsDirect() throws Exception {
    Path direct = tmp.resolve("direct-for-flink");
    Path flink = tmp.resolve("flink");
    ConvertOutputs.convert(synth, direct);
    ConvertManifest manifest = ConvertOutputs.convert(synth, flink,
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
    for (DatasetSplit split : DatasetSplit.values()) {
      assertEquals(ConvertOutputs.records(direct, split), ConvertOutputs.records(flink, split), split.name());
    }
    assertEquals(PATIENTS * SLICES * PHASES,
        manifest.records(DatasetSplit.TRAIN) + manifest.records(DatasetSplit.VALIDATION));
    assertEquals(java.util.Optional.of(true), manifest.reconciles(), "Flink reports the readers' counters too");
  }
}
