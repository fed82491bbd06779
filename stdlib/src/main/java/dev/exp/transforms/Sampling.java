package dev.exp.transforms;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.stats.Stats;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Monte Carlo Shapley and Banzhaf values of a black-box game v(S), with standard errors and
 * Student-t confidence intervals: permutation sampling (Castro et al.) and maximum-sample-reuse
 * Banzhaf sampling (Wang & Jia). The game is a script function of a 0/1 vector of length n.
 */
public final class Sampling {
  private Sampling() {}

  static final String GAME_DOC = " v: a function of one argument, a 0/1 vector [n] marking the coalition, returning "
      + "a number. Returns {values [n], se [n], lo [n], hi [n] (the level CI, Student-t), level, queries}.";

  @Kernel(name = "transforms.shapley_sample", doc = "Shapley values by permutation sampling: for each of "
      + "`permutations` random orders, the marginal contribution v(P ∪ {i}) − v(P) of each player i given its "
      + "predecessors P; φ_i is their mean, unbiased, with standard error std/√permutations. Uses n + 1 queries "
      + "per permutation." + GAME_DOC
      + " Example: transforms.shapley_sample((s) => sum(s * [1, 2, 3]), 3, permutations: 100, seed: 1)")
  public static Map<String, Object> shapleySample(@Arg("v") Fn v, @Arg("n") int n,
      @Arg(value = "permutations", dflt = "1000") int permutations, @Arg(value = "level", dflt = "0.95") double level,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.shapley_sample";
    check(n, permutations, level, rng, fn, "permutations");
    double[][] marg = new double[n][permutations];
    int[] order = new int[n];
    for (int p = 0; p < permutations; p++) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double[] s = new double[n];
      double prev = query(v, s, fn);
      for (int i : order) {
        s[i] = 1;
        double cur = query(v, s, fn);
        marg[i][p] = cur - prev;
        prev = cur;
      }
    }
    return summary(marg, level, (long) permutations * (n + 1));
  }

  @Kernel(name = "transforms.banzhaf_sample", doc = "Banzhaf values by maximum sample reuse: draw `samples` "
      + "coalitions S uniformly (each player in with probability 1/2), query v(S) once each, and estimate "
      + "β_i = mean v(S | i ∈ S) − mean v(S | i ∉ S); the standard error is that of a difference of two means. "
      + "One query per sample." + GAME_DOC
      + " Example: transforms.banzhaf_sample((s) => sum(s * [1, 2, 3]), 3, samples: 200, seed: 1)")
  public static Map<String, Object> banzhafSample(@Arg("v") Fn v, @Arg("n") int n,
      @Arg(value = "samples", dflt = "1000") int samples, @Arg(value = "level", dflt = "0.95") double level,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "transforms.banzhaf_sample";
    check(n, samples, level, rng, fn, "samples");
    double[] vals = new double[samples];
    boolean[][] in = new boolean[samples][n];
    for (int t = 0; t < samples; t++) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        in[t][i] = rng.nextDouble() < 0.5;
        s[i] = in[t][i] ? 1 : 0;
      }
      vals[t] = query(v, s, fn);
    }
    double[] est = new double[n];
    double[] se = new double[n];
    double df = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s1 = 0;
      double q1 = 0;
      int n1 = 0;
      double s0 = 0;
      double q0 = 0;
      for (int t = 0; t < samples; t++) {
        if (in[t][i]) {
          s1 += vals[t];
          q1 += vals[t] * vals[t];
          n1++;
        } else {
          s0 += vals[t];
          q0 += vals[t] * vals[t];
        }
      }
      int n0 = samples - n1;
      if (n1 < 2 || n0 < 2) {
        throw KernelException.of("%s: player %d was in %d and out of %d sampled coalitions; use more samples", fn, i,
            n1, n0);
      }
      double m1 = s1 / n1;
      double m0 = s0 / n0;
      est[i] = m1 - m0;
      double v1 = Math.max(0, (q1 - n1 * m1 * m1) / (n1 - 1));
      double v0 = Math.max(0, (q0 - n0 * m0 * m0) / (n0 - 1));
      se[i] = Math.sqrt(v1 / n1 + v0 / n0);
      df = Math.min(df, Math.min(n1, n0) - 1);
    }
    return record(est, se, level, df, samples);
  }

  private static void check(int n, int count, double level, Rng rng, String fn, String what) {
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 1) {
      throw KernelException.of("%s: n (the number of players) must be >= 1, got %d", fn, n);
    }
    if (count < 2) {
      throw KernelException.of("%s: %s must be >= 2 (for a standard error), got %d", fn, what, count);
    }
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("%s: level must be in (0, 1), got %s", fn, level);
    }
  }

  static double query(Fn v, double[] s, String fn) {
    try {
      return v.callDouble(Tensor.of(new int[] {s.length}, s));
    } catch (KernelException e) {
      throw KernelException.of("%s: the game v %s", fn, e.getMessage().replaceFirst("^expected", "must return a number;"
          + " expected"));
    }
  }

  private static Map<String, Object> summary(double[][] samples, double level, long queries) {
    int n = samples.length;
    int m = samples[0].length;
    double[] est = new double[n];
    double[] se = new double[n];
    for (int i = 0; i < n; i++) {
      est[i] = Stats.mean(samples[i]);
      se[i] = Stats.sem(samples[i]);
    }
    return record(est, se, level, m - 1, queries);
  }

  private static Map<String, Object> record(double[] est, double[] se, double level, double df, long queries) {
    int n = est.length;
    double t = Stats.tQuantile(0.5 + level / 2, df);
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = est[i] - t * se[i];
      hi[i] = est[i] + t * se[i];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("values", Tensor.wrap(new int[] {n}, est));
    r.put("se", Tensor.wrap(new int[] {n}, se));
    r.put("lo", Tensor.wrap(new int[] {n}, lo));
    r.put("hi", Tensor.wrap(new int[] {n}, hi));
    r.put("level", level);
    r.put("queries", (double) queries);
    return r;
  }
}
