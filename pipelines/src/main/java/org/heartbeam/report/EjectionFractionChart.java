package org.heartbeam.report;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Ejection fraction per series as bars (computable series only), on a 0-100 % axis. */
final class EjectionFractionChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 400;

  private EjectionFractionChart() {}

  /**
   * @param volumes computable series, at least one
   * @param labels one short, unique, PHI-free label per series, in the same order
   */
  static byte[] png(List<VolumeRow> volumes, List<String> labels) throws IOException {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int i = 0; i < volumes.size(); i++) {
      dataset.addValue(volumes.get(i).efPercent(), "EF", labels.get(i));
    }
    CategoryAxis seriesAxis = new CategoryAxis("series");
    if (volumes.size() > 8) {
      seriesAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis efAxis = new NumberAxis("EF (%)");
    efAxis.setRange(0, 100);
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, new Color(0xb5524a));
    CategoryPlot plot = new CategoryPlot(dataset, seriesAxis, efAxis, bars);
    plot.setOrientation(PlotOrientation.VERTICAL);
    JFreeChart chart = new JFreeChart("Ejection fraction per series", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    return ChartPng.render(chart, WIDTH, HEIGHT);
  }
}
