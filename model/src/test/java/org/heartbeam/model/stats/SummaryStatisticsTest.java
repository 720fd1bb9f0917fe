package org.heartbeam.model.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hand-computed values; quantiles are R type 7 (numpy's default), as documented. */
class SummaryStatisticsTest {
  private static final double EPS = 1e-12;

  @Test
  void evenCountInterpolatesTheMedianAndQuartiles() {
    SummaryStatistics s = SummaryStatistics.of(4, 1, 3, 2);
    assertEquals(4, s.count());
    assertEquals(0, s.nanCount());
    assertEquals(2.5, s.mean(), EPS);
    assertEquals(Math.sqrt(5.0 / 3.0), s.sd(), EPS); // squares 2.25+0.25+0.25+2.25 = 5, over n-1 = 3
    assertEquals(2.5, s.median(), EPS);
    assertEquals(1.75, s.q1(), EPS); // h = 3 x 0.25 = 0.75: 1 + 0.75 x (2 - 1)
    assertEquals(3.25, s.q3(), EPS); // h = 2.25: 3 + 0.25 x (4 - 3)
    assertEquals(1, s.min(), EPS);
    assertEquals(4, s.max(), EPS);
  }

  @Test
  void oddCountTakesTheMiddleValue() {
    SummaryStatistics s = SummaryStatistics.of(10, 30, 20, 50, 40);
    assertEquals(30, s.median(), EPS);
    assertEquals(20, s.q1(), EPS); // h = 1 exactly
    assertEquals(40, s.q3(), EPS);
    assertEquals(30, s.mean(), EPS);
    assertEquals(Math.sqrt(1000.0 / 4), s.sd(), EPS); // 400+100+0+100+400 over 4
  }

  @Test
  void nansAreSkippedAndCounted() {
    SummaryStatistics s = SummaryStatistics.of(Double.NaN, 5, Double.NaN);
    assertEquals(1, s.count());
    assertEquals(2, s.nanCount());
    assertEquals(5, s.mean(), EPS);
    assertEquals(5, s.median(), EPS);
    assertEquals(5, s.q1(), EPS);
    assertEquals(5, s.max(), EPS);
    assertTrue(Double.isNaN(s.sd()), "a sample of one has no standard deviation");
  }

  @Test
  void noValuesGiveNaNsAndCountZero() {
    SummaryStatistics s = SummaryStatistics.of(Double.NaN);
    assertEquals(0, s.count());
    assertEquals(1, s.nanCount());
    assertTrue(Double.isNaN(s.mean()) && Double.isNaN(s.median()) && Double.isNaN(s.min()));
  }

  @Test
  void mergedAccumulatorsEqualOneOverAllValues() {
    SummaryStatistics.Accumulator a = new SummaryStatistics.Accumulator();
    SummaryStatistics.Accumulator b = new SummaryStatistics.Accumulator();
    for (int i = 0; i < 40; i++) {
      a.add(i * 0.5);
    }
    b.add(Double.NaN).add(100).add(-3);
    SummaryStatistics merged = a.merge(b).merge(new SummaryStatistics.Accumulator()).result();
    double[] all = new double[43];
    for (int i = 0; i < 40; i++) {
      all[i] = i * 0.5;
    }
    all[40] = Double.NaN;
    all[41] = 100;
    all[42] = -3;
    assertEquals(SummaryStatistics.of(all), merged);
    assertEquals(42, merged.count());
    assertEquals(1, merged.nanCount());
    assertEquals(-3, merged.min(), EPS);
    assertEquals(100, merged.max(), EPS);
  }

  @Test
  void infiniteValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> SummaryStatistics.of(1, Double.POSITIVE_INFINITY));
  }
}
