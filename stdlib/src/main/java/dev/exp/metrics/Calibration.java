package dev.exp.metrics;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Proper scores and calibration of predicted probabilities: log loss, Brier score, ECE with reliability data. */
public final class Calibration {
  private Calibration() {}

  /** Smallest probability log_loss uses (float64 machine epsilon, as scikit-learn's eps="auto"). */
  static final double EPS = Math.ulp(1.0);

  /** Probabilities as n rows of k columns (a vector of P(y = 1) becomes k = 2), with labels 0..k−1 checked. */
  record Probs(double[] p, int n, int k, int[] y) {}

  static Probs probs(Tensor yTrue, Tensor yProb, String fn) {
    double[] y = BinaryInputs.vector(yTrue, fn, "y_true");
    double[] v = BinaryInputs.vector(yProb, fn, "y_prob");
    int n = y.length;
    int k;
    double[] p;
    if (yProb.rank() <= 1) {
      BinaryInputs.sameLength(y, v, fn, "y_true", "y_prob");
      k = 2;
      p = new double[2 * n];
      for (int i = 0; i < n; i++) {
        if (!(v[i] >= -1e-12 && v[i] <= 1 + 1e-12)) {   // checked here: the [1 − p, p] rows would name 1 − p
          throw KernelException.of("%s: y_prob must hold probabilities in [0, 1], found %s at index %d", fn,
              dev.exp.tensor.TensorArgs.fmt(v[i]), i);
        }
        p[2 * i] = 1 - v[i];
        p[2 * i + 1] = v[i];
      }
    } else if (yProb.rank() == 2 && yProb.dim(0) == n) {
      k = yProb.dim(1);
      p = v;
    } else {
      throw KernelException.of("%s: y_prob must be a vector of P(y = 1) or an n×k matrix of class probabilities for "
          + "the %d labels, got shape %s", fn, n, Tensor.shapeString(yProb.shape()));
    }
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= -1e-12 && p[i] <= 1 + 1e-12)) {
        throw KernelException.of("%s: y_prob must hold probabilities in [0, 1], found %s at row %d, column %d", fn,
            dev.exp.tensor.TensorArgs.fmt(p[i]), i / k, i % k);
      }
    }
    int[] lab = new int[n];
    for (int i = 0; i < n; i++) {
      if (y[i] != Math.rint(y[i]) || y[i] < 0 || y[i] >= k) {
        throw KernelException.of("%s: y_true must hold class indices 0..%d, found %s at index %d", fn, k - 1,
            dev.exp.tensor.TensorArgs.fmt(y[i]), i);
      }
      lab[i] = (int) y[i];
    }
    return new Probs(p, n, k, lab);
  }

  @Kernel(name = "metrics.log_loss", doc = "Mean negative log-likelihood of the true labels (nats). y_prob is a "
      + "vector of P(y = 1) for binary y_true (0/1), or an n×k matrix of class probabilities for labels 0..k−1. "
      + "Probabilities are clipped to [ε, 1 − ε] with ε the float64 machine epsilon and each row renormalised "
      + "(scikit-learn's eps=\"auto\"). Example: metrics.log_loss([1, 0], [0.8, 0.3]) is 0.2899")
  public static double logLoss(@Arg("y_true") Tensor yTrue, @Arg("y_prob") Tensor yProb) {
    Probs pr = probs(yTrue, yProb, "metrics.log_loss");
    double s = 0;
    for (int i = 0; i < pr.n; i++) {
      double row = 0;
      for (int j = 0; j < pr.k; j++) {
        row += clip(pr.p[i * pr.k + j]);
      }
      s -= Math.log(clip(pr.p[i * pr.k + pr.y[i]]) / row);
    }
    return s / pr.n;
  }

  private static double clip(double v) {
    return Math.min(1 - EPS, Math.max(EPS, v));
  }

  @Kernel(name = "metrics.brier", doc = "Brier score: the mean squared distance between predicted probabilities "
      + "and the one-hot outcome. Binary (y_prob a vector of P(y = 1)): mean (p − y)², in [0, 1] (scikit-learn's "
      + "brier_score_loss). Multi-class (an n×k matrix): mean over samples of Σ_k (p_k − 1[y = k])², in [0, 2]. "
      + "Example: metrics.brier([1, 0], [0.8, 0.3]) is 0.065")
  public static double brier(@Arg("y_true") Tensor yTrue, @Arg("y_prob") Tensor yProb) {
    Probs pr = probs(yTrue, yProb, "metrics.brier");
    double s = 0;
    for (int i = 0; i < pr.n; i++) {
      for (int j = 0; j < pr.k; j++) {
        double e = pr.p[i * pr.k + j] - (pr.y[i] == j ? 1 : 0);
        s += e * e;
      }
    }
    return yProb.rank() <= 1 ? s / (2 * pr.n) : s / pr.n;
  }

  @Kernel(name = "metrics.ece", doc = "Expected calibration error with reliability-diagram data. Binary (y_prob a "
      + "vector of P(y = 1)): the confidence is p and the outcome y (scikit-learn's calibration_curve). Multi-class "
      + "(an n×k matrix): the confidence is the top probability and the outcome whether its class is the label. "
      + "Confidences fall into `bins` bins (default 10): strategy \"uniform\" (equal width on [0, 1]) or "
      + "\"quantile\" (equal mass; edges at the confidence quantiles); a value on an inner edge belongs to the lower "
      + "bin. ECE = Σ_b (n_b/n)·|accuracy_b − confidence_b|, MCE = max_b over non-empty bins. Returns {ece, mce, edges, "
      + "confidence, accuracy, count}: per bin the mean confidence, the mean outcome and the count (nan for empty "
      + "bins). Example: metrics.ece([1, 0, 1, 1], [0.9, 0.2, 0.6, 0.8], bins: 5)")
  public static Map<String, Object> ece(@Arg("y_true") Tensor yTrue, @Arg("y_prob") Tensor yProb,
      @Arg(value = "bins", dflt = "10") int bins, @Arg(value = "strategy", dflt = "\"uniform\"") String strategy) {
    String fn = "metrics.ece";
    if (bins < 1) {
      throw KernelException.of("%s: bins must be at least 1, got %d", fn, bins);
    }
    Probs pr = probs(yTrue, yProb, fn);
    boolean binary = yProb.rank() <= 1;
    double[] conf = new double[pr.n];
    double[] out = new double[pr.n];
    for (int i = 0; i < pr.n; i++) {
      if (binary) {
        conf[i] = pr.p[2 * i + 1];
        out[i] = pr.y[i];
      } else {
        int best = 0;
        for (int j = 1; j < pr.k; j++) {
          best = pr.p[i * pr.k + j] > pr.p[i * pr.k + best] ? j : best;
        }
        conf[i] = pr.p[i * pr.k + best];
        out[i] = best == pr.y[i] ? 1 : 0;
      }
    }
    double[] edges = new double[bins + 1];
    if (strategy.equals("uniform")) {
      for (int b = 0; b <= bins; b++) {
        edges[b] = (double) b / bins;
      }
    } else if (strategy.equals("quantile")) {
      double[] s = conf.clone();
      Arrays.sort(s);
      for (int b = 0; b <= bins; b++) {
        double pos = (s.length - 1) * (double) b / bins;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        edges[b] = s[lo] + (pos - lo) * (s[hi] - s[lo]);
      }
    } else {
      throw new KernelException(fn + ": strategy must be \"uniform\" or \"quantile\", got \"" + strategy + "\"");
    }
    double[] sc = new double[bins];
    double[] so = new double[bins];
    double[] cnt = new double[bins];
    for (int i = 0; i < pr.n; i++) {
      int b = 0;
      while (b < bins - 1 && conf[i] > edges[b + 1]) {
        b++;
      }
      sc[b] += conf[i];
      so[b] += out[i];
      cnt[b]++;
    }
    double e = 0;
    double m = 0;
    for (int b = 0; b < bins; b++) {
      if (cnt[b] == 0) {
        sc[b] = Double.NaN;
        so[b] = Double.NaN;
        continue;
      }
      sc[b] /= cnt[b];
      so[b] /= cnt[b];
      double gap = Math.abs(so[b] - sc[b]);
      e += cnt[b] / pr.n * gap;
      m = Math.max(m, gap);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("ece", e);
    r.put("mce", m);
    r.put("edges", Tensor.vector(edges));
    r.put("confidence", Tensor.vector(sc));
    r.put("accuracy", Tensor.vector(so));
    r.put("count", Tensor.vector(cnt));
    return r;
  }
}
