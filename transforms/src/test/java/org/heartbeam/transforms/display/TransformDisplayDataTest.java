package org.heartbeam.transforms.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.heartbeam.model.preprocess.PreprocessOptions;
import org.heartbeam.transforms.deadletter.WriteDeadLetters;
import org.heartbeam.transforms.dicom.ReadDicomFiles;
import org.heartbeam.transforms.dicom.WatchDicomFolder;
import org.heartbeam.transforms.output.WriteMaskImages;
import org.heartbeam.transforms.output.WriteSegmentations;
import org.heartbeam.transforms.preprocess.PrepareForModel;
import org.heartbeam.transforms.stats.ReportStatistics;
import org.heartbeam.transforms.stats.SummarizeStatistics;
import org.heartbeam.transforms.sunnybrook.LabelWithContours;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.heartbeam.transforms.tfrecord.ReadSeedTfRecords;
import org.heartbeam.transforms.tfrecord.WriteSeedTfRecords;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** What each public transform shows a runner's UI: the settings it was built with, by key. */
class TransformDisplayDataTest {
  /**
   * The transform's own items (key -> value as text), without those of its parts; an AutoValue
   * transform's items are in the namespace of the class it extends.
   */
  private static Map<String, String> items(PTransform<?, ?> transform) {
    Map<String, String> items = new TreeMap<>();
    for (DisplayData.Item item : DisplayData.from(transform).items()) {
      if (item.getNamespace().isAssignableFrom(transform.getClass())) {
        items.put(item.getKey(), String.valueOf(item.getValue()));
      }
    }
    return items;
  }

  @Test
  void readersShowWhatTheyRead() {
    assertEquals(Map.of("filePattern", "/in/*.dcm"), items(ReadDicomFiles.matching("/in/*.dcm")));
    assertEquals(Map.of("stage", ReadDicomFiles.STAGE), items(ReadDicomFiles.fromFiles()));
    assertEquals(Map.of("filePattern", "/in/*.tfrecords", "pixelSpacingMm", "1.5"),
        items(ReadSeedTfRecords.from("/in/*.tfrecords").withPixelSpacingMm(1.5)));
    assertEquals(Map.of("pixelSpacingMm", "1.0"), items(ReadSeedTfRecords.files()));
    assertEquals(Map.of("root", "/sunnybrook", "withUnlabelled", "true"),
        items(ReadSunnybrook.from("/sunnybrook").withUnlabelled(true)));
    assertEquals(Map.of("contourFolder", "/contours", "withUnlabelled", "false"),
        items(LabelWithContours.from("/contours")));
    Map<String, String> watch = items(WatchDicomFolder.of("/incoming").withPollInterval(Duration.standardSeconds(2)));
    assertEquals("/incoming", watch.get("directory"));
    assertEquals(String.valueOf(Duration.standardSeconds(2).getMillis()), watch.get("pollInterval"));
    assertEquals(3, watch.size(), watch.toString());
  }

  @Test
  void writersShowWhereTheyWrite() {
    assertEquals(Map.of("outputDirectory", "/out", "perModelVersion", "true"),
        items(WriteSegmentations.to("/out").perModelVersion()));
    assertEquals(Map.of("outputDirectory", "/out"), items(WriteMaskImages.to("/out")));
    assertEquals(Map.of("outputPrefix", "/out/train", "numShards", "3"),
        items(WriteSeedTfRecords.to("/out/train").withNumShards(3)));
    assertEquals(Map.of("prefix", "/out/dead_letters"), items(WriteDeadLetters.to("/out/dead_letters")));
    assertEquals(Map.of("outputDirectory", "/out"), items(ReportStatistics.to("/out")));
  }

  @Test
  void stepsShowTheirSettings() {
    assertEquals(Map.of("perPatient", "true"), items(SummarizeStatistics.perPatient()));
    assertEquals(Map.of("preprocessing", PreprocessOptions.defaults().toString()), items(PrepareForModel.withDefaults()));
  }
}
