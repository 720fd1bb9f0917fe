package org.heartbeam.pipelines.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.heartbeam.testing.MalformedDicomCorpus;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.heartbeam.pipelines.split.DatasetSplit;

/**
 * A plain DICOM folder with the malformed corpus mixed in: the run completes, every good image becomes
 * an (unlabelled) record, every bad file one dead letter, and the counts reconcile.
 */
@Tag("slow")
class ConvertDicomFolderTest {
  @Test
  @Timeout(300)
  void malformedFilesAreDeadLetteredAndCountsReconcile(@TempDir Path tmp) throws Exception {
    Path synth = tmp.resolve("synth");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(2).slices(3).phases(4).seed(3).build(), synth);
    Path folder = synth.resolve("dicoms");
    Map<String, String> malformed = MalformedDicomCorpus.writeTo(folder.resolve("incoming"));
    long good;
    try (Stream<Path> files = Files.walk(folder)) {
      good = files.filter(f -> f.toString().endsWith(".dcm") && !f.startsWith(folder.resolve("incoming"))).count();
    }

    Path out = tmp.resolve("out");
    ConvertManifest manifest = ConvertOutputs.convert(folder, out, "--validationFraction=0.5");

    long written = manifest.records(DatasetSplit.TRAIN) + manifest.records(DatasetSplit.VALIDATION);
    assertEquals(good, written);
    assertEquals(malformed.size(), manifest.deadLettered());
    List<DeadLetter> dead = ConvertOutputs.deadLetterLines(out).stream().map(DeadLetter::fromJson)
        .collect(Collectors.toList());
    assertEquals(malformed.keySet(), dead.stream().map(d -> Path.of(d.source()).getFileName().toString())
        .collect(Collectors.toSet()));
    dead.forEach(d -> assertTrue(!d.reason().isBlank() && d.stage().equals("dicom-decode"), d.toString()));
    // read = written + dead-lettered, by the reader's own counters
    long filesRead = manifest.json().path("reader_counters").path("ReadDicomFiles.filesRead").asLong();
    assertEquals(good + malformed.size(), filesRead, manifest.json().path("reader_counters").toString());
    assertEquals(java.util.Optional.of(true), manifest.reconciles());
    // unlabelled DICOM: every record has an empty label
    ConvertOutputs.records(out, DatasetSplit.TRAIN).values().forEach(lv -> assertEquals(0, lv));
  }
}
