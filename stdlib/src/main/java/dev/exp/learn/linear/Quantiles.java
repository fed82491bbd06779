package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Linear quantile regression, the pinball loss, monotone rearrangement, isotonic regression and quantile aggregation. */
public final class Quantiles {
  private Quantiles() {}

  @Kernel(name = "learn.quantile_regression", doc = "Linear quantile regression: minimises (1/n)·Σ_i ρ_tau(y_i − "
      + "x_iᵀw − b) + alpha·‖w‖₁, ρ_tau(r) = max(tau·r, (tau − 1)·r), the intercept b not penalised (scikit-learn's "
      + "QuantileRegressor(quantile=tau, alpha=alpha); note scikit-learn's default alpha is 1, Exp's 0). Solved exactly "
      + "as a linear program (the L1 term as 2d pseudo-samples ±n·alpha·e_j with target 0, since ρ(u) + ρ(−u) = |u|): "
      + "an interior-point method on the dual, then purified to a vertex, so the coefficients are exact up to rounding "
      + "(field vertex true). Defaults: alpha 0, intercept true. Returns a model with coef, intercept, tau, alpha, "
      + "loss (the mean pinball loss), objective (loss + alpha·‖w‖₁), iterations, converged, vertex. "
      + "Example: let m = learn.quantile_regression(X, y, 0.9, alpha: 0.01); predict(m, X_test)")
  public static LinearModel quantileRegression(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg("tau") double tau,
      @Arg(value = "alpha", dflt = "0") double alpha, @Arg(value = "intercept", dflt = "true") boolean intercept,
      KernelContext ctx) {
    String fn = "learn.quantile_regression";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.vector(y, n, fn, "y", "X");
    checkTau(tau, fn, "tau");
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw KernelException.of("%s: alpha (the L1 penalty) must be a finite number >= 0, got %s", fn,
          LearnArgs.fmt(alpha));
    }
    int p = intercept ? d + 1 : d;
    int extra = alpha > 0 ? 2 * d : 0;
    int rows = n + extra;
    double[] a = new double[rows * p];
    double[] yy = Arrays.copyOf(ys, rows);
    for (int i = 0; i < n; i++) {
      System.arraycopy(xs, i * d, a, i * p, d);
      if (intercept) {
        a[i * p + d] = 1;
      }
    }
    double c = n * alpha;
    for (int j = 0; j < extra / 2; j++) {
      a[(n + 2 * j) * p + j] = c;
      a[(n + 2 * j + 1) * p + j] = -c;
    }
    QuantileLp.Solution s = QuantileLp.solve(a, yy, rows, p, tau, ctx);
    double[] w = Arrays.copyOf(s.beta(), d);
    double b = intercept ? s.beta()[d] : 0;
    double loss = QuantileLp.objective(a, ys, n, p, tau, s.beta()) / n;
    double l1 = 0;
    for (double v : w) {
      l1 += Math.abs(v);
    }
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("tau", tau);
    set.put("alpha", alpha);
    set.put("loss", loss);
    set.put("objective", loss + alpha * l1);
    set.put("iterations", (double) s.iterations());
    set.put("converged", s.converged() || s.vertex());
    set.put("vertex", s.vertex());
    return new LinearModel("quantile_regression", w, new double[] {b}, d, 1, true, Map.of(), set,
        "tau " + LearnArgs.fmt(tau) + (alpha > 0 ? ", alpha " + LearnArgs.fmt(alpha) : ""));
  }

  /** The unpenalised fit (alpha 0), for Java callers. */
  public static LinearModel quantileRegression(Tensor x, Tensor y, double tau, boolean intercept, KernelContext ctx) {
    return quantileRegression(x, y, tau, 0, intercept, ctx);
  }

  private static void checkTau(double tau, String fn, String arg) {
    if (!(tau > 0 && tau < 1)) {
      throw KernelException.of("%s: %s must be in (0, 1), got %s", fn, arg, LearnArgs.fmt(tau));
    }
  }

  @Kernel(name = "metrics.pinball_loss", doc = "The pinball (quantile) loss ρ_tau(y − q) = max(tau·(y − q), "
      + "(tau − 1)·(y − q)). y [n]; q [n] with a number tau, or q [n, L] with taus [L] (one column per level). "
      + "reduction \"mean\" (default) averages over samples and levels; \"none\" gives the mean over levels per "
      + "sample [n]. (Twice the level-averaged pinball loss is the quantile form of the weighted interval score.) "
      + "Example: metrics.pinball_loss(y, q, [0.1, 0.5, 0.9])")
  public static Object pinballLoss(@Arg("y") Tensor y, @Arg("q") Tensor q, @Arg("taus") Tensor taus,
      @Arg(value = "reduction", dflt = "\"mean\"") String reduction) {
    String fn = "metrics.pinball_loss";
    LearnArgs.choice(reduction, fn, "reduction", "mean", "none");
    if (y.rank() != 1) {
      throw KernelException.of("%s: y must be a vector, got shape %s", fn, Tensor.shapeString(y.shape()));
    }
    int n = y.dim(0);
    double[] t = taus.reshape(taus.size()).toArray();
    int l = t.length;
    boolean ok = q.rank() == 1 ? l == 1 && q.dim(0) == n : q.rank() == 2 && q.dim(0) == n && q.dim(1) == l;
    if (!ok) {
      throw KernelException.of("%s: q must be [%d] with one tau or [%d, L] with L taus; got q of shape %s and %d taus",
          fn, n, n, Tensor.shapeString(q.shape()), l);
    }
    for (double v : t) {
      checkTau(v, fn, "every tau");
    }
    double[] ys = y.raw();
    double[] qs = q.raw();
    double[] per = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < l; j++) {
        double r = ys[i] - qs[i * l + j];
        s += r >= 0 ? t[j] * r : (t[j] - 1) * r;
      }
      per[i] = s / l;
      total += per[i];
    }
    return reduction.equals("none") ? Tensor.vector(per) : (Object) (total / n);
  }

  @Kernel(name = "learn.rearrange", doc = "Removes quantile crossings from predictions q [n, L] (columns ordered by "
      + "increasing level): method \"sort\" (default) sorts each row (the monotone rearrangement of Chernozhukov et al., "
      + "which never raises the pinball loss / WIS), \"isotonic\" replaces each row by its least-squares non-decreasing "
      + "fit (pool-adjacent-violators). Example: learn.rearrange(q)")
  public static Tensor rearrange(@Arg("q") Tensor q, @Arg(value = "method", dflt = "\"sort\"") String method) {
    String fn = "learn.rearrange";
    LearnArgs.choice(method, fn, "method", "sort", "isotonic");
    if (q.rank() != 2) {
      throw KernelException.of("%s: q must be a matrix [samples, levels], got shape %s", fn,
          Tensor.shapeString(q.shape()));
    }
    int n = q.dim(0);
    int l = q.dim(1);
    double[] out = q.toArray();
    double[] ones = new double[l];
    Arrays.fill(ones, 1);
    for (int i = 0; i < n; i++) {
      if (method.equals("sort")) {
        Arrays.sort(out, i * l, i * l + l);
      } else {
        double[] fit = pava(Arrays.copyOfRange(out, i * l, i * l + l), ones);
        System.arraycopy(fit, 0, out, i * l, l);
      }
    }
    return Tensor.wrap(new int[] {n, l}, out);
  }

  @Kernel(name = "learn.isotonic", doc = "Isotonic regression: the non-decreasing sequence closest to y in (weighted) "
      + "least squares, by pool-adjacent-violators. weights default to 1. Example: learn.isotonic([1, 3, 2, 4])")
  public static Tensor isotonic(@Arg("y") Tensor y, @Arg(value = "weights", dflt = "none") Tensor weights) {
    String fn = "learn.isotonic";
    if (y.rank() != 1) {
      throw KernelException.of("%s: y must be a vector, got shape %s", fn, Tensor.shapeString(y.shape()));
    }
    double[] w = new double[y.dim(0)];
    if (weights == null) {
      Arrays.fill(w, 1);
    } else {
      if (!Arrays.equals(weights.shape(), y.shape())) {
        throw KernelException.of("%s: weights must have the shape of y %s, got %s", fn, Tensor.shapeString(y.shape()),
            Tensor.shapeString(weights.shape()));
      }
      w = weights.toArray();
      for (double v : w) {
        LearnArgs.positive(v, fn, "every weight");
      }
    }
    return Tensor.vector(pava(y.toArray(), w));
  }

  /** Pool-adjacent-violators: the weighted least-squares non-decreasing fit. */
  static double[] pava(double[] y, double[] w) {
    int n = y.length;
    double[] val = new double[n];
    double[] wt = new double[n];
    int[] len = new int[n];
    int b = 0;
    for (int i = 0; i < n; i++) {
      val[b] = y[i];
      wt[b] = w[i];
      len[b] = 1;
      while (b > 0 && val[b - 1] > val[b]) {
        double ww = wt[b - 1] + wt[b];
        val[b - 1] = (wt[b - 1] * val[b - 1] + wt[b] * val[b]) / ww;
        wt[b - 1] = ww;
        len[b - 1] += len[b];
        b--;
      }
      b++;
    }
    double[] out = new double[n];
    int o = 0;
    for (int k = 0; k < b; k++) {
      for (int t = 0; t < len[k]; t++) {
        out[o++] = val[k];
      }
    }
    return out;
  }

  @Kernel(name = "learn.quantile_aggregate", doc = "Aggregates the quantile predictions of several models: preds "
      + "[M, n, L] (M models, n samples, L levels in increasing order) combined per sample and level by method "
      + "\"mean\" (default; weighted by weights [M] or [M, L] — weights that depend on the level — normalised to sum 1 "
      + "per level) or \"median\" (unweighted), then rearranged by sorting (rearrange true, default) so the result "
      + "[n, L] never crosses. Example: learn.quantile_aggregate(stack([q1, q2]), weights: [0.7, 0.3])")
  public static Tensor quantileAggregate(@Arg("preds") Tensor preds, @Arg(value = "weights", dflt = "none") Tensor weights,
      @Arg(value = "method", dflt = "\"mean\"") String method, @Arg(value = "rearrange", dflt = "true") boolean rearrange) {
    String fn = "learn.quantile_aggregate";
    LearnArgs.choice(method, fn, "method", "mean", "median");
    if (preds.rank() != 3) {
      throw KernelException.of("%s: preds must be [models, samples, levels], got shape %s", fn,
          Tensor.shapeString(preds.shape()));
    }
    int m = preds.dim(0);
    int n = preds.dim(1);
    int l = preds.dim(2);
    double[] p = preds.raw();
    double[] w = new double[m * l];
    if (weights == null) {
      Arrays.fill(w, 1.0 / m);
    } else {
      boolean perLevel = weights.rank() == 2 && weights.dim(0) == m && weights.dim(1) == l;
      if (!(weights.rank() == 1 && weights.dim(0) == m) && !perLevel) {
        throw KernelException.of("%s: weights must be [%d] or [%d, %d], got shape %s", fn, m, m, l,
            Tensor.shapeString(weights.shape()));
      }
      double[] wv = weights.raw();
      for (int j = 0; j < l; j++) {
        double s = 0;
        for (int k = 0; k < m; k++) {
          double v = perLevel ? wv[k * l + j] : wv[k];
          LearnArgs.nonNegative(v, fn, "every weight");
          w[k * l + j] = v;
          s += v;
        }
        if (!(s > 0)) {
          throw KernelException.of("%s: the weights of level %d sum to 0", fn, j);
        }
        for (int k = 0; k < m; k++) {
          w[k * l + j] /= s;
        }
      }
    }
    double[] out = new double[n * l];
    double[] col = new double[m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < l; j++) {
        if (method.equals("mean")) {
          double s = 0;
          for (int k = 0; k < m; k++) {
            s += w[k * l + j] * p[(k * n + i) * l + j];
          }
          out[i * l + j] = s;
        } else {
          for (int k = 0; k < m; k++) {
            col[k] = p[(k * n + i) * l + j];
          }
          Arrays.sort(col);
          out[i * l + j] = m % 2 == 1 ? col[m / 2] : 0.5 * (col[m / 2 - 1] + col[m / 2]);
        }
      }
      if (rearrange) {
        Arrays.sort(out, i * l, i * l + l);
      }
    }
    return Tensor.wrap(new int[] {n, l}, out);
  }
}
