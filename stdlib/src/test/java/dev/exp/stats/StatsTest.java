package dev.exp.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTest {

  private static double d(Map<String, Object> r, String k) {
    return (Double) r.get(k);
  }

  @Test
  void studentTQuantilesMatchPublishedTables() {
    // standard t tables / scipy.stats.t.ppf
    assertEquals(2.776445105, Stats.tQuantile(0.975, 4), 1e-8);
    assertEquals(2.262157163, Stats.tQuantile(0.975, 9), 1e-8);
    assertEquals(12.70620474, Stats.tQuantile(0.975, 1), 1e-7);
    assertEquals(Double.POSITIVE_INFINITY, Stats.tQuantile(1, 4));   // scipy.stats.t.ppf(1, 4)
    assertEquals(Double.NEGATIVE_INFINITY, Stats.tQuantile(0, 4));
    assertEquals(1.959963985, Stats.tQuantile(0.975, 1e9), 1e-6);
    assertEquals(-2.776445105, Stats.tPpf(0.025, 4), 1e-8);
  }

  @Test
  void studentTQuantilesHaveNearlyFullPrecision() {
    // scipy.stats.t.ppf (SciPy 1.x, Boost's inverse incomplete beta), to 1e-13 relative: the Newton
    // polish below 3000 degrees of freedom, the Cornish-Fisher expansion from there
    double[][] ref = {
        {0.975, 4, 2.7764451051977934}, {0.975, 30, 2.0422724563012378}, {0.9999, 30, 4.23398595727206},
        {0.975, 1000, 1.9623390808264083}, {0.975, 1e4, 1.960201239890626}, {0.001, 1e5, -3.090313809427238},
        {0.975, 1e6, 1.959966356814107}, {1e-6, 3000, -4.762786816181844}};
    for (double[] r : ref) {
      assertEquals(r[2], Stats.tQuantile(r[0], r[1]), 1e-13 * Math.abs(r[2]), "t_ppf(" + r[0] + ", " + r[1] + ")");
    }
    assertEquals(0.0, Stats.tQuantile(0.5, 7), 0.0);
  }

  @Test
  void theMeanOfInfinitiesIsAsNumPys() {
    // numpy.mean([inf]) = inf, mean([1, -inf]) = -inf, mean([inf, -inf]) = nan; 1e308 + 1e308 overflows to inf
    assertEquals(Double.POSITIVE_INFINITY, Stats.mean(new double[] {Double.POSITIVE_INFINITY}));
    assertEquals(Double.NEGATIVE_INFINITY, Stats.mean(new double[] {1, Double.NEGATIVE_INFINITY}));
    assertTrue(Double.isNaN(Stats.mean(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})));
    assertEquals(Double.POSITIVE_INFINITY, Stats.mean(new double[] {1e308, 1e308}));
    assertEquals(Double.POSITIVE_INFINITY, Stats.statistic("mean", new double[] {Double.POSITIVE_INFINITY, Double.NaN}));
  }

  @Test
  void meanCiOfOneToFive() {
    // mean 3, s = sqrt(2.5), half width = t_{0.975,4} * s / sqrt(5) = 2.776445105 * 0.7071067812
    Map<String, Object> r = Stats.meanCi(Tensor.vector(1, 2, 3, 4, 5), 0.95);
    double hw = 2.7764451051977934 * Math.sqrt(2.5) / Math.sqrt(5);
    assertEquals(1.963243, hw, 1e-6);
    assertEquals(3.0, d(r, "mean"), 1e-15);
    assertEquals(hw, d(r, "half_width"), 1e-9);
    assertEquals(3 - hw, d(r, "lo"), 1e-9);
    assertEquals(3 + hw, d(r, "hi"), 1e-9);
    assertEquals(5.0, d(r, "n"));
    // 90% level uses t_{0.95,4} = 2.131846786
    assertEquals(2.131846786 * Math.sqrt(0.5), d(Stats.ci(Tensor.vector(1, 2, 3, 4, 5), 0.9), "half_width"), 1e-8);
    // a single value has no interval
    assertTrue(Double.isNaN(d(Stats.meanCi(Tensor.vector(7), 0.95), "half_width")));
    assertThrows(KernelException.class, () -> Stats.meanCi(Tensor.vector(1, 2), 1.5));
  }

  @Test
  void welchTTestMatchesScipy() {
    // scipy.stats.ttest_ind(a, b, equal_var=False) (SciPy 1.x):
    // statistic 4.207656086026266, pvalue 0.0026612184661596464, df 8.397308264162186
    Tensor a = Tensor.vector(19.1, 21.3, 18.7, 22.4, 20.0, 23.1);
    Tensor b = Tensor.vector(16.2, 17.9, 18.4, 15.8, 17.0);
    Map<String, Object> r = Stats.ttest(a, b, false);
    assertEquals(4.207656086026266, d(r, "t"), 1e-10);
    assertEquals(8.397308264162186, d(r, "df"), 1e-9);
    assertEquals(0.0026612184661596464, d(r, "p"), 1e-9);
    assertEquals(20.766666666666667 - 17.06, d(r, "mean_diff"), 1e-12);
  }

  @Test
  void pairedTTestMatchesScipy() {
    // scipy.stats.ttest_rel(a, b): statistic 1.9781414201873597, pvalue 0.11905454406062962
    Tensor a = Tensor.vector(5.1, 4.8, 6.0, 5.5, 5.9);
    Tensor b = Tensor.vector(4.9, 4.7, 5.4, 5.6, 5.2);
    Map<String, Object> r = Stats.ttest(a, b, true);
    assertEquals(1.9781414201873597, d(r, "t"), 1e-10);
    assertEquals(4.0, d(r, "df"));
    assertEquals(0.11905454406062962, d(r, "p"), 1e-9);
    assertThrows(KernelException.class, () -> Stats.ttest(a, Tensor.vector(1, 2, 3), true));
  }

  @Test
  void powerLawFitRecoversExactLaw() {
    double[] x = {16, 64, 256, 1024, 4096};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 3.5 * Math.pow(x[i], -0.5);
    }
    Map<String, Object> r = Stats.fitPowerLaw(Tensor.vector(x), Tensor.vector(y), 0.95);
    assertEquals(-0.5, d(r, "exponent"), 1e-12);
    assertEquals(3.5, d(r, "prefactor"), 1e-11);
    assertEquals(1.0, d(r, "r2"), 1e-12);
    assertEquals(-0.5, d(r, "exponent_lo"), 1e-9);
    assertEquals(-0.5, d(r, "exponent_hi"), 1e-9);
    assertThrows(KernelException.class,
        () -> Stats.fitPowerLaw(Tensor.vector(1, 2, 3), Tensor.vector(1, -2, 3), 0.95));
  }

  @Test
  void powerLawExponentIntervalMatchesHandFormula() {
    // log-log points: X = ln x, Y = ln y with residuals; slope CI = b ± t_{0.975,2} * se(b)
    double[] x = {1, Math.E, Math.E * Math.E, Math.exp(3)};
    double[] ly = {0.0, 2.1, 3.9, 6.1}; // ln y
    double[] y = new double[4];
    for (int i = 0; i < 4; i++) {
      y[i] = Math.exp(ly[i]);
    }
    // by hand: X = 0,1,2,3; mean X 1.5; Sxx = 5; mean Y = 3.025
    // Sxy = (-1.5)(-3.025) + (-0.5)(-0.925) + 0.5(0.875) + 1.5(3.075) = 10.05 -> b = 2.01
    // a = 3.025 - 2.01*1.5 = 0.01; residuals: -0.01, 0.08, -0.13, 0.06 -> SSE = 0.027
    // se(b) = sqrt(0.027/2/5); t_{0.975,2} = 4.302652730
    Map<String, Object> r = Stats.fitPowerLaw(Tensor.vector(x), Tensor.vector(y), 0.95);
    double se = Math.sqrt(0.027 / 2 / 5);
    assertEquals(2.01, d(r, "exponent"), 1e-12);
    assertEquals(Math.exp(0.01), d(r, "prefactor"), 1e-12);
    assertEquals(2.01 - 4.302652730 * se, d(r, "exponent_lo"), 1e-8);
    assertEquals(2.01 + 4.302652730 * se, d(r, "exponent_hi"), 1e-8);
    assertEquals(1 - 0.027 / (3.025 * 3.025 + 0.925 * 0.925 + 0.875 * 0.875 + 3.075 * 3.075), d(r, "r2"), 1e-12);
  }

  @Test
  void bootstrapOfLargeNormalSampleApproximatesTInterval() {
    Rng g = new Rng(42);
    double[] x = new double[2000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 2 * g.nextGaussian();
    }
    Tensor t = Tensor.vector(x);
    Map<String, Object> b = Stats.bootstrapCi(t, "mean", 0.95, 2000, new Rng(7));
    Map<String, Object> ci = Stats.meanCi(t, 0.95);
    double m = d(ci, "mean");
    assertTrue(d(b, "lo") < m && m < d(b, "hi"));
    assertEquals(m, d(b, "estimate"), 1e-12);
    double hw = d(ci, "half_width"); // about 1.96 * 2 / sqrt(2000) = 0.0877
    assertEquals(d(ci, "lo"), d(b, "lo"), 0.15 * hw);
    assertEquals(d(ci, "hi"), d(b, "hi"), 0.15 * hw);
    // same seed, same interval
    assertEquals(b, Stats.bootstrapCi(t, "mean", 0.95, 2000, new Rng(7)));
    assertThrows(KernelException.class, () -> Stats.bootstrapCi(t, "mode", 0.95, 100, new Rng(1)));
  }

  @Test
  void quantileMedianSemMatchNumpy() {
    // numpy.quantile([3,1,4,1,5,9,2,6], [0.1, 0.25, 0.5, 0.9]) = [1, 1.75, 3.5, 6.9]
    Tensor x = Tensor.vector(3, 1, 4, 1, 5, 9, 2, 6);
    Tensor q = Stats.quantileKernel(x, Tensor.vector(0.1, 0.25, 0.5, 0.9));
    assertEquals(1.0, q.at(0), 1e-12);
    assertEquals(1.75, q.at(1), 1e-12);
    assertEquals(3.5, q.at(2), 1e-12);
    assertEquals(6.9, q.at(3), 1e-12);
    assertEquals(3.5, Stats.medianKernel(x), 1e-12);
    assertEquals(4.0, Stats.medianKernel(Tensor.vector(5, 4, 1)), 0);
    // sem of 1..5: sqrt(2.5)/sqrt(5)
    assertEquals(Math.sqrt(0.5), Stats.semKernel(Tensor.vector(1, 2, 3, 4, 5)), 1e-15);
  }

  @Test
  void quantileAndMedianAreNanWhenTheSampleHasANan() {
    // numpy.median([1, nan, 3]) and numpy.quantile([1, 2, nan], [0.5, 1]) are nan
    assertTrue(Double.isNaN(Stats.medianKernel(Tensor.vector(1, Double.NaN, 3))));
    assertTrue(Double.isNaN(Stats.medianKernel(Tensor.vector(Double.NaN))));
    Tensor q = Stats.quantileKernel(Tensor.vector(1, 2, Double.NaN), Tensor.vector(0.5, 1));
    assertArrayEquals(new int[] {2}, q.shape());
    assertTrue(Double.isNaN(q.at(0)) && Double.isNaN(q.at(1)));
    Tensor q0 = Stats.quantileKernel(Tensor.vector(Double.NaN, 5, 6, 7), Tensor.vector(0));
    assertTrue(Double.isNaN(q0.at(0)));
    // q is still checked
    assertThrows(KernelException.class,
        () -> Stats.quantileKernel(Tensor.vector(1, Double.NaN), Tensor.vector(1.5)));
    // without a nan: unchanged (inf is a value)
    assertEquals(Double.POSITIVE_INFINITY, Stats.medianKernel(Tensor.vector(1, Double.POSITIVE_INFINITY, 3,
        Double.POSITIVE_INFINITY)));
  }

  @Test
  void namedStatisticsSkipMissingValues() {
    double[] x = {1, Double.NaN, 3};
    assertEquals(2.0, Stats.statistic("mean", x));
    assertEquals(2.0, Stats.statistic("count", x));
    assertEquals(Math.sqrt(2), Stats.statistic("std", x), 1e-15);
    assertEquals(12.70620474 * 1.0, Stats.statistic("ci95", x), 1e-7);
    assertEquals(1.0, Stats.statistic("min", x));
    assertEquals(3.0, Stats.statistic("max", x));
    assertEquals(0.0, Stats.statistic("count", new double[] {Double.NaN}));
    assertTrue(Double.isNaN(Stats.statistic("mean", new double[0])));
  }
}
