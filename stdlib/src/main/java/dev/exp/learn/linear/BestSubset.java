package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exhaustive best-subset selection for least squares (kernels.md L03, "for tiny s"): every support of
 * each size k ≤ s is fitted through the Gram matrix of the (centred) design, RSS_S = yᵀy − bᵀG_S⁻¹b.
 */
public final class BestSubset {
  private BestSubset() {}

  /** The largest number of supports examined. */
  static final long MAX_SUBSETS = 5_000_000;

  @Kernel(name = "learn.best_subset", doc = "Best-subset regression: among all supports of exactly s features (of d), "
      + "the least-squares fit with the smallest residual sum of squares (the ℓ0-constrained problem, solved "
      + "exhaustively: Σ_{k ≤ s} C(d, k) ≤ 5·10⁶ supports; the intercept is unpenalised and free). Returns a model "
      + "whose coef is zero off the support, with settings support (the sorted feature indices), rss, and path_rss "
      + "(the best RSS for each size k = 0..s, non-increasing) with path_support (a list of index tensors). "
      + "Defaults intercept true. Example: let m = learn.best_subset(X, y, 3); m.support")
  public static LinearModel bestSubset(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg("s") int s,
      @Arg(value = "intercept", dflt = "true") boolean intercept, KernelContext ctx) {
    String fn = "learn.best_subset";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.vector(y, n, fn, "y", "X");
    if (s < 0 || s > d) {
      throw KernelException.of("%s: s must be in 0..%d (the number of features), got %d", fn, d, s);
    }
    long total = 0;
    for (int k = 0; k <= s; k++) {
      total += choose(d, k);
      if (total > MAX_SUBSETS) {
        throw KernelException.of("%s: %d features choose up to %d means more than %d supports; use learn.lasso or a "
            + "smaller s", fn, d, s, MAX_SUBSETS);
      }
    }
    Centered c = Centered.of(xs, ys, n, d, 1, intercept);
    double[] g = Dense.gram(c.x(), n, d);
    double[] b = Dense.tmul(c.x(), n, d, c.y(), 1);
    double yy = Dense.dot(c.y(), 0, c.y(), 0, n);
    double[] pathRss = new double[s + 1];
    int[][] pathSupport = new int[s + 1][];
    pathRss[0] = yy;
    pathSupport[0] = new int[0];
    for (int k = 1; k <= s; k++) {
      int[] idx = new int[k];
      for (int j = 0; j < k; j++) {
        idx[j] = j;
      }
      double best = Double.POSITIVE_INFINITY;
      int[] bestIdx = null;
      double[] gs = new double[k * k];
      double[] bs = new double[k];
      long count = 0;
      do {
        if ((++count & 1023) == 0) {
          ctx.poll();
        }
        for (int p = 0; p < k; p++) {
          bs[p] = b[idx[p]];
          for (int q = 0; q < k; q++) {
            gs[p * k + q] = g[idx[p] * d + idx[q]];
          }
        }
        double[] l = Dense.cholesky(gs, k);
        if (l == null) {
          continue; // a rank-deficient support fits no better than one of its subsets
        }
        double[] w = bs.clone();
        Dense.cholSolve(l, k, w, 1);
        double rss = yy - Dense.dot(bs, 0, w, 0, k);
        if (rss < best) {
          best = rss;
          bestIdx = idx.clone();
        }
      } while (next(idx, d));
      if (bestIdx == null) {
        throw KernelException.of("%s: every support of size %d is rank deficient", fn, k);
      }
      pathRss[k] = Math.max(best, 0);
      pathSupport[k] = bestIdx;
    }
    int[] sup = pathSupport[s];
    double[] coef = new double[d];
    if (sup.length > 0) {
      int k = sup.length;
      double[] gs = new double[k * k];
      double[] w = new double[k];
      for (int p = 0; p < k; p++) {
        w[p] = b[sup[p]];
        for (int q = 0; q < k; q++) {
          gs[p * k + q] = g[sup[p] * d + sup[q]];
        }
      }
      Dense.cholSolve(Dense.choleskyOrFail(gs, k, fn, "the support's Gram matrix"), k, w, 1);
      for (int p = 0; p < k; p++) {
        coef[sup[p]] = w[p];
      }
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("s", (double) s);
    set.put("support", indices(sup));
    set.put("rss", pathRss[s]);
    set.put("path_rss", Tensor.vector(pathRss));
    java.util.List<Object> ps = new java.util.ArrayList<>();
    for (int[] p : pathSupport) {
      ps.add(indices(p));
    }
    set.put("path_support", ps);
    return new LinearModel("best_subset", coef, c.intercept(coef), d, 1, true, Map.of(), set, "s " + s);
  }

  private static Tensor indices(int[] idx) {
    double[] v = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      v[i] = idx[i];
    }
    return Tensor.vector(v);
  }

  /** The next k-combination of 0..d−1 in lexicographic order; false after the last. */
  private static boolean next(int[] idx, int d) {
    int k = idx.length;
    int i = k - 1;
    while (i >= 0 && idx[i] == d - k + i) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    idx[i]++;
    for (int j = i + 1; j < k; j++) {
      idx[j] = idx[j - 1] + 1;
    }
    return true;
  }

  private static long choose(int n, int k) {
    long r = 1;
    for (int i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
      if (r > MAX_SUBSETS * 10) {
        return r;
      }
    }
    return r;
  }
}
