package org.heartbeam.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.heartbeam.dicom.DicomTags;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files are named and numbered exactly like the Sunnybrook release; options are validated. */
class SunnybrookLayoutTest {

  @Test
  void writesSunnybrookLayoutWithMatchingInstanceNumbers(@TempDir Path dir) throws Exception {
    SynthSummary summary = SyntheticStudyGenerator.generate(
        SynthOptions.builder().patients(2).slices(3).phases(4).seed(9).build(), dir);
    assertEquals(List.of("patient_id,original_id", "SYN0001,SYN-HF-1", "SYN0002,SYN-HF-2"),
        Files.readAllLines(dir.resolve("link.csv")));
    assertEquals(24, summary.images());
    assertEquals(2 * 3 * 4 * 2, summary.contourFiles());
    for (String id : new String[] {"SYN0001", "SYN0002"}) {
      for (int n = 1; n <= 12; n++) {
        AttributeList list = SynthFiles.read(dir.resolve("dicoms/" + id + "/" + n + ".dcm"));
        assertEquals(n, SynthFiles.integer(list, TagFromName.InstanceNumber));
        int phase = (n - 1) % 4;
        assertEquals(phase + 1, SynthFiles.integer(list, DicomTags.TEMPORAL_POSITION_IDENTIFIER));
        assertEquals(4, SynthFiles.integer(list, DicomTags.CARDIAC_NUMBER_OF_IMAGES));
        assertEquals(id, list.get(TagFromName.PatientID).getSingleStringValueOrEmptyString());
        assertTrue(list.get(TagFromName.PatientName).getSingleStringValueOrEmptyString().startsWith("SYNTHETIC"));
        double trigger = SynthFiles.doubles(list, TagFromName.TriggerTime)[0];
        assertEquals(phase == 0, trigger == 0, "trigger time " + trigger + " at phase " + phase);
      }
    }
    assertEquals(24, SynthFiles.dicoms(dir).size());
    assertTrue(Files.isRegularFile(dir.resolve("contourfiles/SYN-HF-2/i-contours/IM-0001-0012-icontour-manual.txt")));
    assertTrue(Files.isRegularFile(dir.resolve("contourfiles/SYN-HF-2/o-contours/IM-0001-0012-ocontour-manual.txt")));
    assertTrue(Files.readString(dir.resolve("contourfiles/SYN-HF-1/i-contours/IM-0001-0001-icontour-manual.txt"))
        .matches("(\\d+\\.\\d\\d \\d+\\.\\d\\d\\n){128}"));
  }

  @Test
  void edEsOptionContoursOnlyTwoPhasesPerSlice(@TempDir Path dir) throws Exception {
    SynthSummary summary = SyntheticStudyGenerator.generate(SynthOptions.builder()
        .patients(1).slices(3).phases(10).seed(9).contouredPhases(ContouredPhases.ED_ES).build(), dir);
    PatientTruth truth = summary.truth().get(0);
    assertEquals(3 * 2 * 2, summary.contourFiles());
    List<Path> inner = SynthFiles.files(dir.resolve("contourfiles/SYN-HF-1/i-contours"));
    assertEquals(6, inner.size());
    for (int slice = 0; slice < 3; slice++) {
      for (int phase : new int[] {truth.edPhase(), truth.esPhase()}) {
        assertTrue(Files.isRegularFile(dir.resolve(String.format(
            "contourfiles/SYN-HF-1/i-contours/IM-0001-%04d-icontour-manual.txt", slice * 10 + phase + 1))));
      }
    }
  }

  @Test
  void rejectsBadOptionsWithClearMessages(@TempDir Path dir) throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SynthOptions.builder().patients(0).build());
    assertTrue(e.getMessage().contains("patients"), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthOptions.builder().slices(2).build())
        .getMessage().contains("slices"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthOptions.builder().phases(3).build())
        .getMessage().contains("phases"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthOptions.builder().rows(64).build())
        .getMessage().contains("rows"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SynthOptions.builder().contouredPhases(null).build())
        .getMessage().contains("contouredPhases"));
    Files.writeString(dir.resolve("leftover.txt"), "x");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).build(), dir))
        .getMessage().contains("not empty"));
  }
}
