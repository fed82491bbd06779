package dev.exp.stats;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paired comparisons of two systems and corrections for multiple comparisons (N26, namespace
 * {@code stats}): the paired t-test with its interval, the Wilcoxon signed-rank test, paired bootstrap
 * intervals of a difference, and Bonferroni / Holm / Benjamini–Hochberg adjusted p-values.
 */
public final class Inference {
  private Inference() {}

  private static double[][] paired(Tensor a, Tensor b, String fn, int min) {
    double[] x = a.raw();
    double[] y = b.raw();
    if (x.length != y.length) {
      throw KernelException.of("%s: a and b must be paired (same length), got %d and %d values", fn, x.length, y.length);
    }
    if (x.length < min) {
      throw KernelException.of("%s: needs at least %d pairs, got %d", fn, min, x.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw KernelException.of("%s: a and b must be finite, found (%s, %s) at index %d", fn,
            dev.exp.tensor.TensorArgs.fmt(x[i]), dev.exp.tensor.TensorArgs.fmt(y[i]), i);
      }
    }
    return new double[][] {x, y};
  }

  private static void checkLevel(double level, String fn) {
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("%s: level must be in (0, 1), got %s", fn, level);
    }
  }

  @Kernel(name = "stats.paired_ttest", doc = "Paired t-test of mean(a − b) = 0, two-sided, with the Student-t "
      + "confidence interval of the mean difference. Returns {t, df, p, mean_diff, lo, hi, level, n}. Example: "
      + "stats.paired_ttest(acc_new, acc_old).p")
  public static Map<String, Object> pairedTtest(@Arg("a") Tensor a, @Arg("b") Tensor b,
      @Arg(value = "level", dflt = "0.95") double level) {
    String fn = "stats.paired_ttest";
    checkLevel(level, fn);
    double[][] v = paired(a, b, fn, 2);
    double[] d = new double[v[0].length];
    for (int i = 0; i < d.length; i++) {
      d[i] = v[0][i] - v[1][i];
    }
    double m = Stats.mean(d);
    double se = Stats.sem(d);
    double t = m / se;
    double df = d.length - 1;
    double hw = Stats.tQuantile((1 + level) / 2, df) * se;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("t", t);
    r.put("df", df);
    r.put("p", Double.isFinite(t) ? Stats.tTwoSidedP(t, df) : (m == 0 ? 1.0 : 0.0));
    r.put("mean_diff", m);
    r.put("lo", m - hw);
    r.put("hi", m + hw);
    r.put("level", level);
    r.put("n", (double) d.length);
    return r;
  }

  @Kernel(name = "stats.wilcoxon", doc = "Wilcoxon signed-rank test of the paired differences d = a − b (or of a "
      + "itself when b is none) against a distribution symmetric about 0, two-sided. Zero differences are dropped "
      + "(scipy's zero_method \"wilcox\"); |d| is ranked with ties averaged. statistic = min(W+, W−). method "
      + "\"auto\" (default) chooses as scipy.stats.wilcoxon (SciPy ≥ 1.15): the exact null distribution of W+ when "
      + "n ≤ 50 and there are no zeros or ties; with zeros or ties and at most 13 differences (zeros included), the "
      + "exact distribution of W+ over all sign flips of the tied ranks (SciPy's permutation test, here computed "
      + "exactly); otherwise the normal approximation with the tie-corrected variance and no continuity correction. "
      + "\"exact\" (the sign-flip distribution, ties allowed, n ≤ 1000) and \"approx\" force one. Returns "
      + "{statistic, p, w_plus, n (non-zero differences), method}. Example: stats.wilcoxon(a, b).p")
  public static Map<String, Object> wilcoxon(@Arg("a") Tensor a, @Arg(value = "b", dflt = "none") Tensor b,
      @Arg(value = "method", dflt = "\"auto\"") String method) {
    String fn = "stats.wilcoxon";
    if (!method.equals("auto") && !method.equals("exact") && !method.equals("approx")) {
      throw new KernelException(fn + ": method must be \"auto\", \"exact\" or \"approx\", got \"" + method + "\"");
    }
    double[][] v = paired(a, b == null ? Tensor.zeros(a.size()) : b, fn, 1);
    int zeros = 0;
    double[] nz = new double[v[0].length];
    int n = 0;
    for (int i = 0; i < nz.length; i++) {
      double d = v[0][i] - v[1][i];
      if (d == 0) {
        zeros++;
      } else {
        nz[n++] = d;
      }
    }
    if (n == 0) {
      throw new KernelException(fn + ": every difference is zero; the test is undefined");
    }
    double[] d = Arrays.copyOf(nz, n);
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      abs[i] = Math.abs(d[i]);
    }
    double[] r = Ranks.average(abs);
    double wPlus = 0;
    double wMinus = 0;
    for (int i = 0; i < n; i++) {
      if (d[i] > 0) {
        wPlus += r[i];
      } else {
        wMinus += r[i];
      }
    }
    double tieTerm = 0;
    double[] sorted = abs.clone();
    Arrays.sort(sorted);
    boolean ties = false;
    for (int i = 0; i < n;) {
      int j = i;
      while (j + 1 < n && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      if (t > 1) {
        ties = true;
        tieTerm += t * (t * t - 1);
      }
      i = j + 1;
    }
    boolean exact = method.equals("exact")
        || method.equals("auto") && (n <= 50 && zeros == 0 && !ties || n + zeros <= 13);
    if (exact && n > 1000) {
      throw new KernelException(fn + ": the exact p-value takes at most 1000 non-zero differences, got " + n
          + "; use method \"approx\"");
    }
    double stat = Math.min(wPlus, wMinus);
    double p;
    if (exact) {
      int[] twice = new int[n];   // midranks are multiples of 1/2
      for (int i = 0; i < n; i++) {
        twice[i] = (int) Math.round(2 * r[i]);
      }
      p = exactP(twice, (int) Math.round(2 * wPlus));
    } else {
      double mn = n * (n + 1) / 4.0;
      double se = Math.sqrt((n * (n + 1.0) * (2 * n + 1) - 0.5 * tieTerm) / 24);
      p = 2 * Correlation.NORMAL.cumulativeProbability(-Math.abs((stat - mn) / se));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("statistic", stat);
    out.put("p", Math.min(1, p));
    out.put("w_plus", wPlus);
    out.put("n", (double) n);
    out.put("method", exact ? "exact" : "approx");
    return out;
  }

  /** Two-sided exact p of W+ = w for n untied non-zero differences (subset-sum counts of 1..n). */
  /**
   * The two-sided p-value of W+ = w under random signs: {@code ranks} are the ranks (any positive
   * integers; here twice the midranks, so that ties count exactly) and w is the observed sum of the
   * positive ones on the same scale. The null distribution of the sum over all 2^n sign patterns is
   * counted by dynamic programming, as for the untied statistic.
   */
  static double exactP(int[] ranks, int w) {
    int max = 0;
    for (int k : ranks) {
      max += k;
    }
    double[] c = new double[max + 1];
    c[0] = 1;
    for (int k : ranks) {
      for (int s = max; s >= k; s--) {
        c[s] += c[s - k];
      }
    }
    double total = Math.pow(2, ranks.length);
    double less = 0;
    double greater = 0;
    for (int s = 0; s <= max; s++) {
      if (s <= w) {
        less += c[s];
      }
      if (s >= w) {
        greater += c[s];
      }
    }
    return Math.min(1, 2 * Math.min(less, greater) / total);
  }

  @Kernel(name = "stats.bootstrap_diff_ci", doc = "Percentile bootstrap confidence interval of stat(a) − stat(b) "
      + "(stat as stats.bootstrap_ci: \"mean\", \"median\", \"std\", \"var\", \"min\", \"max\", \"sum\"). paired "
      + "(default true) resamples the pairs (a_i, b_i) together — the comparison of two systems on the same test "
      + "items; paired false resamples a and b independently. Returns {estimate, lo, hi, level, n_boot, "
      + "p_boot}: p_boot is the two-sided bootstrap p-value 2·min(P*(diff ≤ 0), P*(diff ≥ 0)). Deterministic given "
      + "seed. Example: stats.bootstrap_diff_ci(new_scores, old_scores, seed: 1)")
  public static Map<String, Object> bootstrapDiffCi(@Arg("a") Tensor a, @Arg("b") Tensor b,
      @Arg(value = "stat", dflt = "\"mean\"") String stat, @Arg(value = "level", dflt = "0.95") double level,
      @Arg(value = "n_boot", dflt = "2000") int nBoot, @Arg(value = "paired", dflt = "true") boolean paired,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "stats.bootstrap_diff_ci";
    checkLevel(level, fn);
    if (nBoot < 10) {
      throw KernelException.of("%s: n_boot must be at least 10, got %d", fn, nBoot);
    }
    if (stat.equals("count") || stat.equals("ci95") || stat.equals("sem") || !Stats.STATISTICS.contains(stat)) {
      throw new KernelException(fn + ": stat must be one of mean, median, std, var, min, max, sum; got \"" + stat + "\"");
    }
    double[] x;
    double[] y;
    if (paired) {
      double[][] v = paired(a, b, fn, 1);
      x = v[0];
      y = v[1];
    } else {
      x = a.raw();
      y = b.raw();
      if (x.length == 0 || y.length == 0) {
        throw new KernelException(fn + ": a and b must not be empty");
      }
    }
    Rng g = rng != null ? rng : new Rng(0);
    double[] boot = new double[nBoot];
    double[] rx = new double[x.length];
    double[] ry = new double[y.length];
    int le = 0;
    int ge = 0;
    for (int t = 0; t < nBoot; t++) {
      for (int i = 0; i < rx.length; i++) {
        int j = g.nextInt(x.length);
        rx[i] = x[j];
        if (paired) {
          ry[i] = y[j];
        }
      }
      if (!paired) {
        for (int i = 0; i < ry.length; i++) {
          ry[i] = y[g.nextInt(y.length)];
        }
      }
      boot[t] = Stats.statistic(stat, rx) - Stats.statistic(stat, ry);
      le += boot[t] <= 0 ? 1 : 0;
      ge += boot[t] >= 0 ? 1 : 0;
    }
    Arrays.sort(boot);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("estimate", Stats.statistic(stat, x) - Stats.statistic(stat, y));
    out.put("lo", Stats.quantile(boot, (1 - level) / 2));
    out.put("hi", Stats.quantile(boot, (1 + level) / 2));
    out.put("level", level);
    out.put("n_boot", (double) nBoot);
    out.put("p_boot", Math.min(1, 2.0 * Math.min(le, ge) / nBoot));
    return out;
  }

  @Kernel(name = "stats.multiple_comparisons", doc = "Adjusted p-values for m simultaneous tests and the rejections "
      + "at alpha (default 0.05). method \"bonferroni\": min(1, m·p); \"holm\" (default; step-down, controls the "
      + "family-wise error): the running maximum over sorted p of (m − i + 1)·p_(i); \"bh\" (Benjamini–Hochberg, "
      + "controls the false discovery rate): the running minimum from the largest of m·p_(i)/i; all capped at 1 and "
      + "returned in the input order (as statsmodels' multipletests). Returns {p_adjusted, reject (1/0), "
      + "n_rejected, method, alpha}. Example: stats.multiple_comparisons([0.01, 0.04, 0.03], method: \"bh\")")
  public static Map<String, Object> multipleComparisons(@Arg("p") Tensor p,
      @Arg(value = "method", dflt = "\"holm\"") String method, @Arg(value = "alpha", dflt = "0.05") double alpha) {
    String fn = "stats.multiple_comparisons";
    double[] v = p.raw();
    int m = v.length;
    if (m == 0) {
      throw new KernelException(fn + ": p is empty");
    }
    for (double e : v) {
      if (!(e >= 0 && e <= 1)) {
        throw new KernelException(fn + ": p-values must be in [0, 1], found " + Numbers.format(e));
      }
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw KernelException.of("%s: alpha must be in (0, 1), got %s", fn, alpha);
    }
    Integer[] ord = new Integer[m];
    for (int i = 0; i < m; i++) {
      ord[i] = i;
    }
    Arrays.sort(ord, (x, y) -> Double.compare(v[x], v[y]));
    double[] adj = new double[m];
    switch (method) {
      case "bonferroni" -> {
        for (int i = 0; i < m; i++) {
          adj[i] = Math.min(1, m * v[i]);
        }
      }
      case "holm" -> {
        double run = 0;
        for (int i = 0; i < m; i++) {
          run = Math.max(run, Math.min(1, (m - i) * v[ord[i]]));
          adj[ord[i]] = run;
        }
      }
      case "bh" -> {
        double run = 1;
        for (int i = m - 1; i >= 0; i--) {
          run = Math.min(run, (double) m * v[ord[i]] / (i + 1));
          adj[ord[i]] = run;
        }
      }
      default -> throw new KernelException(fn + ": method must be \"bonferroni\", \"holm\" or \"bh\", got \""
          + method + "\"");
    }
    double[] rej = new double[m];
    int count = 0;
    for (int i = 0; i < m; i++) {
      rej[i] = adj[i] <= alpha ? 1 : 0;
      count += (int) rej[i];
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("p_adjusted", Tensor.vector(adj));
    out.put("reject", Tensor.vector(rej));
    out.put("n_rejected", (double) count);
    out.put("method", method);
    out.put("alpha", alpha);
    return out;
  }
}
