package org.heartbeam.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Renders a JFreeChart to PNG bytes, off screen. */
final class ChartPng {
  static {
    // Reports are written on servers and in CI with no display: AWT must never try to open one.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private ChartPng() {}

  static byte[] render(JFreeChart chart, int width, int height) throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(png, chart, width, height);
    return png.toByteArray();
  }
}
