package dev.exp.learn.conformal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.classify.Logistic;
import dev.exp.learn.classify.LogisticModel;
import dev.exp.learn.linear.LeastSquares;
import dev.exp.learn.linear.LinearModel;
import dev.exp.learn.linear.Quantiles;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConformalTest {
  @Test
  void thresholdRanks() {
    Tensor s = Tensor.vector(5, 1, 4, 2, 3, 9, 8, 7, 6); // n = 9
    assertEquals(9, Conformal.conformalQuantile(s, 0.1, "upper"), 0); // ⌈10·0.9⌉ = 9
    assertEquals(Double.POSITIVE_INFINITY, Conformal.conformalQuantile(s, 0.05, "upper"), 0); // rank 10 > 9
    assertEquals(5, Conformal.conformalQuantile(s, 0.5, "upper"), 0);
    assertEquals(2, Conformal.conformalQuantile(s, 0.2, "lower"), 0); // ⌊0.2·10⌋ = 2
    assertEquals(Double.NEGATIVE_INFINITY, Conformal.conformalQuantile(s, 0.05, "lower"), 0);
  }

  /** y = 2x + (0.5 + |x|)ε: heteroscedastic. */
  private static Tensor[] data(Rng rng, int n) {
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 4 * rng.nextDouble() - 2;
      y[i] = 2 * x[i] + (0.5 + Math.abs(x[i])) * rng.nextGaussian();
    }
    return new Tensor[] {Tensor.wrap(new int[] {n, 1}, x), Tensor.vector(y)};
  }

  @Test
  void splitConformalAndCqrCoverageOverSeeds() {
    // E[coverage] = ⌈(n+1)(1−α)⌉/(n+1) exactly for continuous scores; here n = 39, α = 0.1: 36/40 = 0.9
    int trials = 300;
    int nCal = 39;
    int nTest = 100;
    double alpha = 0.1;
    double sum = 0;
    double sumSq = 0;
    double sumCqr = 0;
    double sumCqrSq = 0;
    Rng rng = new Rng(11);
    for (int t = 0; t < trials; t++) {
      Tensor[] tr = data(rng, 40);
      Tensor[] cal = data(rng, nCal);
      Tensor[] te = data(rng, nTest);
      LinearModel m = LeastSquares.ols(tr[0], tr[1], true);
      ConformalRegressor c = Conformal.splitConformal(m, cal[0], cal[1], alpha);
      double cov = (Double) Conformal.coverage(c, te[0], te[1]).get("coverage");
      sum += cov;
      sumSq += cov * cov;
      LinearModel lo = Quantiles.quantileRegression(tr[0], tr[1], 0.05, true, KernelContext.NONE);
      LinearModel hi = Quantiles.quantileRegression(tr[0], tr[1], 0.95, true, KernelContext.NONE);
      ConformalRegressor q = Conformal.cqr(lo, hi, cal[0], cal[1], alpha);
      double cq = (Double) Conformal.coverage(q, te[0], te[1]).get("coverage");
      sumCqr += cq;
      sumCqrSq += cq * cq;
    }
    for (double[] s : new double[][] {{sum, sumSq}, {sumCqr, sumCqrSq}}) {
      double mean = s[0] / trials;
      double se = Math.sqrt((s[1] / trials - mean * mean) / trials);
      assertTrue(mean >= 1 - alpha - 3 * se && mean <= 1 - alpha + 1.0 / (nCal + 1) + 3 * se,
          "mean coverage " + mean + " ± " + se);
    }
  }

  @Test
  void classificationSetsCoverAndApsIsNoSmallerThanNeeded() {
    Rng rng = new Rng(5);
    int trials = 200;
    double[] sums = new double[2];
    double[] sq = new double[2];
    for (int t = 0; t < trials; t++) {
      Tensor[] tr = classes(rng, 60);
      Tensor[] cal = classes(rng, 49);
      Tensor[] te = classes(rng, 100);
      LogisticModel m = Logistic.logistic(tr[0], tr[1], 1, null, "newton", 1e-8, 100, KernelContext.NONE);
      String[] methods = {"lac", "aps"};
      for (int k = 0; k < 2; k++) {
        ConformalClassifier c = Conformal.conformalSets(m, cal[0], cal[1], 0.2, methods[k]);
        double cov = (Double) Conformal.coverage(c, te[0], te[1]).get("coverage");
        sums[k] += cov;
        sq[k] += cov * cov;
      }
    }
    for (int k = 0; k < 2; k++) {
      double mean = sums[k] / trials;
      double se = Math.sqrt((sq[k] / trials - mean * mean) / trials);
      // LAC has continuous scores: E = ⌈50·0.8⌉/50 = 0.8 up to 1/(n+1); APS without randomisation is conservative
      assertTrue(mean >= 0.8 - 3 * se, "coverage " + mean + " ± " + se);
      if (k == 0) {
        assertTrue(mean <= 0.8 + 1.0 / 50 + 3 * se, "LAC coverage " + mean + " ± " + se);
      }
    }
  }

  /** Three overlapping Gaussian classes in 2-D. */
  private static Tensor[] classes(Rng rng, int n) {
    double[] x = new double[2 * n];
    double[] y = new double[n];
    double[][] mu = {{0, 0}, {1.5, 0}, {0, 1.5}};
    for (int i = 0; i < n; i++) {
      int c = rng.nextInt(3);
      y[i] = c;
      x[2 * i] = mu[c][0] + rng.nextGaussian();
      x[2 * i + 1] = mu[c][1] + rng.nextGaussian();
    }
    return new Tensor[] {Tensor.wrap(new int[] {n, 2}, x), Tensor.vector(y)};
  }
}
