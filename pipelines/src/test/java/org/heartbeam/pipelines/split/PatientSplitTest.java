package org.heartbeam.pipelines.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heartbeam.model.image.CardiacImage;
import org.heartbeam.model.image.ImageGeometry;
import org.heartbeam.model.image.PatientKey;
import org.junit.jupiter.api.Test;

class PatientSplitTest {

  private static List<String> keys(int n) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(PatientKey.of("P" + i));
    }
    return keys;
  }

  @Test
  void validationHoldsExactlyTheFractionOfPatients() {
    for (int n : new int[] {3, 5, 10, 37, 5000}) {
      for (double fraction : new double[] {0.2, 0.25, 0.5}) {
        long validation = new PatientSplit(fraction).assign(keys(n)).values().stream()
            .filter(s -> s == DatasetSplit.VALIDATION).count();
        assertEquals(Math.max(1, Math.round(fraction * n)), validation, n + " patients at " + fraction);
      }
    }
  }

  @Test
  void addingPatientsMovesFewExistingOnes() {
    PatientSplit split = new PatientSplit(0.3);
    Map<String, DatasetSplit> small = split.assign(keys(200));
    Map<String, DatasetSplit> large = split.assign(keys(400));
    long moved = small.keySet().stream().filter(k -> small.get(k) != large.get(k)).count();
    // Only patients near the rank boundary move; about 30% of the old ones would under a reshuffle.
    assertTrue(moved <= 15, moved + " of 200 patients changed split");
  }

  @Test
  void tinySetsKeepAPatientInEachSplit() {
    for (int n = 2; n <= 6; n++) {
      for (double fraction : new double[] {0.01, 0.2, 0.5, 0.99}) {
        Map<String, DatasetSplit> assignment = new PatientSplit(fraction).assign(keys(n));
        assertTrue(assignment.containsValue(DatasetSplit.TRAIN), n + " patients at " + fraction);
        assertTrue(assignment.containsValue(DatasetSplit.VALIDATION), n + " patients at " + fraction);
      }
    }
  }

  @Test
  void extremesAreHonoured() {
    assertTrue(new PatientSplit(0).assign(keys(10)).values().stream().allMatch(s -> s == DatasetSplit.TRAIN));
    assertTrue(new PatientSplit(1).assign(keys(10)).values().stream()
        .allMatch(s -> s == DatasetSplit.VALIDATION));
    assertEquals(DatasetSplit.TRAIN, new PatientSplit(0.5).assign(keys(1)).values().iterator().next());
  }

  @Test
  void sameInputSameAssignment() {
    Map<String, DatasetSplit> first = new PatientSplit(0.25).assign(keys(50));
    List<String> reversed = new ArrayList<>(keys(50));
    java.util.Collections.reverse(reversed);
    assertEquals(first, new PatientSplit(0.25).assign(reversed));
  }

  @Test
  void keyFallsBackToStudyThenFolderAndHidesTheId() {
    CardiacImage.Builder base = CardiacImage.builder().size(1, 1).pixels(new float[1])
        .geometry(ImageGeometry.ofSpacing(1)).sourceUri("/data/a/1.dcm");
    CardiacImage withId = base.patientId("DOE^JOHN").studyInstanceUid("1.2.3").build();
    CardiacImage withStudy = base.patientId("").studyInstanceUid("1.2.3").build();
    CardiacImage withFolder = base.patientId("").studyInstanceUid("").build();
    assertEquals("DOE^JOHN", PatientSplit.patientIdentity(withId));
    assertEquals(PatientKey.of("DOE^JOHN"), PatientSplit.patientKey(withId));
    assertEquals("study:1.2.3", PatientSplit.patientIdentity(withStudy));
    assertEquals("folder:/data/a", PatientSplit.patientIdentity(withFolder));
    assertTrue(!PatientSplit.patientKey(withId).contains("DOE"));
    Map<String, Integer> distinct = new HashMap<>();
    for (CardiacImage i : List.of(withId, withStudy, withFolder)) {
      distinct.merge(PatientSplit.patientKey(i), 1, Integer::sum);
    }
    assertEquals(3, distinct.size());
  }

  @Test
  void refusesFractionsOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new PatientSplit(-0.1));
    assertThrows(IllegalArgumentException.class, () -> new PatientSplit(1.5));
    assertThrows(IllegalArgumentException.class, () -> new PatientSplit(Double.NaN));
  }
}
