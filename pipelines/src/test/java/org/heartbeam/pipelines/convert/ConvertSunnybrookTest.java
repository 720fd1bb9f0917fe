package org.heartbeam.pipelines.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heartbeam.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.pipelines.split.DatasetSplit;

/** The acceptance check: the shared real data converts to 56 labelled records, split by patient. */
@Tag("realdata")
class ConvertSunnybrookTest {
  @Test
  @Timeout(300)
  void writes56LabelledRecordsSplitByPatient(@TempDir Path out) throws Exception {
    Path sunnybrook = SharedData.sunnybrook();
    ConvertManifest manifest = ConvertOutputs.convert(sunnybrook, out);

    Map<String, Integer> train = ConvertOutputs.records(out, DatasetSplit.TRAIN);
    Map<String, Integer> validation = ConvertOutputs.records(out, DatasetSplit.VALIDATION);
    assertEquals(56, train.size() + validation.size());
    assertEquals(56, manifest.records(DatasetSplit.TRAIN) + manifest.records(DatasetSplit.VALIDATION));
    Set<String> trainPatients = train.keySet().stream().map(ConvertOutputs::patientFolder).collect(Collectors.toSet());
    Set<String> validationPatients =
        validation.keySet().stream().map(ConvertOutputs::patientFolder).collect(Collectors.toSet());
    Set<String> all = new HashSet<>(trainPatients);
    all.addAll(validationPatients);
    assertEquals(Set.of("SCD0000101", "SCD0000201", "SCD0000301"), all);
    assertEquals(3, trainPatients.size() + validationPatients.size(), "no patient in both splits");
    assertTrue(!validationPatients.isEmpty() && !trainPatients.isEmpty());
    train.forEach((name, lv) -> assertTrue(lv > 0, name));
    validation.forEach((name, lv) -> assertTrue(lv > 0, name));
    assertEquals(0, manifest.deadLettered());
  }
}
