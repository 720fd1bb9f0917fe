package org.heartbeam.transforms.stats;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.heartbeam.model.stats.ImageMetric;
import org.heartbeam.model.stats.ImageStatistics;
import org.heartbeam.model.stats.MetricSummary;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.model.stats.SummaryStatistics;
import org.heartbeam.transforms.deadletter.DeadLetter;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The summarizing and volume transforms on small hand-made statistics, in the DirectRunner. */
@ExtendWith(TestPipelineExtension.class)
class StatisticsTransformsTest {
  private static final double NAN = Double.NaN;

  @Test
  void summariesPerPatientAndRunHaveTheHandComputedValues(TestPipeline pipeline) {
    // Patient A: dice 0.8 and 0.9 plus one unlabelled image; patient B: dice 0.7. Areas 100..400.
    List<ImageStatistics> images = List.of(
        image("a1", "p-a", 0.8, 100), image("a2", "p-a", 0.9, 200), image("a3", "p-a", NAN, 300),
        image("b1", "p-b", 0.7, 400));
    PCollection<ImageStatistics> input =
        pipeline.apply(Create.of(images).withCoder(SerializableCoder.of(ImageStatistics.class)));

    PAssert.that(input.apply("Patients", SummarizeStatistics.perPatient())).satisfies(summaries -> {
      int n = 0;
      for (MetricSummary s : summaries) {
        n++;
        assertEquals("m", s.modelVersion());
        if (s.patientKey().equals("p-a")) {
          assertEquals(3, s.images());
          assertEquals(2, s.labelled());
          SummaryStatistics dice = s.get(ImageMetric.DICE);
          assertEquals(2, dice.count());
          assertEquals(1, dice.nanCount());
          assertEquals(0.85, dice.mean(), 1e-12);
          assertEquals(0.85, dice.median(), 1e-12);
          assertEquals(Math.sqrt(0.005), dice.sd(), 1e-12); // (0.05^2 x 2) / 1
          assertEquals(200, s.get(ImageMetric.LV_AREA_MM2).median(), 1e-12);
        } else {
          assertEquals("p-b", s.patientKey());
          assertEquals(1, s.images());
          assertEquals(0.7, s.get(ImageMetric.DICE).max(), 1e-12);
        }
      }
      assertEquals(2, n);
      return null;
    });
    PAssert.thatSingleton(input.apply("Run", SummarizeStatistics.perRun())).satisfies(s -> {
      assertEquals("", s.patientKey());
      assertEquals(4, s.images());
      assertEquals(3, s.labelled());
      SummaryStatistics dice = s.get(ImageMetric.DICE);
      assertEquals(0.8, dice.median(), 1e-12);
      assertEquals(0.75, dice.q1(), 1e-12); // h = 0.5 between 0.7 and 0.8
      assertEquals(0.85, dice.q3(), 1e-12);
      SummaryStatistics area = s.get(ImageMetric.LV_AREA_MM2);
      assertEquals(4, area.count());
      assertEquals(250, area.mean(), 1e-12);
      assertEquals(175, area.q1(), 1e-12); // h = 0.75: 100 + 0.75 x 100
      return null;
    });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void summarizeFnGivesTheSameResultHoweverItIsSplitAndMerged() {
    List<ImageStatistics> images = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      images.add(image("i" + i, "p-a", i % 5 == 0 ? NAN : 0.5 + i / 100.0, 50 + 7 * i));
    }
    MetricSummary.Accumulator all = new MetricSummary.Accumulator(false);
    images.forEach(all::add);
    CombineFnTester.testCombineFn(SummarizeMetricsFn.perRun(), images, equalTo(all.result()));
  }

