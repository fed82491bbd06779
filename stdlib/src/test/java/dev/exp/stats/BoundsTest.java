package dev.exp.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hoeffding and empirical-Bernstein intervals (closed forms, coverage over seeds) and the sign test (SciPy). */
class BoundsTest {
  static double d(Map<String, Object> r, String k) {
    return (Double) r.get(k);
  }

  @Test
  void closedForms() {
    Tensor x = Tensor.vector(0, 1, 1, 0, 1, 1, 1, 0, 1, 1);
    Map<String, Object> h = Bounds.hoeffding(x, 0.05, 0, 1);
    assertEquals(0.7, d(h, "mean"), 1e-15);
    assertEquals(Math.sqrt(Math.log(40) / 20), d(h, "radius"), 1e-15);
    assertEquals(2 * Math.sqrt(Math.log(40) / 20), d(Bounds.hoeffding(x, 0.05, -1, 1), "radius"), 1e-15);
    Map<String, Object> b = Bounds.bernstein(x, 0.1, 0, 1);
    double var = 0.7 * 0.3 * 10 / 9;
    double l = Math.log(40);
    assertEquals(Math.sqrt(2 * var * l / 10) + 7 * l / 27, d(b, "radius"), 1e-15);
  }

  @Test
  void intervalsCoverTheMeanAndBernsteinWinsAtLowVariance() {
    // Bernoulli(0.02) samples, n = 2000: both intervals cover 0.02 in at least 95% of 300 seeds, and the
    // empirical Bernstein radius is the smaller one (variance ≈ 0.02 ≪ 1/4)
    int cover = 0;
    int coverB = 0;
    int narrower = 0;
    int runs = 300;
    for (int s = 0; s < runs; s++) {
      Rng rng = new Rng(s);
      double[] v = new double[2000];
      for (int i = 0; i < v.length; i++) {
        v[i] = rng.nextDouble() < 0.02 ? 1 : 0;
      }
      Map<String, Object> h = Bounds.hoeffding(Tensor.vector(v), 0.05, 0, 1);
      Map<String, Object> b = Bounds.bernstein(Tensor.vector(v), 0.05, 0, 1);
      cover += d(h, "lo") <= 0.02 && 0.02 <= d(h, "hi") ? 1 : 0;
      coverB += d(b, "lo") <= 0.02 && 0.02 <= d(b, "hi") ? 1 : 0;
      narrower += d(b, "radius") < d(h, "radius") ? 1 : 0;
    }
    assertTrue(cover >= 0.95 * runs && coverB >= 0.95 * runs, cover + " " + coverB);
    assertEquals(runs, narrower);
  }

  @Test
  void signTestMatchesScipyBinomtest() {
    // scipy.stats.binomtest(k, n, 0.5).pvalue (SciPy 1.17): (8, 10) 0.109375; (2, 12) 0.03857421875; (5, 10) 1;
    // (0, 7) 0.015625; (15, 20) 0.04138946533203125
    double[][] cases = {{8, 10, 0.109375}, {2, 12, 0.03857421875}, {5, 10, 1}, {0, 7, 0.015625},
        {15, 20, 0.04138946533203125}};
    for (double[] c : cases) {
      int k = (int) c[0];
      int n = (int) c[1];
      double[] a = new double[n + 3];
      for (int i = 0; i < n; i++) {
        a[i] = i < k ? 1.5 : -0.5;
      }
      Map<String, Object> r = Bounds.signTest(Tensor.vector(a), null); // three zero differences are dropped
      assertEquals(n, d(r, "n"), 0);
      assertEquals(k, d(r, "statistic"), 0);
      assertEquals(c[2], d(r, "p"), 1e-14, k + "/" + n);
    }
    Map<String, Object> p = Bounds.signTest(Tensor.vector(3, 4, 5), Tensor.vector(1, 4, 2));
    assertEquals(2.0, p.get("n"));
    assertEquals(0.5, d(p, "p"), 1e-15);
  }

  @Test
  void errorsNameTheProblem() {
    KernelException e = assertThrows(KernelException.class, () -> Bounds.hoeffding(Tensor.vector(0.5, 2), 0.05, 0,
        1));
    assertTrue(e.getMessage().contains("x[1] = 2 is outside [lo, hi] = [0, 1]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Bounds.bernstein(Tensor.vector(0.5), 0.05, 0, 1));
    assertTrue(e.getMessage().contains("at least 2 samples"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Bounds.signTest(Tensor.vector(1, 2), Tensor.vector(1, 2)));
    assertTrue(e.getMessage().contains("every difference is 0"), e.getMessage());
  }
}
