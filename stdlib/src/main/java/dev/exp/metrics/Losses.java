package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/**
 * Losses and errors (namespace {@code metrics}): squared, root-squared and absolute error, accuracy and
 * 0-1 error, negative log-likelihood, cross-entropy and perplexity. Predicted probabilities have the
 * class (symbol) axis last; integer labels index it.
 */
public final class Losses {
  private Losses() {}

  private static void sameShape(Tensor pred, Tensor target, String fn) {
    if (!pred.sameShape(target)) {
      throw KernelException.of("%s: pred has shape %s but target has shape %s; they must match", fn,
          Tensor.shapeString(pred.shape()), Tensor.shapeString(target.shape()));
    }
    if (pred.size() == 0) {
      throw KernelException.of("%s: empty inputs (shape %s)", fn, Tensor.shapeString(pred.shape()));
    }
  }

  @Kernel(name = "metrics.mse", doc = "Mean squared error mean((pred − target)²) over all entries. "
      + "pred and target must have the same shape; nan propagates. Example: metrics.mse([1, 2], [1, 4]) is 2")
  public static double mse(@Arg("pred") Tensor pred, @Arg("target") Tensor target) {
    sameShape(pred, target, "metrics.mse");
    double s = 0;
    for (int i = 0; i < pred.size(); i++) {
      double e = pred.at(i) - target.at(i);
      s += e * e;
    }
    return s / pred.size();
  }

  @Kernel(name = "metrics.rmse", doc = "Root mean squared error sqrt(mean((pred − target)²)). "
      + "Same shapes as metrics.mse. Example: metrics.rmse([0, 0], [3, 4]) is sqrt(12.5)")
  public static double rmse(@Arg("pred") Tensor pred, @Arg("target") Tensor target) {
    sameShape(pred, target, "metrics.rmse");
    return Math.sqrt(mse(pred, target));
  }

  @Kernel(name = "metrics.mae", doc = "Mean absolute error mean(|pred − target|). Same shapes as metrics.mse. "
      + "Example: metrics.mae([1, 2], [2, 0]) is 1.5")
  public static double mae(@Arg("pred") Tensor pred, @Arg("target") Tensor target) {
    sameShape(pred, target, "metrics.mae");
    double s = 0;
    for (int i = 0; i < pred.size(); i++) {
      s += Math.abs(pred.at(i) - target.at(i));
    }
    return s / pred.size();
  }

  /** Predicted classes: pred itself (same shape as target) or argmax over its last axis (one more axis). */
  private static double[] predictedClasses(Tensor pred, Tensor target, String fn) {
    if (pred.sameShape(target)) {
      if (pred.size() == 0) {
        throw KernelException.of("%s: empty inputs (shape %s)", fn, Tensor.shapeString(pred.shape()));
      }
      return pred.raw();
    }
    if (pred.rank() == target.rank() + 1
        && Arrays.equals(Arrays.copyOf(pred.shape(), target.rank()), target.shape())) {
      int a = pred.dim(pred.rank() - 1);
      if (a == 0 || target.size() == 0) {
        throw KernelException.of("%s: empty inputs (pred shape %s)", fn, Tensor.shapeString(pred.shape()));
      }
      double[] out = new double[target.size()];
      for (int r = 0; r < out.length; r++) {
        int best = 0;
        double bv = pred.at(r * a);
        for (int j = 1; j < a; j++) {
          double v = pred.at(r * a + j);
          if (v > bv || Double.isNaN(bv) && !Double.isNaN(v)) {
            bv = v;
            best = j;
          }
        }
        out[r] = best;
      }
      return out;
    }
    throw KernelException.of("%s: pred has shape %s and target has shape %s; give predictions of the target's shape "
        + "or scores with one more (last) axis over the classes", fn, Tensor.shapeString(pred.shape()),
        Tensor.shapeString(target.shape()));
  }

  @Kernel(name = "metrics.accuracy", doc = "Fraction of correct predictions. "
      + "pred of the target's shape: the fraction of exactly equal entries (round or take sign(...) first for "
      + "real-valued outputs). pred with one more (last) axis: class scores or probabilities, the prediction is "
      + "their argmax (first maximum on ties), compared with integer labels in target. "
      + "Example: metrics.accuracy([[0.9, 0.1], [0.2, 0.8]], [0, 0]) is 0.5")
  public static double accuracy(@Arg("pred") Tensor pred, @Arg("target") Tensor target) {
    double[] c = predictedClasses(pred, target, "metrics.accuracy");
    int ok = 0;
    for (int i = 0; i < c.length; i++) {
      ok += c[i] == target.at(i) ? 1 : 0;
    }
    return (double) ok / c.length;
  }

  @Kernel(name = "metrics.error_rate", doc = "0-1 error: 1 − metrics.accuracy(pred, target), with the same "
      + "conventions. Example: metrics.error_rate([1, -1, 1], [1, 1, 1]) is 1/3")
  public static double errorRate(@Arg("pred") Tensor pred, @Arg("target") Tensor target) {
    double[] c = predictedClasses(pred, target, "metrics.error_rate");
    int bad = 0;
    for (int i = 0; i < c.length; i++) {
      bad += c[i] == target.at(i) ? 0 : 1;
    }
    return (double) bad / c.length;
  }

