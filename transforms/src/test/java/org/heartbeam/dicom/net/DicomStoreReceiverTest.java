package org.heartbeam.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.heartbeam.testing.SharedData;
import org.heartbeam.testing.Storescu;
import org.heartbeam.testing.TestDicomFile;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.dicom.IncomingFiles;

/** The C-STORE receiver, with dcmtk's storescu as the real client. */
class DicomStoreReceiverTest {
  @TempDir Path tmp;

  @Test
  @Timeout(60)
  void wholeSyntheticCineStudyArrivesComplete() throws Exception {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).slices(3).phases(4).build(), synth);
    List<Path> sent = dicoms(synth.resolve("dicoms"));
    assertEquals(12, sent.size());
    Path watched = tmp.resolve("watched");
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of())) {
      Storescu.Result result = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", sent);
      assertEquals(0, result.exitCode(), result.output());
      assertEquals(12, receiver.objectsLanded());
    }
    assertSameInstances(sent, landed(watched));
    assertNoLeftovers(watched);
  }

  @Tag("realdata")
  @Test
  @Timeout(60)
  void realSunnybrookSeriesArrivesFromAnAllowedCallingAe() throws Exception {
    Path patient = SharedData.sunnybrook().resolve("dicoms/SCD0000101");
    List<Path> sent = dicoms(patient).subList(0, 20);
    Path watched = tmp.resolve("watched");
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of("SCANNER", "PACS"))) {
      Storescu.Result result = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", sent);
      assertEquals(0, result.exitCode(), result.output());
    }
    assertSameInstances(sent, landed(watched));
    assertNoLeftovers(watched);
  }

  @Test
  @Timeout(60)
  void disallowedCallingAeIsRejectedAtAssociation() throws Exception {
    Path file = TestDicomFile.mr(2, 2, (short) 1, (short) 2, (short) 3, (short) 4).write(tmp.resolve("a.dcm"));
    Path watched = tmp.resolve("watched");
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of("SCANNER"))) {
      Storescu.Result refused = Storescu.send(receiver.port(), "INTRUDER", "HEARTBEAM", List.of(file));
      assertNotEquals(0, refused.exitCode(), refused.output());
      assertTrue(refused.output().contains("Calling AE Title Not Recognized"), refused.output());
      // The gate then still lets an allowed sender in on the same receiver.
      Storescu.Result allowed = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", List.of(file));
      assertEquals(0, allowed.exitCode(), allowed.output());
      assertEquals(1, receiver.objectsLanded());
    }
    assertEquals(1, landed(watched).size());
    assertNoLeftovers(watched);
  }

  @Test
  @Timeout(60)
  void nonMrSopClassIsRefusedAndNothingLands() throws Exception {
    Path secondaryCapture = TestDicomFile.mr(2, 2, (short) 1, (short) 2, (short) 3, (short) 4)
        .put(TagFromName.SOPClassUID, SOPClass.SecondaryCaptureImageStorage)
        .put(TagFromName.Modality, "OT").write(tmp.resolve("sc.dcm"));
    Path ct = TestDicomFile.mr(2, 2, (short) 1, (short) 2, (short) 3, (short) 4)
        .put(TagFromName.SOPClassUID, SOPClass.CTImageStorage)
        .put(TagFromName.Modality, "CT").write(tmp.resolve("ct.dcm"));
    Path watched = tmp.resolve("watched");
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(watched, 0, "HEARTBEAM", Set.of())) {
      Storescu.Result result = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", List.of(secondaryCapture, ct));
      assertNotEquals(0, result.exitCode(), result.output());
      assertTrue(result.output().contains("No presentation context"), result.output());
      assertEquals(0, receiver.objectsLanded());
      assertEquals(0, receiver.objectsRefused(), "refused at association, never received");
    }
    assertEquals(List.of(), landed(watched));
    assertNoLeftovers(watched);
  }

  @Test
  void portInUseIsABindError() throws Exception {
    try (DicomStoreReceiver first = DicomStoreReceiver.start(tmp.resolve("a"), 0, "HEARTBEAM", Set.of())) {
      assertThrows(BindException.class,
          () -> DicomStoreReceiver.start(tmp.resolve("b"), first.port(), "HEARTBEAM", Set.of()));
    }
  }

  @Test
  void fileNamesNeverComeFromRawHeaderValues() {
    assertEquals("1.2.840.5.6.dcm", ReceivedFileNames.instanceFile("1.2.840.5.6"));
    assertTrue(ReceivedFileNames.instanceFile("../../etc/passwd").matches("sop-[0-9a-f]{32}\\.dcm"));
    assertTrue(ReceivedFileNames.instanceFile("DOE^JOHN").matches("sop-[0-9a-f]{32}\\.dcm"));
    assertTrue(ReceivedFileNames.studyFolder("1.2.3").matches("study-[0-9a-f]{16}"));
  }

  /** Same instances (by SOP Instance UID), same pixel data bytes, same count. */
  private static void assertSameInstances(List<Path> sent, List<Path> landed) throws Exception {
    Map<String, short[]> sentPixels = new HashMap<>();
    for (Path file : sent) {
      AttributeList list = read(file);
      sentPixels.put(Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID),
          list.get(TagFromName.PixelData).getShortValues());
    }
    assertEquals(sent.size(), landed.size());
    for (Path file : landed) {
      AttributeList list = read(file);
      String uid = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.SOPInstanceUID);
      assertEquals(uid + ".dcm", file.getFileName().toString());
      short[] expected = sentPixels.get(uid);
      assertTrue(expected != null && expected.length > 0, "landed an instance that was sent: " + file);
      assertArrayEquals(expected, list.get(TagFromName.PixelData).getShortValues(), uid);
    }
  }

  private static void assertNoLeftovers(Path watched) throws IOException {
    try (Stream<Path> all = Files.walk(watched)) {
      List<Path> stray = all.filter(Files::isRegularFile)
          .filter(f -> !IncomingFiles.isComplete(watched.relativize(f).toString())).toList();
      assertEquals(List.of(), stray, "no .part, .tmp or staged files remain");
    }
  }

  private static AttributeList read(Path file) throws Exception {
    AttributeList list = new AttributeList();
    list.read(file.toFile());
    return list;
  }

  static List<Path> landed(Path watched) throws IOException {
    try (Stream<Path> all = Files.walk(watched)) {
      return all.filter(Files::isRegularFile).filter(f -> IncomingFiles.isComplete(watched.relativize(f).toString()))
          .sorted().toList();
    }
  }

  private static List<Path> dicoms(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
    }
  }
}