  @Test
  void volumesDeadLetterUnplaceableImagesAndReportIncompleteSeries(TestPipeline pipeline) {
    List<ImageStatistics> images = new ArrayList<>();
    // Series 1: 2 slices x 2 phases, complete: (1000 + 1000) x 10 mm = 20 ml and (500 + 500) -> 10 ml.
    images.add(slice("s1", "se-1", 0, 0, 1000));
    images.add(slice("s1", "se-1", 0, 1, 500));
    images.add(slice("s1", "se-1", 10, 0, 1000));
    images.add(slice("s1", "se-1", 10, 1, 500));
    // Series 2: one slice only.
    images.add(slice("s1", "se-2", 0, 0, 1000));
    images.add(slice("s1", "se-2", 0, 1, 500));
    // Unplaceable: no study, no position.
    images.add(slice("", "se-3", 0, 0, 1000));
    images.add(slice("s1", "se-1", NAN, 0, 1000));

    WithDeadLetters<StudyVolumes> volumes = pipeline
        .apply(Create.of(images).withCoder(SerializableCoder.of(ImageStatistics.class)))
        .apply(EstimateVolumes.create());

    PAssert.that(volumes.deadLetters()).satisfies(dead -> {
      int n = 0;
      for (DeadLetter d : dead) {
        n++;
        assertEquals(EstimateVolumes.STAGE, d.stage());
        assertTrue(d.reason().contains("StudyInstanceUID") || d.reason().contains("slice position"), d.reason());
      }
      assertEquals(2, n);
      return null;
    });
    PAssert.that(volumes.output()).satisfies(series -> {
      int n = 0;
      for (StudyVolumes v : series) {
        n++;
        if (v.seriesKey().equals("se-1")) {
          assertTrue(v.computable(), v.reason());
          assertEquals(20, v.edvMl(), 1e-9);
          assertEquals(10, v.esvMl(), 1e-9);
          assertEquals(50, v.efPercent(), 1e-9);
        } else {
          assertFalse(v.computable());
          assertTrue(v.reason().contains("at least 2 slice positions"), v.reason());
          assertTrue(Double.isNaN(v.efPercent()));
        }
      }
      assertEquals(2, n);
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    long read = counter(result, EstimateVolumes.IMAGES_READ);
    assertEquals(8, read);
    assertEquals(read, counter(result, EstimateVolumes.IMAGES_GROUPED) + counter(result,
        EstimateVolumes.IMAGES_DEAD_LETTERED));
    assertEquals(1, counter(result, EstimateVolumes.SERIES_COMPUTED));
    assertEquals(1, counter(result, EstimateVolumes.SERIES_NOT_COMPUTABLE));
  }

  @Test
  void emptyInputStillWritesHeadersAndEmptyArrays(TestPipeline pipeline, @TempDir Path out) throws Exception {
    PCollection<ImageStatistics> none =
        pipeline.apply(Create.empty(SerializableCoder.of(ImageStatistics.class)));
    none.apply("Images", WriteStatistics.images(out.toString()));
    none.apply("Run", SummarizeStatistics.perRun()).apply("WriteRun", WriteStatistics.run(out.toString()));
    none.apply("Volumes", EstimateVolumes.create()).output().apply("WriteVolumes",
        WriteStatistics.volumes(out.toString()));
    pipeline.run().waitUntilFinish();
    assertEquals(List.of(StatisticsCsv.IMAGES_HEADER), Files.readAllLines(out.resolve(WriteStatistics.IMAGES_CSV)));
    assertEquals(List.of(StatisticsCsv.RUN_HEADER), Files.readAllLines(out.resolve(WriteStatistics.RUN_CSV)));
    assertEquals(List.of("[]"), Files.readAllLines(out.resolve(WriteStatistics.RUN_JSON)));
    assertEquals(List.of("[]"), Files.readAllLines(out.resolve(WriteStatistics.VOLUMES_JSON)));
  }

  private static ImageStatistics image(String key, String patient, double dice, double area) {
    boolean labelled = !Double.isNaN(dice);
    return new ImageStatistics(key, patient, "st-1", "se-1", "mem:" + key, "m", NAN, -1, NAN, area, 0, labelled,
        labelled ? area : NAN, dice, dice, dice, dice, dice, labelled ? 1.0 : NAN, labelled ? 0.5 : NAN);
  }

  private static ImageStatistics slice(String study, String series, double position, int phase, double area) {
    String key = study + series + position + "/" + phase;
    return new ImageStatistics(key, "p-a", study, series, "mem:" + key, "m", position, phase, NAN, area, 0, false,
        NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN);
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(EstimateVolumes.class, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}
