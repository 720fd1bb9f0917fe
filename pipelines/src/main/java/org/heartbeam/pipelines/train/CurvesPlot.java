package org.heartbeam.pipelines.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.heartbeam.model.file.RunFolder;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** curves.png: losses (train, validation) above, validation Dice (mean, median) below, by epoch. */
final class CurvesPlot {
  static final String FILE = RunFolder.CURVES_PNG;

  private CurvesPlot() {}

  static void write(Path file, List<EpochMetrics> epochs) throws IOException {
    XYSeries train = new XYSeries("train loss");
    XYSeries validation = new XYSeries("validation loss");
    XYSeries diceMean = new XYSeries("validation Dice (mean)");
    XYSeries diceMedian = new XYSeries("validation Dice (median)");
    for (EpochMetrics m : epochs) {
      train.add(m.epoch(), m.trainLoss());
      validation.add(m.epoch(), m.valLoss());
      diceMean.add(m.epoch(), m.valDiceMean());
      diceMedian.add(m.epoch(), m.valDiceMedian());
    }
    XYSeriesCollection losses = new XYSeriesCollection();
    losses.addSeries(train);
    losses.addSeries(validation);
    XYSeriesCollection dice = new XYSeriesCollection();
    dice.addSeries(diceMean);
    dice.addSeries(diceMedian);

    NumberAxis epochAxis = new NumberAxis("epoch");
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
    plot.add(new XYPlot(losses, null, new NumberAxis("loss"), new XYLineAndShapeRenderer(true, true)), 1);
    NumberAxis diceAxis = new NumberAxis("Dice");
    diceAxis.setAutoRangeIncludesZero(false);
    plot.add(new XYPlot(dice, null, diceAxis, new XYLineAndShapeRenderer(true, true)), 1);
    JFreeChart chart = new JFreeChart("HeartBeam training", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 700);
  }
}
