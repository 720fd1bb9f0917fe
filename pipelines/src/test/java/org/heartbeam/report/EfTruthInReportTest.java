package org.heartbeam.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.heartbeam.pipelines.infer.EfAgainstTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where truth exists, the EF part of the report shows it next to the measured EF. */
class EfTruthInReportTest {
  @Test
  void phantomTruthStandsNextToTheMeasuredEf(@TempDir Path tmp) throws Exception {
    Path run = RunFolderFixtures.inferenceRun(tmp.resolve("infer"));
    EfAgainstTruth.writeInto(run, List.of(new EfAgainstTruth.Row("p-aaaa1111bbbb2222", 160, 70, 56.25, 150, 60, 60)));

    String html = HtmlReportWriter.render(RunReport.read(run));

    String ef = html.substring(html.indexOf("<section id=\"ejection-fraction\">"));
    assertTrue(ef.contains("alt=\"ejection fraction per series, measured and true\""), ef);
    assertTrue(ef.contains("<th>EF (%)</th><th>EF, phantom truth (%)</th><th>EF</th>"), ef);
    assertTrue(ef.contains("<td>60.0</td><td>56.3</td>"), "measured 60, truth 56.25: " + ef);
    assertFalse(ef.contains("expert contours"), "the fixture's contours make no volume");
  }

  @Test
  void withoutTruthTheChartIsMeasuredAlone(@TempDir Path tmp) throws Exception {
    String html = HtmlReportWriter.render(RunReport.read(RunFolderFixtures.inferenceRun(tmp.resolve("infer"))));
    assertTrue(html.contains("alt=\"ejection fraction per series\""));
    assertFalse(html.contains("phantom truth"));
  }

  /** Two slices 10 mm apart, expert areas 1000/400 and 800/300 mm^2 in two phases: EF = 1 - 700/1800. */
  @Test
  void expertContoursGiveTheirOwnEfPerSeries() {
    String header = "model_version,image_key,patient_key,study_key,series_key,slice_position_mm,phase_index,"
        + "trigger_time_ms,labelled,label_area_mm2\n";
    String rows = "v1,a,p-1,s,se-1,0,-1,30,true,1000\n" + "v1,b,p-1,s,se-1,0,-1,300,true,400\n"
        + "v1,c,p-1,s,se-1,10,-1,30,true,800\n" + "v1,d,p-1,s,se-1,10,-1,300,true,300\n"
        + "v1,e,p-1,s,se-1,20,-1,30,false,\n" // unlabelled: not the experts'
        + "v2,a,p-1,s,se-1,0,-1,30,true,1000\n" // the same image by another model version: counted once
        + "v1,f,p-2,s,se-9,0,-1,30,true,500\n"; // one contoured slice: no volume, no truth
    List<EfTruth> truths = EfTruthFiles.expert(CsvTable.parse(header + rows));
    assertEquals(1, truths.size(), truths.toString());
    EfTruth t = truths.get(0);
    assertEquals("p-1", t.patientKey());
    assertEquals("se-1", t.seriesKey());
    assertEquals(EfTruth.EXPERT, t.source());
    assertEquals(100.0 * (1 - 700.0 / 1800.0), t.efPercent(), 1e-9);
  }

  @Test
  void theTruthFileHoldsKeysNotIds(@TempDir Path tmp) throws Exception {
    Path file = EfAgainstTruth.writeInto(tmp, List.of(new EfAgainstTruth.Row("p-1", 100, 40, 60, 98, 41, 58.2)));
    assertEquals("patient_key,true_edv_ml,true_esv_ml,true_ef_percent\np-1,100.000,40.000,60.000\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }
}
