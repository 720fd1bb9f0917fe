package org.heartbeam.pipelines.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heartbeam.testing.SharedData;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.pipelines.split.DatasetSplit;

/** A plain DICOM folder plus a folder of i-contours, paired by the images' own InstanceNumber. */
class ConvertDicomWithContoursTest {
  @Tag("flink")
  @Tag("realdata")
  @Tag("slow")
  @Test
  @Timeout(300)
  void realSeriesGetsItsExpertLabels(@TempDir Path tmp) throws Exception {
    Path sunnybrook = SharedData.sunnybrook();
    Path out = tmp.resolve("out");
    ConvertManifest manifest = ConvertOutputs.convert(sunnybrook.resolve("dicoms/SCD0000101"), out,
        "--contours=" + sunnybrook.resolve("contourfiles/SC-HF-I-1/i-contours"), "--includeUnlabelled",
        // 240 images through a CoGroupByKey: embedded Flink takes seconds where the DirectRunner takes minutes.
        "--runner=FlinkRunner", "--flinkMaster=[local]");
    Map<String, Integer> records = new HashMap<>(ConvertOutputs.records(out, DatasetSplit.TRAIN));
    records.putAll(ConvertOutputs.records(out, DatasetSplit.VALIDATION));
    assertEquals(240, records.size(), "one patient: all in one split, every image kept");
    assertEquals(18, records.values().stream().filter(lv -> lv > 0).count(), "the 18 contoured images");
    assertEquals(0, manifest.deadLettered());
    assertEquals(java.util.Optional.of(true), manifest.reconciles());
  }

  @Tag("slow")
  @Test
  @Timeout(300)
  void badContoursAreDeadLettered(@TempDir Path tmp) throws Exception {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(1).slices(3).phases(4).seed(5).build(), synth);
    Path contours = synth.resolve("contourfiles/SYN-HF-1/i-contours");
    Files.writeString(contours.resolve("IM-0001-0005-icontour-manual.txt"), "12.5 oops\n");    // garbage
    Files.writeString(contours.resolve("IM-0001-0999-icontour-manual.txt"), "1 1\n5 1\n5 5\n"); // no image 999
    Files.writeString(contours.resolve("IM-0001-0007-icontour-manual.txt"), "900 900\n950 900\n950 950\n"); // off-grid

    Path out = tmp.resolve("out");
    ConvertManifest manifest = ConvertOutputs.convert(synth.resolve("dicoms/SYN0001"), out, "--contours=" + contours);
    List<DeadLetter> dead = ConvertOutputs.deadLetterLines(out).stream().map(DeadLetter::fromJson)
        .collect(Collectors.toList());
    assertEquals(Set.of("IM-0001-0005-icontour-manual.txt", "IM-0001-0999-icontour-manual.txt",
        "IM-0001-0007-icontour-manual.txt"),
        dead.stream().map(d -> Path.of(d.source()).getFileName().toString()).collect(Collectors.toSet()), dead.toString());
    // 12 images, 12 contour files of which 2 were overwritten with bad ones: 10 labelled records
    long written = manifest.records(DatasetSplit.TRAIN) + manifest.records(DatasetSplit.VALIDATION);
    assertEquals(10, written);
    // 12 images = 10 written + 2 skipped (their contours were bad); 12 contour files + 1 extra = 10 used + 3 dead
    var reconciliation = manifest.json().path("reconciliation");
    assertEquals(2, reconciliation.path("skipped_unlabelled").asLong(), reconciliation.toString());
    assertEquals(java.util.Optional.of(true), manifest.reconciles(), reconciliation.toString());
    assertEquals(13, manifest.json().path("reader_counters").path("LabelWithContours.contour-files").asLong());
    assertTrue(dead.stream().anyMatch(d -> d.reason().contains("no image has InstanceNumber 999")), dead.toString());
    assertTrue(dead.stream().anyMatch(d -> d.reason().contains("does not fit")), dead.toString());
  }
}
