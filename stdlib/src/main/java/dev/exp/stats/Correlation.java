package dev.exp.stats;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Correlation coefficients with p-values and confidence intervals (namespace {@code stats}): Pearson,
 * Spearman and Kendall's τ-b. Intervals use the Fisher transform z = atanh(r) with the standard error
 * named in each kernel's doc; p-values are two-sided tests of zero correlation as SciPy computes them.
 */
public final class Correlation {
  private Correlation() {}

  static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  private static double[][] pair(Tensor x, Tensor y, String fn, int min) {
    double[] a = x.raw();
    double[] b = y.raw();
    if (a.length != b.length) {
      throw KernelException.of("%s: x has %d values but y has %d", fn, a.length, b.length);
    }
    if (a.length < min) {
      throw KernelException.of("%s: needs at least %d pairs, got %d", fn, min, a.length);
    }
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        throw KernelException.of("%s: x and y must be finite, found (%s, %s) at index %d", fn,
            dev.exp.tensor.TensorArgs.fmt(a[i]), dev.exp.tensor.TensorArgs.fmt(b[i]), i);
      }
    }
    return new double[][] {a, b};
  }

  static double pearsonR(double[] a, double[] b) {
    double ma = Stats.mean(a);
    double mb = Stats.mean(b);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      double u = a[i] - ma;
      double v = b[i] - mb;
      sab += u * v;
      saa += u * u;
      sbb += v * v;
    }
    double r = sab / Math.sqrt(saa * sbb);
    return Math.max(-1, Math.min(1, r));
  }

  /** Two-sided p of r under zero correlation by the t statistic r √((n−2)/(1−r²)) on n − 2 df. */
  static double tTestP(double r, int n) {
    if (Math.abs(r) == 1) {
      return 0;
    }
    double t = r * Math.sqrt((n - 2) / ((1 - r) * (1 + r)));
    return Stats.tTwoSidedP(t, n - 2);
  }

  private static Map<String, Object> result(String name, double r, double p, double se, double level, int n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(name, r);
    m.put("p", p);
    double z = NORMAL.inverseCumulativeProbability((1 + level) / 2);
    double lo = Double.NaN;
    double hi = Double.NaN;
    if (Double.isFinite(se)) {
      double f = atanh(r);
      lo = Math.tanh(f - z * se);
      hi = Math.tanh(f + z * se);
    }
    m.put("lo", lo);
    m.put("hi", hi);
    m.put("level", level);
    m.put("n", (double) n);
    return m;
  }

  private static double atanh(double r) {
    return r >= 1 ? Double.POSITIVE_INFINITY : r <= -1 ? Double.NEGATIVE_INFINITY : 0.5 * Math.log((1 + r) / (1 - r));
  }

  private static void checkLevel(double level, String fn) {
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("%s: level must be in (0, 1), got %s", fn, level);
    }
  }

  @Kernel(name = "stats.pearson", doc = "Pearson correlation of x and y (same length, n ≥ 3) with a two-sided "
      + "p-value (t = r√((n−2)/(1−r²)) on n − 2 degrees of freedom, scipy.stats.pearsonr) and a Fisher-z confidence "
      + "interval tanh(atanh r ± z_{(1+level)/2}/√(n−3)) (nan for n = 3). Returns {r, p, lo, hi, level, n}. "
      + "Example: stats.pearson([1, 2, 3, 4], [1, 3, 2, 5]).r is 0.8315")
  public static Map<String, Object> pearson(@Arg("x") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "level", dflt = "0.95") double level) {
    String fn = "stats.pearson";
    checkLevel(level, fn);
    double[][] v = pair(x, y, fn, 3);
    int n = v[0].length;
    double r = pearsonR(v[0], v[1]);
    if (Double.isNaN(r)) {
      throw new KernelException(fn + ": x or y is constant (the correlation is undefined)");
    }
    return result("r", r, tTestP(r, n), n > 3 ? 1 / Math.sqrt(n - 3) : Double.NaN, level, n);
  }

  @Kernel(name = "stats.spearman", doc = "Spearman rank correlation: the Pearson correlation of the average ranks "
      + "(ties share their mean rank), with scipy.stats.spearmanr's two-sided p-value (t on n − 2 degrees of "
      + "freedom) and a Fisher-z interval with the Bonett–Wright standard error √((1 + ρ²/2)/(n − 3)). Returns {rho, "
      + "p, lo, hi, level, n}. Example: stats.spearman([1, 2, 3, 4], [1, 3, 2, 5]).rho is 0.8")
  public static Map<String, Object> spearman(@Arg("x") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "level", dflt = "0.95") double level) {
    String fn = "stats.spearman";
    checkLevel(level, fn);
    double[][] v = pair(x, y, fn, 3);
    int n = v[0].length;
    double rho = pearsonR(Ranks.average(v[0]), Ranks.average(v[1]));
    if (Double.isNaN(rho)) {
      throw new KernelException(fn + ": x or y is constant (the correlation is undefined)");
    }
    return result("rho", rho, tTestP(rho, n), n > 3 ? Math.sqrt((1 + rho * rho / 2) / (n - 3)) : Double.NaN,
        level, n);
  }

  @Kernel(name = "stats.kendall", doc = "Kendall's τ-b rank correlation (ties in x or y corrected; O(n²) pairs) "
      + "with scipy.stats.kendalltau's two-sided p-value: method \"auto\" (default) uses the exact null distribution "
      + "when there are no ties and n ≤ 33 and the normal approximation with the tie-corrected variance otherwise; "
      + "\"exact\" or \"asymptotic\" force one. The interval is Fisher-z with the Fieller–Hartley–Pearson standard "
      + "error √(0.437/(n − 4)) (nan for n ≤ 4). Returns {tau, p, lo, hi, level, n}. Example: "
      + "stats.kendall([1, 2, 3, 4], [1, 3, 2, 5]).tau is 0.6667")
  public static Map<String, Object> kendall(@Arg("x") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "level", dflt = "0.95") double level, @Arg(value = "method", dflt = "\"auto\"") String method) {
    String fn = "stats.kendall";
    checkLevel(level, fn);
    if (!method.equals("auto") && !method.equals("exact") && !method.equals("asymptotic")) {
      throw new KernelException(fn + ": method must be \"auto\", \"exact\" or \"asymptotic\", got \"" + method + "\"");
    }
    double[][] v = pair(x, y, fn, 2);
    double[] a = v[0];
    double[] b = v[1];
    int n = a.length;
    long s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s += sign(a[i] - a[j]) * sign(b[i] - b[j]);
      }
    }
    double[] tx = ties(a);
    double[] ty = ties(b);
    double tot = n * (n - 1) / 2.0;
    double tau = s / Math.sqrt(tot - tx[0]) / Math.sqrt(tot - ty[0]);
    if (Double.isNaN(tau)) {
      throw new KernelException(fn + ": x or y is constant (the correlation is undefined)");
    }
    boolean noTies = tx[0] == 0 && ty[0] == 0;
    boolean exact = method.equals("exact") || method.equals("auto") && noTies && n <= 33;
    if (exact && !noTies) {
      throw new KernelException(fn + ": the exact p-value needs x and y without ties; use method \"asymptotic\"");
    }
    double p;
    if (exact) {
      long dis = Math.round((tot - s) / 2);
      p = exactP(n, Math.min(dis, (long) tot - dis));
    } else {
      double m = n * (n - 1.0);
      double var = (m * (2 * n + 5) - tx[2] - ty[2]) / 18 + 2 * tx[0] * ty[0] / m
          + tx[1] * ty[1] / (9 * m * (n - 2));
      p = 2 * NORMAL.cumulativeProbability(-Math.abs(s / Math.sqrt(var)));
    }
    return result("tau", tau, Math.min(1, p), n > 4 ? Math.sqrt(0.437 / (n - 4)) : Double.NaN, level, n);
  }

  private static long sign(double v) {
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  }

  /** Σ t(t−1)/2, Σ t(t−1)(t−2), Σ t(t−1)(2t+5) over groups of t tied values. */
  private static double[] ties(double[] x) {
    double[] s = x.clone();
    java.util.Arrays.sort(s);
    double[] out = new double[3];
    int i = 0;
    while (i < s.length) {
      int j = i;
      while (j + 1 < s.length && s[j + 1] == s[i]) {
        j++;
      }
      double t = j - i + 1;
      out[0] += t * (t - 1) / 2;
      out[1] += t * (t - 1) * (t - 2);
      out[2] += t * (t - 1) * (2 * t + 5);
      i = j + 1;
    }
    return out;
  }

  /** 2·P(at most c discordant pairs) for a random permutation of n (Mahonian numbers), capped at 1. */
  static double exactP(int n, long c) {
    double[] cnt = new double[(int) c + 1];
    cnt[0] = 1;
    for (int j = 2; j <= n; j++) {
      // a new element adds 0..j-1 inversions: prefix sums over a window of width j
      double[] next = new double[cnt.length];
      double window = 0;
      for (int t = 0; t < cnt.length; t++) {
        window += cnt[t];
        if (t - j >= 0) {
          window -= cnt[t - j];
        }
        next[t] = window;
      }
      cnt = next;
    }
    double total = 0;
    for (double v : cnt) {
      total += v;
    }
    double fact = 1;
    for (int j = 2; j <= n; j++) {
      fact *= j;
    }
    return Math.min(1, 2 * total / fact);
  }
}
