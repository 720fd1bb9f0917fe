package org.heartbeam.pipelines.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientSplitFoldTest {
  @Test
  void everyPatientValidatesInExactlyOneFold() {
    List<String> patients = List.of("p-c", "p-a", "p-e", "p-b", "p-d");
    Map<String, Integer> validations = new HashMap<>();
    for (int fold = 0; fold < 3; fold++) {
      Map<String, DatasetSplit> split = PatientSplit.fold(fold, 3).assign(patients);
      assertEquals(5, split.size());
      split.forEach((patient, s) -> {
        if (s == DatasetSplit.VALIDATION) {
          validations.merge(patient, 1, Integer::sum);
        }
      });
    }
    assertEquals(5, validations.size());
    validations.values().forEach(n -> assertEquals(1, n));
  }

  @Test
  void threePatientsThreeFoldsTrainOnTwoValidateOnOne() {
    Map<String, DatasetSplit> split = PatientSplit.fold(1, 3).assign(List.of("z", "x", "y"));
    assertEquals(Map.of("x", DatasetSplit.TRAIN, "y", DatasetSplit.VALIDATION, "z", DatasetSplit.TRAIN), split);
  }

  @Test
  void refusesAFoldOutsideTheFolds() {
    assertThrows(IllegalArgumentException.class, () -> PatientSplit.fold(3, 3));
    assertThrows(IllegalArgumentException.class, () -> PatientSplit.fold(0, 1));
  }
}
