package org.heartbeam.pipelines.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.heartbeam.testing.Storescu;
import org.heartbeam.dicom.net.DicomStoreReceiver;
import org.heartbeam.transforms.output.Dciodvfy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end to end on the DirectRunner: dcmtk's storescu pushes a phantom study (3 slices x 4
 * phases) to the DICOM receiver, which lands it in the folder the stream watches; once the study's
 * session closes the stream has written one valid DICOM SEG for the series with a frame per image,
 * and the session's volumes file over the whole cine stack with its EF (or why it is not computable).
 */
@Tag("slow")
class StreamReceiveSegTest {
  @Test
  @Timeout(90)
  void storescuPushesAStudyAndItsSegAndEfAppear(@TempDir Path tmp) throws Exception {
    StreamFixture fixture = new StreamFixture(tmp);
    int n = fixture.phantomFiles.size();
    try (DicomStoreReceiver receiver = DicomStoreReceiver.start(fixture.watched, 0, "HEARTBEAM", Set.of("SCANNER"))) {
      AtomicReference<String> failure = new AtomicReference<>();
      Thread scanner = new Thread(() -> {
        Storescu.Result result = Storescu.send(receiver.port(), "SCANNER", "HEARTBEAM", fixture.phantomFiles);
        if (result.exitCode() != 0) {
          failure.set(result.output());
        }
      }, "scanner");
      scanner.setDaemon(true);
      scanner.start();
      // Returns when the watch has been idle for --idleStopSeconds; its final watermark closes the session.
      StreamPipeline.run(PipelineOptionsFactory.fromArgs(fixture.args("--runner=DirectRunner")).as(StreamOptions.class));
      scanner.join(10_000);
      assertEquals(null, failure.get(), "storescu");
      assertEquals(n, receiver.objectsLanded());
    }

    List<Path> segs;
    try (Stream<Path> files = Files.walk(fixture.output.resolve(StreamPipeline.SEG_DIR))) {
      segs = files.filter(Files::isRegularFile).toList();
    }
    assertEquals(1, segs.size(), "one SEG for the one series, no temporary file left: " + segs);
    Path seg = segs.get(0);
    assertEquals("seg." + StreamFixture.MODEL + "_1.dcm", seg.getFileName().toString(), "named by the version");
    AttributeList list = new AttributeList();
    list.read(seg.toFile());
    assertEquals(n, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, -1), "a frame per image");
    assertEquals(List.of(), Dciodvfy.errors(seg), "dciodvfy errors");

    List<JsonNode> volumes = fixture.read(WriteWindowFiles.VOLUMES_DIR);
    assertEquals(1, volumes.size(), "one session for the study: " + volumes);
    JsonNode study = volumes.get(0);
    assertEquals(n, study.path("images").asInt(), study.toString());
    assertEquals(3, study.path("slices").asInt(), study.toString());
    assertEquals(4, study.path("phases").asInt(), study.toString());
    // The tiny model's EF value means nothing (measured 15.9 %); that a whole stack gives one does.
    assertTrue(study.path("computable").asBoolean(), study.toString());
    assertEquals("", study.path("reason").asText(), study.toString());
    double ef = study.path("ef_percent").asDouble(Double.NaN);
    assertTrue(study.path("ef_percent").isNumber() && ef >= 0 && ef <= 100, study.toString());
    assertEquals(0, fixture.count(WriteWindowFiles.DEAD_LETTERS_DIR), "no dead letters");
  }
}
