package org.heartbeam.dicom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import org.heartbeam.model.image.PatientKey;
import org.heartbeam.testing.Dcmtk;
import org.heartbeam.testing.TestDicomFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomFileDescriptionTest {

  @Test
  void describesAnMrImageWithoutThePatientId() throws Exception {
    String text = DicomFileDescription.describeAsText(TestDicomFile.mr(2, 3, new short[6])
        .put(TagFromName.TriggerTime, "412.5").put(TagFromName.RescaleSlope, "2")
        .put(TagFromName.RescaleIntercept, "-5").bytes());

    for (String expected : new String[] {"MR Image Storage (1.2.840.10008.5.1.4.1.1.4)", "Modality:         MR",
        "1.2.840.10008.1.2.1 (Explicit VR Little Endian)", "2 rows x 3 columns, 1 frame(s)",
        "16 bits allocated, 16 stored, signed, MONOCHROME2", "slope 2, intercept -5", "1.5 x 1.25 mm",
        "Slice thickness:  8 mm", "Position:         present, orientation: present", "412.5 ms",
        "Patient key:      " + PatientKey.of("TEST-PATIENT-42"), "Decodes:          yes, 1 image(s)"}) {
      assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
    }
    assertFalse(text.contains("TEST-PATIENT-42"), text);
  }

  @Test
  void describesEnhancedMrFromItsFunctionalGroups() throws Exception {
    String text = DicomFileDescription.describeAsText(EnhancedMr.twoFrames().bytes());
    for (String expected : new String[] {"Enhanced MR Image Storage", "2 frame(s)", "0.7 x 0.8 mm", "6 mm",
        "slope 2, intercept -10", "Trigger time:     0 ms", "Decodes:          yes, 2 image(s)"}) {
      assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
    }
  }

  @Test
  void describesWhatTheDecoderRefusesAndWhy(@TempDir Path dir) throws Exception {
    Path file = TestDicomFile.mr(2, 2, new short[4]).remove(TagFromName.PixelSpacing).write(dir.resolve("a.dcm"));
    Path jpeg = Dcmtk.run("dcmcjpeg", file, dir.resolve("jpeg.dcm"));
    String text = DicomFileDescription.describeAsText(Files.readAllBytes(jpeg));
    assertTrue(text.contains("Pixel spacing:    MISSING"), text);
    assertTrue(text.contains("1.2.840.10008.1.2.4.70"), text);
    assertTrue(text.contains("Decodes:          no: "), text);
  }

  @Test
  void refusesWhatIsNotDicom() {
    assertThrows(DicomDecodeException.class, () -> DicomFileDescription.describe("hello".getBytes()));
  }
}
