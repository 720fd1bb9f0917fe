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

/**
 * Ejection fraction per series as bars (computable series only), on a 0-100 % axis; where the run has
 * truth (phantom truth, expert contours), its bars stand next to the measured one, with a legend.
 */
final class EjectionFractionChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 400;

  private EjectionFractionChart() {}

  /**
   * @param volumes computable series, at least one
   * @param labels one short, unique, PHI-free label per series, in the same order
   */
  static byte[] png(List<VolumeRow> volumes, List<String> labels, List<EfTruth> truths) throws IOException {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> sources = sourcesIn(truths);
    boolean anyTruth = !sources.isEmpty();
    for (int i = 0; i < volumes.size(); i++) {
      dataset.addValue(volumes.get(i).efPercent(), MEASURED, labels.get(i));
      for (String source : sources) {
        dataset.addValue(truthOf(volumes.get(i), source, truths), source, labels.get(i));
      }
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
    bars.setSeriesPaint(1, new Color(0x3b6ea5));
    bars.setSeriesPaint(2, new Color(0x5a9a5a));
    bars.setItemMargin(0.02);
    CategoryPlot plot = new CategoryPlot(dataset, seriesAxis, efAxis, bars);
    plot.setOrientation(PlotOrientation.VERTICAL);
    JFreeChart chart = new JFreeChart(anyTruth ? "Ejection fraction per series: measured and true"
        : "Ejection fraction per series", JFreeChart.DEFAULT_TITLE_FONT, plot, anyTruth);
    return ChartPng.render(chart, WIDTH, HEIGHT);
  }

  static final String MEASURED = "measured";
  /** The kinds of truth, in the order their bars stand after the measured one. */
  static final List<String> SOURCES = List.of(EfTruth.PHANTOM, EfTruth.EXPERT);

  /** The kinds of truth the run has, in bar order. */
  static List<String> sourcesIn(List<EfTruth> truths) {
    return SOURCES.stream().filter(s -> truths.stream().anyMatch(t -> t.source().equals(s))).toList();
  }

  /** The true EF of this series from one source, null when that source has none for it. */
  static Double truthOf(VolumeRow measured, String source, List<EfTruth> truths) {
    return truths.stream().filter(t -> t.source().equals(source) && t.isTruthOf(measured)).map(EfTruth::efPercent)
        .findFirst().orElse(null);
  }
}