  /** Per-position -ln q[label] with checks; labels have shape q.shape without the last axis. */
  static double[] nllNats(Tensor labels, Tensor q, String fn) {
    int a = Probabilities.width(q, fn, "q");
    if (labels.rank() != q.rank() - 1 || !Arrays.equals(Arrays.copyOf(q.shape(), labels.rank()), labels.shape())) {
      throw KernelException.of("%s: labels have shape %s but q has shape %s; q must be labels.shape + [A] "
          + "(one predicted distribution per label)", fn, Tensor.shapeString(labels.shape()),
          Tensor.shapeString(q.shape()));
    }
    Probabilities.requireDistributions(q, fn, "q");
    int[] y = Probabilities.labels(labels, a, fn, "labels");
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = -Math.log(q.at(i * a + y[i]));
    }
    return out;
  }

  @Kernel(name = "metrics.nll", doc = "Negative log-likelihood −log q[label] at every position. "
      + "labels: integer symbols, shape [...]; q: predicted distributions, shape [..., A] (rows sum to 1). "
      + "Returns shape [...] (a number for one label); q = 0 at the label gives +inf. base: none = nats, 2 = bits. "
      + "Example: metrics.nll([0, 1], [[0.5, 0.5], [0.75, 0.25]], base: 2) is [1, 2]")
  public static Object nll(@Arg("labels") Tensor labels, @Arg("q") Tensor q,
      @Arg(value = "base", dflt = "none") Double base) {
    double ln = Probabilities.lnBase(base, "metrics.nll");
    double[] v = nllNats(labels, q, "metrics.nll");
    for (int i = 0; i < v.length; i++) {
      v[i] /= ln;
    }
    return labels.rank() == 0 ? (Object) v[0] : Tensor.wrap(labels.shape(), v);
  }

  /** Cross-entropy in nats: mean NLL for labels (length-1 array) or per-row H(p, q) for distributions. */
  static double[] crossEntropyNats(Tensor target, Tensor q, String fn) {
    if (target.sameShape(q) && q.rank() >= 1) {
      Probabilities.requireDistributions(target, fn, "p");
      Probabilities.requireDistributions(q, fn, "q");
      int a = q.dim(q.rank() - 1);
      double[] h = new double[q.size() / a];
      for (int r = 0; r < h.length; r++) {
        // H(p, q) = -Σ p ln q over the terms with p > 0; q = 0 there gives +inf
        double s = 0;
        for (int j = 0; j < a; j++) {
          double pv = target.at(r * a + j);
          if (pv > 0) {
            double qv = q.at(r * a + j);
            s += qv > 0 ? -pv * Math.log(qv) : Double.POSITIVE_INFINITY;
          }
        }
        h[r] = s;
      }
      return h;
    }
    double[] v = nllNats(target, q, fn);
    if (v.length == 0) {
      throw KernelException.of("%s: no labels (shape %s)", fn, Tensor.shapeString(target.shape()));
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return new double[] {s / v.length};
  }

  private static Object crossEntropyResult(double[] v, Tensor target, Tensor q) {
    if (target.sameShape(q) && q.rank() >= 1) {
      return Probabilities.perRow(v, q.shape());
    }
    return v[0];
  }

  @Kernel(name = "metrics.cross_entropy", doc = "Cross-entropy of predicted distributions q. "
      + "With integer labels (shape [...]) and q of shape [..., A]: the mean negative log-likelihood "
      + "mean(−log q[label]), a number (the usual loss; base 2 gives bits per symbol/character). "
      + "With distributions p of the same shape as q: H(p, q) = −Σ p log q over the last axis, a number for "
      + "vectors or one value per row (= entropy(p) + kl(p, q)). q = 0 where the label or p has mass gives +inf. "
      + "Rows must sum to 1 within 1e-9. base: none = nats, 2 = bits. "
      + "Example: metrics.cross_entropy(seq, data.kgram_predict(seq, order: 1), base: 2)")
  public static Object crossEntropy(@Arg("target") Tensor target, @Arg("q") Tensor q,
      @Arg(value = "base", dflt = "none") Double base) {
    double ln = Probabilities.lnBase(base, "metrics.cross_entropy");
    double[] v = crossEntropyNats(target, q, "metrics.cross_entropy");
    for (int i = 0; i < v.length; i++) {
      v[i] /= ln;
    }
    return crossEntropyResult(v, target, q);
  }

  @Kernel(name = "metrics.perplexity", doc = "Perplexity exp(cross-entropy in nats), with the conventions of "
      + "metrics.cross_entropy: integer labels give one number exp(mean NLL); distributions p of q's shape give "
      + "exp(H(p, q)) per row. A uniform prediction over A symbols has perplexity A; exp(metrics.entropy(p)) "
      + "is the perplexity of p itself. Example: metrics.perplexity([0, 1, 1], full([3, 4], 0.25)) is 4")
  public static Object perplexity(@Arg("target") Tensor target, @Arg("q") Tensor q) {
    double[] v = crossEntropyNats(target, q, "metrics.perplexity");
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.exp(v[i]);
    }
    return crossEntropyResult(v, target, q);
  }
}
