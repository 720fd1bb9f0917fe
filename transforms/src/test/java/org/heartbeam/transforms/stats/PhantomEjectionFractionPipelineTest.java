package org.heartbeam.transforms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.heartbeam.model.image.PatientKey;
import org.heartbeam.model.stats.StudyVolumes;
import org.heartbeam.transforms.deadletter.WithDeadLetters;
import org.heartbeam.transforms.sunnybrook.ReadSunnybrook;
import org.heartbeam.phantom.SynthOptions;
import org.heartbeam.phantom.SyntheticStudyGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole statistics report over a synthetic phantom read back from DICOM and contour files, with
 * the expert masks standing in for predictions: its EDV, ESV and EF must be the phantom's known ones
 * (ground_truth.csv), and every output file must be there and consistent.
 *
 * <p>Tolerances: the masks are the i-contour polygons filled by pixel centres; the truth is the
 * polygons' exact (shoelace) area. That rasterization differs from the polygon area by well under 2 %
 * of a stack's volume (PhantomEjectionFractionTest pins it), so volumes must agree within 2 % and EF
 * within 1 point (tighter than the 5 points the requirement allows, which is for a model's masks).
 */
@ExtendWith(TestPipelineExtension.class)
@Tag("slow")
class PhantomEjectionFractionPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void expertMasksReproduceThePhantomsVolumesAndEf(TestPipeline pipeline, @TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("phantom");
    Path out = tmp.resolve("stats");
    SyntheticStudyGenerator.generate(SynthOptions.builder().patients(2).slices(4).phases(6).rows(128).cols(128).seed(11).build(), data);
    Map<String, Truth> truth = readTruth(data.resolve("ground_truth.csv"));

    WithDeadLetters<StudyVolumes> report = pipeline
        .apply("Read", ReadSunnybrook.from(data.toString())).output()
        .apply("Segment", new ExpertMasks())
        .apply("Report", ReportStatistics.to(out.toString()));

    PAssert.that(report.deadLetters()).empty();
    PAssert.that(report.output()).satisfies(studies -> {
      int n = 0;
      for (StudyVolumes v : studies) {
        n++;
        Truth t = truth.get(v.patientKey());
        assertTrue(v.computable(), v.reason());
        assertEquals(4, v.slices());
        assertEquals(6, v.phases());
        assertEquals(24, v.imageCount());
        assertEquals(t.edPhase, v.edPhase());
        assertEquals(t.esPhase, v.esPhase());
        assertEquals(t.edvMl, v.edvMl(), 0.02 * t.edvMl, "EDV");
        assertEquals(t.esvMl, v.esvMl(), 0.02 * t.esvMl, "ESV");
        assertEquals(t.efPercent, v.efPercent(), 1.0, "EF");
        System.out.printf("phantom %s: EDV %.2f/%.2f ml, ESV %.2f/%.2f ml, EF %.2f/%.2f %% (truth/measured)%n",
            v.patientKey(), t.edvMl, v.edvMl(), t.esvMl, v.esvMl(), t.efPercent, v.efPercent());
      }
      assertEquals(2, n);
      return null;
    });
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    long read = counter(result, ComputeImageStatistics.READ);
    assertEquals(48, read);
    assertEquals(read, counter(result, ComputeImageStatistics.EMITTED)
        + counter(result, ComputeImageStatistics.DEAD_LETTERED));

    List<String> images = Files.readAllLines(out.resolve(WriteStatistics.IMAGES_CSV));
    assertEquals(StatisticsCsv.IMAGES_HEADER, images.get(0));
    assertEquals(1 + 48, images.size());
    int dice = List.of(StatisticsCsv.IMAGES_HEADER.split(",")).indexOf("dice");
    for (String row : images.subList(1, images.size())) {
      assertTrue(row.startsWith(ExpertMasks.MODEL_VERSION + ","), row);
      assertEquals("1", row.split(",", -1)[dice], row); // a mask against itself
    }
    // 2 patients x 9 metrics, and 9 metrics for the run
    assertEquals(1 + 18, Files.readAllLines(out.resolve(WriteStatistics.PATIENTS_CSV)).size());
    assertEquals(1 + 9, Files.readAllLines(out.resolve(WriteStatistics.RUN_CSV)).size());

    JsonNode run = JSON.readTree(out.resolve(WriteStatistics.RUN_JSON).toFile());
    assertEquals(1, run.size());
    assertEquals(ExpertMasks.MODEL_VERSION, run.get(0).get("model_version").asText());
    assertEquals(48, run.get(0).get("labelled").asLong());
    assertEquals(48, run.get(0).get("metrics").get("dice").get("count").asLong());
    assertEquals(1.0, run.get(0).get("metrics").get("dice").get("min").asDouble(), 0);
    assertEquals(0.0, run.get(0).get("metrics").get("hd95_mm").get("max").asDouble(), 0);

    List<String> volumesCsv = Files.readAllLines(out.resolve(WriteStatistics.VOLUMES_CSV));
    assertEquals(StatisticsCsv.VOLUMES_HEADER, volumesCsv.get(0));
    assertEquals(1 + 2, volumesCsv.size());
    JsonNode volumes = JSON.readTree(out.resolve(WriteStatistics.VOLUMES_JSON).toFile());
    assertEquals(2, volumes.size());
    for (JsonNode v : volumes) {
      Truth t = truth.get(v.get("patient_key").asText());
      assertEquals(t.efPercent, v.get("ef_percent").asDouble(), 1.0);
      assertEquals(6, v.get("volumes_ml").size());
    }
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ComputeImageStatistics.class, name)).build()).getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }

  private record Truth(int edPhase, int esPhase, double edvMl, double esvMl, double efPercent)
      implements java.io.Serializable {}

  /** ground_truth.csv: patient_id,original_id,slices,phases,ed_phase,es_phase,EDV_ml,ESV_ml,SV_ml,EF_percent. */
  private static Map<String, Truth> readTruth(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    assertEquals("patient_id,original_id,slices,phases,ed_phase,es_phase,EDV_ml,ESV_ml,SV_ml,EF_percent",
        lines.get(0));
    Map<String, Truth> truth = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      truth.put(PatientKey.of(f[0]), new Truth(Integer.parseInt(f[4]), Integer.parseInt(f[5]),
          Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[9])));
    }
    return truth;
  }
}
