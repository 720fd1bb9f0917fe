package org.heartbeam.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Training curves by epoch: losses (train, validation) above, validation Dice (mean, median) below. */
final class TrainingCurvesChart {
  static final int WIDTH = 900;
  static final int HEIGHT = 600;

  private TrainingCurvesChart() {}

  /** @param epochs at least one epoch */
  static byte[] png(List<EpochRow> epochs, int bestEpoch) throws IOException {
    XYSeriesCollection losses = new XYSeriesCollection();
    losses.addSeries(series("train loss", epochs, EpochRow::trainLoss));
    losses.addSeries(series("validation loss", epochs, EpochRow::valLoss));
    XYSeriesCollection dice = new XYSeriesCollection();
    dice.addSeries(series("validation Dice (mean)", epochs, EpochRow::valDiceMean));
    dice.addSeries(series("validation Dice (median)", epochs, EpochRow::valDiceMedian));

    NumberAxis epochAxis = new NumberAxis("epoch");
    epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
    NumberAxis lossAxis = new NumberAxis("loss");
    lossAxis.setAutoRangeIncludesZero(false);
    plot.add(new XYPlot(losses, null, lossAxis, lines(new Color(0x1f77b4), new Color(0xff7f0e))), 1);
    NumberAxis diceAxis = new NumberAxis("Dice");
    diceAxis.setAutoRangeIncludesZero(false);
    XYPlot dicePlot = new XYPlot(dice, null, diceAxis, lines(new Color(0x2ca02c), new Color(0x9467bd)));
    if (bestEpoch >= 0) {
      dicePlot.addDomainMarker(new ValueMarker(bestEpoch));
    }
    plot.add(dicePlot, 1);
    String title = "Training" + (bestEpoch >= 0 ? " (best epoch " + bestEpoch + ")" : "");
    return ChartPng.render(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), WIDTH, HEIGHT);
  }

  /** Lines with points, in colours that stay apart on white (JFreeChart's defaults include yellow). */
  private static XYLineAndShapeRenderer lines(Color first, Color second) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, first);
    renderer.setSeriesPaint(1, second);
    return renderer;
  }

  /** One curve; epochs with no value (NaN) are left out rather than drawn as a gap to nowhere. */
  private static XYSeries series(String name, List<EpochRow> epochs, ToDoubleFunction<EpochRow> value) {
    XYSeries series = new XYSeries(name);
    for (EpochRow e : epochs) {
      double v = value.applyAsDouble(e);
      if (Double.isFinite(v)) {
        series.add(e.epoch(), v);
      }
    }
    return series;
  }
}
