package org.heartbeam.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** Per-image Dice as one box (quartiles, median, outliers) per patient: where a model fails by patient. */
final class DiceByPatientChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 400;
  /** Past this many patients the boxes are too thin to read; the table lists them all anyway. */
  static final int MAX_PATIENTS = 40;

  private DiceByPatientChart() {}

  /** @param diceByPatient short patient label to that patient's Dice values (each list non-empty) */
  static byte[] png(Map<String, List<Double>> diceByPatient) throws IOException {
    DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    diceByPatient.forEach((patient, dice) -> dataset.add(new ArrayList<>(dice), "Dice", patient));
    CategoryAxis patientAxis = new CategoryAxis("patient");
    if (diceByPatient.size() > 8) {
      patientAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis diceAxis = new NumberAxis("Dice");
    diceAxis.setRange(0.0, 1.05);
    BoxAndWhiskerRenderer boxes = new BoxAndWhiskerRenderer();
    boxes.setSeriesPaint(0, new Color(0x4a7fb5));
    boxes.setMeanVisible(false); // drawn as a disc as wide as the box: it hides the median line
    boxes.setMaximumBarWidth(0.1);
    CategoryPlot plot = new CategoryPlot(dataset, patientAxis, diceAxis, boxes);
    JFreeChart chart = new JFreeChart("Per-image Dice by patient", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    return ChartPng.render(chart, WIDTH, HEIGHT);
  }
}
