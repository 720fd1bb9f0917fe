package org.heartbeam.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;

/** Histogram of per-image Dice over [0, 1], with the mean and median marked. */
final class DiceHistogramChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 400;
  private static final int BINS = 20;

  private DiceHistogramChart() {}

  /** @param dice the labelled images' Dice values (NaN-free, at least one) */
  static byte[] png(List<Double> dice) throws IOException {
    double[] values = dice.stream().mapToDouble(Double::doubleValue).toArray();
    HistogramDataset dataset = new HistogramDataset();
    dataset.addSeries("images", values, BINS, 0.0, 1.0);

    NumberAxis diceAxis = new NumberAxis("Dice");
    diceAxis.setRange(0.0, 1.0);
    NumberAxis countAxis = new NumberAxis("images");
    countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYBarRenderer bars = new XYBarRenderer(0.05);
    bars.setBarPainter(new StandardXYBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, new Color(0x4a7fb5));
    XYPlot plot = new XYPlot(dataset, diceAxis, countAxis, bars);
    plot.addDomainMarker(marker("mean", Arrays.stream(values).average().orElse(Double.NaN), new Color(0xc0392b)));
    plot.addDomainMarker(marker("median", Statistics.median(values), new Color(0x27ae60)));

    JFreeChart chart = new JFreeChart("Per-image Dice (" + values.length + " labelled images)",
        JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    return ChartPng.render(chart, WIDTH, HEIGHT);
  }

  private static ValueMarker marker(String label, double value, Color color) {
    ValueMarker marker = new ValueMarker(value, color, new BasicStroke(2f));
    marker.setLabel(label + " " + Format.number(value, 3));
    marker.setLabelPaint(color);
    // Mean and median are often close: put their labels on different lines.
    marker.setLabelOffset(new RectangleInsets(label.equals("mean") ? 10 : 25, 5, 5, 5));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    return marker;
  }
}
