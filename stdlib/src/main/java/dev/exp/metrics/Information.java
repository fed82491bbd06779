package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;

/**
 * Information measures between probability distributions (namespace {@code metrics}): entropy, KL,
 * Jensen–Shannon, total variation, χ². The last axis is the distribution axis: a vector gives a number,
 * a tensor of shape [..., A] gives one value per row (shape [...]). Rows must be finite, non-negative
 * and sum to 1 within 1e-9. Logarithms are natural (nats) unless a base is given.
 */
public final class Information {
  private Information() {}

  private static void sameShape(Tensor p, Tensor q, String fn) {
    if (!p.sameShape(q)) {
      throw KernelException.of("%s: p has shape %s but q has shape %s; they must match (the last axis is the "
          + "distribution axis)", fn, Tensor.shapeString(p.shape()), Tensor.shapeString(q.shape()));
    }
  }

  /** Row entropies -Σ p ln p (0 ln 0 = 0) in nats, without validation. */
  public static double[] entropyNats(Tensor p) {
    int a = p.dim(p.rank() - 1);
    double[] d = p.raw();
    double[] out = new double[d.length / a];
    for (int r = 0; r < out.length; r++) {
      double h = 0;
      for (int j = 0; j < a; j++) {
        double v = d[r * a + j];
        if (v > 0) {
          h -= v * Math.log(v);
        }
      }
      out[r] = h;
    }
    return out;
  }

  /** Row KL divergences Σ p ln(p/q) in nats (+inf where q = 0 &lt; p), without validation. */
  public static double[] klNats(Tensor p, Tensor q) {
    double[] out = rowSums(p, q, (pv, qv) -> pv > 0 ? (qv > 0 ? pv * Math.log(pv / qv) : Double.POSITIVE_INFINITY) : 0);
    for (int r = 0; r < out.length; r++) {
      out[r] = Math.max(0, out[r]);
    }
    return out;
  }

  /** Per row of p and q (same shape, rows along the last axis): Σ_j term(p_j, q_j), summed in order. */
  private static double[] rowSums(Tensor p, Tensor q, java.util.function.DoubleBinaryOperator term) {
    int a = p.dim(p.rank() - 1);
    double[] pd = p.raw();
    double[] qd = q.raw();
    double[] out = new double[pd.length / a];
    for (int r = 0; r < out.length; r++) {
      double s = 0;
      for (int j = 0; j < a; j++) {
        s += term.applyAsDouble(pd[r * a + j], qd[r * a + j]);
      }
      out[r] = s;
    }
    return out;
  }

  private static Object scaled(double[] v, double lnBase, int[] shape) {
    for (int i = 0; i < v.length; i++) {
      v[i] /= lnBase;
    }
    return Probabilities.perRow(v, shape);
  }

  @Kernel(name = "metrics.entropy", doc = "Shannon entropy H(p) = -Σ p log p over the last axis (0·log 0 = 0). "
      + "p: a distribution [A] (gives a number) or rows [..., A] (gives shape [...]), e.g. the row entropy of "
      + "attention weights. Rows must be non-negative and sum to 1 within 1e-9. base: none = natural log (nats), "
      + "2 = bits. Example: metrics.entropy([0.25, 0.25, 0.25, 0.25], base: 2) is 2")
  public static Object entropy(@Arg("p") Tensor p, @Arg(value = "base", dflt = "none") Double base) {
    double ln = Probabilities.lnBase(base, "metrics.entropy");
    Probabilities.requireDistributions(p, "metrics.entropy", "p");
    return scaled(entropyNats(p), ln, p.shape());
  }

  @Kernel(name = "metrics.kl", doc = "Kullback–Leibler divergence KL(p ‖ q) = Σ p log(p/q) over the last axis. "
      + "p, q: distributions of the same shape [A] (gives a number) or [..., A] (one value per row, shape [...]). "
      + "Terms with p = 0 are 0; q = 0 where p > 0 gives +inf. Rounding below 0 is clamped to 0. For the reverse "
      + "KL swap the arguments. base: none = nats, 2 = bits. "
      + "Example: metrics.kl([0.5, 0.5], [0.9, 0.1], base: 2)")
  public static Object kl(@Arg("p") Tensor p, @Arg("q") Tensor q, @Arg(value = "base", dflt = "none") Double base) {
    double ln = Probabilities.lnBase(base, "metrics.kl");
    sameShape(p, q, "metrics.kl");
    Probabilities.requireDistributions(p, "metrics.kl", "p");
    Probabilities.requireDistributions(q, "metrics.kl", "q");
    return scaled(klNats(p, q), ln, p.shape());
  }

  @Kernel(name = "metrics.js", doc = "Jensen–Shannon divergence ½KL(p ‖ m) + ½KL(q ‖ m) with m = (p + q)/2, "
      + "over the last axis. Symmetric, finite, at most log 2 (1 bit). Shapes and base as metrics.kl. "
      + "Example: metrics.js([1, 0], [0, 1], base: 2) is 1")
  public static Object js(@Arg("p") Tensor p, @Arg("q") Tensor q, @Arg(value = "base", dflt = "none") Double base) {
    double ln = Probabilities.lnBase(base, "metrics.js");
    sameShape(p, q, "metrics.js");
    Probabilities.requireDistributions(p, "metrics.js", "p");
    Probabilities.requireDistributions(q, "metrics.js", "q");
    double[] m = new double[p.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = 0.5 * (p.at(i) + q.at(i));
    }
    Tensor mt = Tensor.wrap(p.shape(), m);
    double[] a = klNats(p, mt);
    double[] b = klNats(q, mt);
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.5 * (a[i] + b[i]);
    }
    return scaled(a, ln, p.shape());
  }

  @Kernel(name = "metrics.tv", doc = "Total variation distance ½ Σ |p − q| over the last axis, in [0, 1]. "
      + "Shapes as metrics.kl. Example: metrics.tv([0.5, 0.5], [0.8, 0.2]) is 0.3")
  public static Object tv(@Arg("p") Tensor p, @Arg("q") Tensor q) {
    sameShape(p, q, "metrics.tv");
    Probabilities.requireDistributions(p, "metrics.tv", "p");
    Probabilities.requireDistributions(q, "metrics.tv", "q");
    double[] out = rowSums(p, q, (pv, qv) -> Math.abs(pv - qv));
    for (int r = 0; r < out.length; r++) {
      out[r] *= 0.5;
    }
    return Probabilities.perRow(out, p.shape());
  }

  @Kernel(name = "metrics.chi2", doc = "Pearson χ² divergence Σ (p − q)²/q over the last axis. "
      + "Terms with p = q = 0 are 0; q = 0 < p gives +inf. Shapes as metrics.kl. "
      + "Example: metrics.chi2([0.5, 0.5], [0.25, 0.75])")
  public static Object chi2(@Arg("p") Tensor p, @Arg("q") Tensor q) {
    sameShape(p, q, "metrics.chi2");
    Probabilities.requireDistributions(p, "metrics.chi2", "p");
    Probabilities.requireDistributions(q, "metrics.chi2", "q");
    double[] out = rowSums(p, q, (pv, qv) -> qv > 0 ? (pv - qv) * (pv - qv) / qv : pv > 0 ? Double.POSITIVE_INFINITY : 0);
    return Probabilities.perRow(out, p.shape());
  }
}
