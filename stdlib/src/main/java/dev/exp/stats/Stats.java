package dev.exp.stats;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Statistics for experiment results (namespace {@code stats}): Student-t confidence intervals,
 * percentile bootstrap, paired and Welch t-tests, log–log power-law fits, median, quantiles and the
 * standard error. Distribution functions come from Hipparchus. Also usable from Java through the
 * plain static helpers ({@link #tQuantile}, {@link #ci95HalfWidth}, ...).
 */
public final class Stats {
  private Stats() {}

  // ------------------------------------------------------------------ plain helpers

  /** The p-quantile of Student's t distribution with df degrees of freedom (df &gt; 0). */
  public static double tQuantile(double p, double df) {
    if (!(df > 0)) {
      throw KernelException.of("degrees of freedom must be positive, got %s", df);
    }
    if (p == 0 || p == 1) {
      return p == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;   // as SciPy
    }
    if (!(p > 0 && p < 1)) {
      throw KernelException.of("probability must be in [0, 1], got %s", p);
    }
    if (df >= 3000) {
      // the cdf of a t with huge df loses digits; the Cornish-Fisher expansion in 1/df about the normal
      // quantile z (Abramowitz & Stegun 26.7.5) is exact to O(df^-5) there
      double z = new org.hipparchus.distribution.continuous.NormalDistribution(0, 1).inverseCumulativeProbability(p);
      for (int k = 0; k < 2; k++) {   // Newton on Φ(z) = p with erfc, which keeps its digits in the tails
        double cdf = 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2));
        z -= (cdf - p) / (Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI));
      }
      double z2 = z * z;
      double g1 = (z2 + 1) * z / 4;
      double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
      double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
      double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
      return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
    }
    TDistribution t = new TDistribution(df);
    double q = t.inverseCumulativeProbability(p);   // a bracketing solve, to about 1e-9
    for (int k = 0; k < 3; k++) {   // Newton on F(q) = p polishes it to the accuracy of the cdf
      double d = t.density(q);
      if (!(d > 0) || !Double.isFinite(q)) {
        break;
      }
      double step = (t.cumulativeProbability(q) - p) / d;
      q -= step;
      if (Math.abs(step) <= 1e-16 * Math.abs(q)) {
        break;
      }
    }
    return q;
  }

  /** Two-sided p-value of a t statistic with df degrees of freedom. */
  public static double tTwoSidedP(double t, double df) {
    if (Double.isNaN(t) || Double.isNaN(df)) {
      return Double.NaN;
    }
    double c = new TDistribution(df).cumulativeProbability(-Math.abs(t));
    return Math.min(1.0, 2 * c);
  }

  public static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    double m = s / x.length;
    if (!Double.isFinite(m)) {
      return m;   // an infinity (or nan) among the values: the correction would turn inf into inf - inf = nan
    }
    // one correction pass (reduces rounding error for large n)
    double c = 0;
    for (double v : x) {
      c += v - m;
    }
    return m + c / x.length;
  }

  /** Sample variance (ddof = 1); NaN for fewer than 2 values. */
  public static double variance(double[] x) {
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (n - 1);
  }

  /** Sample standard deviation (ddof = 1). */
  public static double std(double[] x) {
    return Math.sqrt(variance(x));
  }

  /** Standard error of the mean: std / sqrt(n). */
  public static double sem(double[] x) {
    return std(x) / Math.sqrt(x.length);
  }

  /** Half-width of the two-sided Student-t interval for the mean at {@code level}. */
  public static double ciHalfWidth(double[] x, double level) {
    int n = x.length;
    if (n < 2) {
      return Double.NaN;
    }
    return tQuantile(0.5 + level / 2, n - 1) * sem(x);
  }

  /** Half-width of the 95% Student-t interval for the mean (NaN for fewer than 2 values). */
  public static double ci95HalfWidth(double[] x) {
    return ciHalfWidth(x, 0.95);
  }

  /** Quantile with linear interpolation between order statistics (NumPy's default). */
  public static double quantile(double[] x, double q) {
    double[] s = x.clone();
    Arrays.sort(s);
    return quantileSorted(s, q);
  }

  static double quantileSorted(double[] s, double q) {
    if (s.length == 0) {
      throw new KernelException("quantile of an empty sample");
    }
    if (!(q >= 0 && q <= 1)) {
      throw KernelException.of("q must be in [0, 1], got %s", q);
    }
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    double f = pos - lo;
    return f == 0 ? s[lo] : s[lo] + (s[hi] - s[lo]) * f;
  }

  public static double median(double[] x) {
    return quantile(x, 0.5);
  }

  /**
   * The qs-quantiles of x (linear interpolation between order statistics, as {@link #quantile}),
   * all nan when x holds a nan (NumPy's default). x is not modified. The few order statistics
   * needed are found by selection, without sorting x.
   */
  public static double[] quantiles(double[] x, double[] qs) {
    int n = x.length;
    if (n == 0 && qs.length > 0) {
      throw new KernelException("quantile of an empty sample");
    }
    for (double q : qs) {
      if (!(q >= 0 && q <= 1)) {
        throw KernelException.of("q must be in [0, 1], got %s", dev.exp.tensor.TensorArgs.fmt(q));
      }
    }
    double[] out = new double[qs.length];
    for (double v : x) {
      if (Double.isNaN(v)) {
        Arrays.fill(out, Double.NaN);
        return out;
      }
    }
    if (qs.length == 0) {
      return out;
    }
    // the order statistics needed: lo, and lo + 1 when interpolating
    int[] need = new int[2 * qs.length];
    int m = 0;
    for (double q : qs) {
      double pos = q * (n - 1);
      int lo = (int) Math.floor(pos);
      need[m++] = lo;
      if (pos - lo != 0) {
        need[m++] = Math.min(lo + 1, n - 1);
      }
    }
    need = Arrays.stream(need, 0, m).sorted().distinct().toArray();
    double[] s;
    if (need.length > 8 || n < 64) {
      s = x.clone();
      Arrays.sort(s);
    } else {
      long[] k = new long[n];
      for (int i = 0; i < n; i++) {
        k[i] = dev.exp.tensor.Sorting.key(x[i]);
      }
      int from = 0;
      for (int p : need) {
        if (p == from && from > 0) {
          // the next order statistic: the smallest of the rest
          int best = from;
          for (int i = from + 1; i < n; i++) {
            if (k[i] < k[best]) {
              best = i;
            }
          }
          long t = k[from];
          k[from] = k[best];
          k[best] = t;
        } else {
          dev.exp.tensor.Sorting.select(k, from, n, p);
        }
        from = p + 1;
      }
      s = new double[n]; // only the needed entries are filled
      for (int p : need) {
        s[p] = dev.exp.tensor.Sorting.unkey(k[p]);
      }
    }
    for (int i = 0; i < qs.length; i++) {
      out[i] = quantileSorted(s, qs[i]);
    }
    return out;
  }

  /** Values of x with NaN removed. */
  public static double[] dropNaN(double[] x) {
    int k = 0;
    double[] out = new double[x.length];
    for (double v : x) {
      if (!Double.isNaN(v)) {
        out[k++] = v;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /**
   * A named statistic of a sample: mean, std, sem, ci95, median, min, max, count, var, sum. NaN
   * values are skipped (they mark missing results); statistics of an empty sample are NaN, its count
   * is 0.
   */
  public static double statistic(String name, double[] values) {
    double[] x = dropNaN(values);
    if (name.equals("count")) {
      return x.length;
    }
    if (x.length == 0) {
      return Double.NaN;
    }
    switch (name) {
      case "mean":
        return mean(x);
      case "std":
        return std(x);
      case "var":
        return variance(x);
      case "sem":
        return sem(x);
      case "ci95":
        return ci95HalfWidth(x);
      case "median":
        return median(x);
      case "min":
        return Arrays.stream(x).min().getAsDouble();
      case "max":
        return Arrays.stream(x).max().getAsDouble();
      case "sum":
        return Arrays.stream(x).sum();
      default:
        throw new KernelException(
            "unknown statistic \"" + name + "\"; expected one of " + String.join(", ", STATISTICS));
    }
  }

  /** Names accepted by {@link #statistic}. */
  public static final java.util.List<String> STATISTICS =
      java.util.List.of("mean", "std", "sem", "ci95", "median", "min", "max", "count", "var", "sum");

  private static double[] sample(String what, Tensor x, int min) {
    if (x == null) {
      throw new KernelException(what + " is required");
    }
    if (x.size() < min) {
      throw KernelException.of("%s needs at least %d value%s, got %d", what, min, min == 1 ? "" : "s", x.size());
    }
    return x.toArray();
  }

  private static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("level must be in (0, 1), got %s", level);
    }
  }

  // ------------------------------------------------------------------ kernels

  @Kernel(
      name = "stats.mean_ci",
      doc = "Confidence interval for the mean from Student's t distribution. Treats all values of x "
          + "as one sample (NaN propagates). Returns {mean, lo, hi, half_width, n} where "
          + "half_width = t_{(1+level)/2, n-1} · s/√n with the sample standard deviation s (ddof 1); "
          + "with a single value, lo, hi and half_width are nan. Example: stats.mean_ci([1, 2, 3, 4, 5]) "
          + "gives mean 3, half_width 1.963.")
  public static Map<String, Object> meanCi(
      @Arg("x") Tensor x, @Arg(value = "level", dflt = "0.95") double level) {
    checkLevel(level);
    double[] v = sample("x", x, 1);
    double m = mean(v);
    double hw = ciHalfWidth(v, level);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("mean", m);
    r.put("lo", m - hw);
    r.put("hi", m + hw);
    r.put("half_width", hw);
    r.put("n", (double) v.length);
    return r;
  }

  @Kernel(
      name = "stats.ci",
      doc = "Student-t confidence interval for the mean (same as stats.mean_ci). Returns "
          + "{mean, lo, hi, half_width, n}.")
  public static Map<String, Object> ci(
      @Arg("x") Tensor x, @Arg(value = "level", dflt = "0.95") double level) {
    return meanCi(x, level);
  }

  @Kernel(
      name = "stats.bootstrap_ci",
      doc = "Percentile bootstrap confidence interval of a statistic. Resamples x with replacement "
          + "n_boot times, computes stat (\"mean\", \"median\", \"std\", \"var\", \"min\", \"max\", "
          + "\"sum\") on each resample and returns the (1-level)/2 and (1+level)/2 quantiles of the "
          + "bootstrap distribution: {estimate, lo, hi, level, n_boot} (estimate = stat of x itself). "
          + "Deterministic given seed.")
  public static Map<String, Object> bootstrapCi(
      @Arg("x") Tensor x,
      @Arg(value = "stat", dflt = "\"mean\"") String stat,
      @Arg(value = "level", dflt = "0.95") double level,
      @Arg(value = "n_boot", dflt = "2000") int nBoot,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    checkLevel(level);
    if (nBoot < 10) {
      throw KernelException.of("n_boot must be at least 10, got %d", nBoot);
    }
    if (stat.equals("count") || stat.equals("ci95") || stat.equals("sem")
        || !STATISTICS.contains(stat)) {
      throw new KernelException(
          "stat must be one of mean, median, std, var, min, max, sum; got \"" + stat + "\"");
    }
    double[] v = sample("x", x, 1);
    Rng g = rng != null ? rng : new Rng(0);
    int n = v.length;
    double[] boot = new double[nBoot];
    double[] r = new double[n];
    for (int b = 0; b < nBoot; b++) {
      for (int i = 0; i < n; i++) {
        r[i] = v[g.nextInt(n)];
      }
      boot[b] = statistic(stat, r);
    }
    Arrays.sort(boot);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("estimate", statistic(stat, v));
    out.put("lo", quantileSorted(boot, (1 - level) / 2));
    out.put("hi", quantileSorted(boot, (1 + level) / 2));
    out.put("level", level);
    out.put("n_boot", (double) nBoot);
    return out;
  }

  @Kernel(
      name = "stats.ttest",
      doc = "Two-sample t-test of equal means, two-sided. Unpaired (default): Welch's test (no "
          + "equal-variance assumption; Welch–Satterthwaite degrees of freedom). paired: true tests "
          + "the mean of a - b against 0 (a and b must have the same length). Returns "
          + "{t, df, p, mean_diff} with mean_diff = mean(a) - mean(b).")
  public static Map<String, Object> ttest(
      @Arg("a") Tensor a, @Arg("b") Tensor b, @Arg(value = "paired", dflt = "false") boolean paired) {
    double[] x = sample("a", a, 2);
    double[] y = sample("b", b, 2);
    double t;
    double df;
    double diff;
    if (paired) {
      if (x.length != y.length) {
        throw KernelException.of(
            "paired t-test needs a and b of the same length, got %d and %d", x.length, y.length);
      }
      double[] d = new double[x.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = x[i] - y[i];
      }
      diff = mean(d);
      t = diff / sem(d);
      df = d.length - 1;
    } else {
      double va = variance(x) / x.length;
      double vb = variance(y) / y.length;
      diff = mean(x) - mean(y);
      t = diff / Math.sqrt(va + vb);
      df = (va + vb) * (va + vb)
          / (va * va / (x.length - 1) + vb * vb / (y.length - 1));
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("t", t);
    r.put("df", df);
    r.put("p", Double.isFinite(t) ? tTwoSidedP(t, df) : (Double.isNaN(t) ? Double.NaN : 0.0));
    r.put("mean_diff", diff);
    return r;
  }

  @Kernel(
      name = "stats.fit_power_law",
      doc = "Fits y = prefactor · x^exponent by least squares on (log x, log y). x and y must be "
          + "positive and of the same length (at least 3 points). Returns {exponent, prefactor, "
          + "exponent_lo, exponent_hi, prefactor_lo, prefactor_hi, r2, n}: the intervals are "
          + "Student-t intervals (n-2 degrees of freedom) at level for the log-log slope and "
          + "intercept (prefactor bounds = exp of the intercept bounds); r2 is measured in log-log "
          + "space. Example: stats.fit_power_law(res |> column(\"m\"), res |> column(\"err\")).")
  public static Map<String, Object> fitPowerLaw(
      @Arg("x") Tensor x, @Arg("y") Tensor y, @Arg(value = "level", dflt = "0.95") double level) {
    checkLevel(level);
    double[] xs = sample("x", x, 3);
    double[] ys = sample("y", y, 3);
    if (xs.length != ys.length) {
      throw KernelException.of("x has %d values but y has %d", xs.length, ys.length);
    }
    int n = xs.length;
    double[] lx = new double[n];
    double[] ly = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(xs[i] > 0) || !(ys[i] > 0) || Double.isInfinite(xs[i]) || Double.isInfinite(ys[i])) {
        throw KernelException.of(
            "power-law fit needs positive finite x and y; point %d is (%s, %s)", i, xs[i], ys[i]);
      }
      lx[i] = Math.log(xs[i]);
      ly[i] = Math.log(ys[i]);
    }
    double mx = mean(lx);
    double my = mean(ly);
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (lx[i] - mx) * (lx[i] - mx);
      sxy += (lx[i] - mx) * (ly[i] - my);
      syy += (ly[i] - my) * (ly[i] - my);
    }
    if (sxx == 0) {
      throw new KernelException("power-law fit needs at least two distinct x values");
    }
    double slope = sxy / sxx;
    double icpt = my - slope * mx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double r = ly[i] - (icpt + slope * lx[i]);
      sse += r * r;
    }
    double s2 = sse / (n - 2);
    double seSlope = Math.sqrt(s2 / sxx);
    double seIcpt = Math.sqrt(s2 * (1.0 / n + mx * mx / sxx));
    double tq = tQuantile(0.5 + level / 2, n - 2);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("exponent", slope);
    r.put("prefactor", Math.exp(icpt));
    r.put("exponent_lo", slope - tq * seSlope);
    r.put("exponent_hi", slope + tq * seSlope);
    r.put("prefactor_lo", Math.exp(icpt - tq * seIcpt));
    r.put("prefactor_hi", Math.exp(icpt + tq * seIcpt));
    r.put("r2", syy == 0 ? 1.0 : 1 - sse / syy);
    r.put("n", (double) n);
    return r;
  }

  @Kernel(name = "stats.median", doc = "Median of all values of x (mean of the two middle values when n is even); "
      + "nan when x has a nan (as NumPy).")
  public static double medianKernel(@Arg("x") Tensor x) {
    return quantiles(sample("x", x, 1), new double[] {0.5})[0];
  }

  @Kernel(
      name = "stats.quantile",
      doc = "Quantiles of all values of x with linear interpolation between order statistics "
          + "(NumPy's default method); nan when x has a nan (as NumPy). q is a number in [0, 1] or a "
          + "tensor of them; the result has q's shape. Example: stats.quantile(x, [0.25, 0.5, 0.75]).")
  public static Tensor quantileKernel(@Arg("x") Tensor x, @Arg("q") Tensor q) {
    return Tensor.wrap(q.shape(), quantiles(sample("x", x, 1), q.toArray()));
  }

  @Kernel(
      name = "stats.sem",
      doc = "Standard error of the mean: sample standard deviation (ddof 1) divided by √n.")
  public static double semKernel(@Arg("x") Tensor x) {
    return sem(sample("x", x, 2));
  }

  @Kernel(
      name = "stats.t_ppf",
      doc = "Quantile function of Student's t distribution: the value t with P(T ≤ t) = q for df "
          + "degrees of freedom (q = 0 gives -inf, q = 1 inf, as SciPy). Example: stats.t_ppf(0.975, 4) is 2.776.")
  public static double tPpf(@Arg("q") double q, @Arg("df") double df) {
    return tQuantile(q, df);
  }

}
