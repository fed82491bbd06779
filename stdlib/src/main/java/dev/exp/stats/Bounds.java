package dev.exp.stats;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finite-sample confidence bounds for the mean of bounded samples (Hoeffding, empirical Bernstein)
 * and the exact sign test for paired comparisons (kernels.md N26).
 */
public final class Bounds {
  private Bounds() {}

  @Kernel(name = "stats.hoeffding", doc = "Two-sided Hoeffding interval for the mean of i.i.d. samples x in [lo, "
      + "hi]: mean ± (hi − lo)·√(ln(2/delta)/(2n)), which holds with probability ≥ 1 − delta for every n (not "
      + "asymptotic). Defaults delta 0.05, lo 0, hi 1 (samples outside [lo, hi] are an error). Returns {mean, "
      + "radius, lo, hi, delta, n} (lo/hi of the interval, not clipped). Example: stats.hoeffding(wins, delta: 0.01)")
  public static Map<String, Object> hoeffding(@Arg("x") Tensor x, @Arg(value = "delta", dflt = "0.05") double delta,
      @Arg(value = "lo", dflt = "0") double lo, @Arg(value = "hi", dflt = "1") double hi) {
    String fn = "stats.hoeffding";
    double[] v = bounded(x, delta, lo, hi, fn, 1);
    int n = v.length;
    double radius = (hi - lo) * Math.sqrt(Math.log(2 / delta) / (2.0 * n));
    return interval(mean(v), radius, delta, n);
  }

  @Kernel(name = "stats.bernstein", doc = "Two-sided empirical Bernstein interval for the mean of i.i.d. samples x "
      + "in [lo, hi] (Maurer and Pontil 2009, Theorem 4, each side at delta/2): mean ± (√(2·V·ln(4/delta)/n) + "
      + "7(hi − lo)·ln(4/delta)/(3(n − 1))) with V the sample variance (n − 1 denominator); tighter than Hoeffding "
      + "when the variance is small. Holds with probability ≥ 1 − delta. Defaults delta 0.05, lo 0, hi 1; n ≥ 2. "
      + "Returns {mean, radius, lo, hi, delta, n}. Example: stats.bernstein(losses, lo: 0, hi: 10)")
  public static Map<String, Object> bernstein(@Arg("x") Tensor x, @Arg(value = "delta", dflt = "0.05") double delta,
      @Arg(value = "lo", dflt = "0") double lo, @Arg(value = "hi", dflt = "1") double hi) {
    String fn = "stats.bernstein";
    double[] v = bounded(x, delta, lo, hi, fn, 2);
    int n = v.length;
    double m = mean(v);
    double var = 0;
    for (double e : v) {
      var += (e - m) * (e - m) / (n - 1);
    }
    double l = Math.log(4 / delta);
    double radius = Math.sqrt(2 * var * l / n) + 7 * (hi - lo) * l / (3.0 * (n - 1));
    return interval(m, radius, delta, n);
  }

  @Kernel(name = "stats.sign_test", doc = "Exact two-sided sign test of the paired differences d = a − b (or of a "
      + "itself when b is none) having median 0: zero differences are dropped, k = #(d > 0) out of the n non-zero "
      + "ones is Binomial(n, ½) under the null, p = min(1, 2·P(X ≤ min(k, n − k))) (scipy.stats.binomtest(k, n, "
      + "0.5)). Returns {statistic (k), n, p}. Example: stats.sign_test(acc_new, acc_old).p")
  public static Map<String, Object> signTest(@Arg("a") Tensor a, @Arg(value = "b", dflt = "none") Tensor b) {
    String fn = "stats.sign_test";
    double[] x = a.raw();
    double[] y = b == null ? new double[x.length] : b.raw();
    if (x.length != y.length) {
      throw KernelException.of("%s: a and b must be paired (same length), got %d and %d values", fn, x.length,
          y.length);
    }
    int k = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - y[i];
      if (Double.isNaN(d)) {
        throw KernelException.of("%s: the difference at index %d is nan", fn, i);
      }
      if (d != 0) {
        n++;
        k += d > 0 ? 1 : 0;
      }
    }
    if (n == 0) {
      throw KernelException.of("%s: every difference is 0 (no non-zero pair to test)", fn);
    }
    int lo = Math.min(k, n - k);
    // P(X ≤ lo) for X ~ Binomial(n, 1/2): terms C(n, j)·2⁻ⁿ by the recurrence (2⁻ⁿ is exact for n ≤ 1000),
    // in log space beyond
    double cdf = 0;
    if (n <= 1000) {
      double t = Math.scalb(1.0, -n);
      for (int j = 0; j <= lo; j++) {
        if (j > 0) {
          t = t * (n - j + 1) / j;
        }
        cdf += t;
      }
    } else {
      double logC = 0;
      for (int j = 0; j <= lo; j++) {
        if (j > 0) {
          logC += Math.log(n - j + 1) - Math.log(j);
        }
        cdf += Math.exp(logC - n * Math.log(2));
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("statistic", (double) k);
    r.put("n", (double) n);
    r.put("p", Math.min(1, 2 * cdf));
    return r;
  }

  private static double[] bounded(Tensor x, double delta, double lo, double hi, String fn, int min) {
    if (!(delta > 0 && delta < 1)) {
      throw KernelException.of("%s: delta must be in (0, 1), got %s", fn, TensorArgs.fmt(delta));
    }
    if (!(hi > lo) || Double.isInfinite(hi - lo)) {
      throw KernelException.of("%s: need finite lo < hi, got lo %s, hi %s", fn, TensorArgs.fmt(lo), TensorArgs.fmt(hi));
    }
    double[] v = x.raw();
    if (v.length < min) {
      throw KernelException.of("%s: needs at least %d samples, got %d", fn, min, v.length);
    }
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= lo && v[i] <= hi)) {
        throw KernelException.of("%s: x[%d] = %s is outside [lo, hi] = [%s, %s]", fn, i, TensorArgs.fmt(v[i]),
            TensorArgs.fmt(lo), TensorArgs.fmt(hi));
      }
    }
    return v;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e;
    }
    return s / v.length;
  }

  private static Map<String, Object> interval(double m, double radius, double delta, int n) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("mean", m);
    r.put("radius", radius);
    r.put("lo", m - radius);
    r.put("hi", m + radius);
    r.put("delta", delta);
    r.put("n", (double) n);
    return r;
  }
}
