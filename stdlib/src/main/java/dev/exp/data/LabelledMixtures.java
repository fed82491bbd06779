package dev.exp.data;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.special.Erf;

/** Labelled classification data with a known Bayes error: Gaussian mixtures (D04) and noisy halfspaces. */
public final class LabelledMixtures {
  private LabelledMixtures() {}

  /** Φ(z), the standard normal distribution function. */
  static double phi(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  @Kernel(name = "data.gaussian_mixture", doc = "Samples n labelled points from a Gaussian mixture: class y ~ weights "
      + "(default uniform) over the K rows of means [K, d], then x ~ N(means[y], cov) with cov none (identity), a "
      + "shared [d, d] covariance or one per class [K, d, d]. Returns {x [n, d], y [n] (labels 0..K−1), bayes_error, "
      + "mahalanobis}: for two classes with a shared covariance the Bayes error is the closed form "
      + "π₁Φ(−Δ/2 − log(π₁/π₀)/Δ) + π₀Φ(−Δ/2 + log(π₁/π₀)/Δ) with Δ the Mahalanobis distance between the means "
      + "(Φ(−Δ/2) for equal weights); otherwise both are nan. Draw order per point: label, then the d normals. "
      + "Example: let g = data.gaussian_mixture(1000, [[1.5, 0], [-1.5, 0]], seed: 1); g.bayes_error")
  public static Map<String, Object> gaussianMixture(@Arg("n") int n, @Arg("means") Tensor means,
      @Arg(value = "cov", dflt = "none") Tensor cov, @Arg(value = "weights", dflt = "none") Tensor weights,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.gaussian_mixture";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 0) {
      throw KernelException.of("%s: n must be >= 0, got %d", fn, n);
    }
    if (means.rank() != 2 || means.dim(0) < 1 || means.dim(1) < 1) {
      throw KernelException.of("%s: means must be a matrix [classes, dimensions], got shape %s", fn,
          Tensor.shapeString(means.shape()));
    }
    int k = means.dim(0);
    int d = means.dim(1);
    double[] mu = means.raw();
    double[] pi = new double[k];
    if (weights == null) {
      java.util.Arrays.fill(pi, 1.0 / k);
    } else {
      if (weights.rank() != 1 || weights.dim(0) != k) {
        throw KernelException.of("%s: weights must be a vector of %d class probabilities, got shape %s", fn, k,
            Tensor.shapeString(weights.shape()));
      }
      double s = 0;
      for (int c = 0; c < k; c++) {
        pi[c] = weights.raw()[c];
        LearnArgs.nonNegative(pi[c], fn, "every weight");
        s += pi[c];
      }
      if (!(s > 0)) {
        throw KernelException.of("%s: the weights sum to 0", fn);
      }
      for (int c = 0; c < k; c++) {
        pi[c] /= s;
      }
    }
    double[][] chol = new double[k][];
    boolean shared = true;
    if (cov == null) {
      double[] id = new double[d * d];
      Dense.addDiagonal(id, d, 1);
      java.util.Arrays.fill(chol, id);
    } else if (cov.rank() == 2 && cov.dim(0) == d && cov.dim(1) == d) {
      double[] l = Dense.choleskyOrFail(cov.raw(), d, fn, "cov");
      java.util.Arrays.fill(chol, l);
    } else if (cov.rank() == 3 && cov.dim(0) == k && cov.dim(1) == d && cov.dim(2) == d) {
      shared = false;
      for (int c = 0; c < k; c++) {
        chol[c] = Dense.choleskyOrFail(java.util.Arrays.copyOfRange(cov.raw(), c * d * d, (c + 1) * d * d), d, fn,
            "cov[" + c + "]");
      }
    } else {
      throw KernelException.of("%s: cov must be none, [%d, %d] (shared) or [%d, %d, %d] (per class), got shape %s", fn,
          d, d, k, d, d, Tensor.shapeString(cov.shape()));
    }
    double[] x = new double[n * d];
    double[] y = new double[n];
    double[] z = new double[d];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      int c = 0;
      double acc = pi[0];
      while (c < k - 1 && u >= acc) {
        c++;
        acc += pi[c];
      }
      y[i] = c;
      for (int j = 0; j < d; j++) {
        z[j] = rng.nextGaussian();
      }
      double[] l = chol[c];
      for (int j = 0; j < d; j++) {
        double v = mu[c * d + j];
        for (int m = 0; m <= j; m++) {
          v += l[j * d + m] * z[m];
        }
        x[i * d + j] = v;
      }
    }
    double bayes = Double.NaN;
    double delta = Double.NaN;
    if (k == 2 && shared) {
      double[] diff = new double[d];
      for (int j = 0; j < d; j++) {
        diff[j] = mu[d + j] - mu[j];
      }
      // Δ² = diffᵀ Σ⁻¹ diff = ‖L⁻¹ diff‖²
      double[] l = chol[0];
      double s = 0;
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        double t = diff[j];
        for (int m = 0; m < j; m++) {
          t -= l[j * d + m] * v[m];
        }
        v[j] = t / l[j * d + j];
        s += v[j] * v[j];
      }
      delta = Math.sqrt(s);
      bayes = bayesError(delta, pi[0], pi[1]);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {n, d}, x));
    out.put("y", Tensor.wrap(new int[] {n}, y));
    out.put("bayes_error", bayes);
    out.put("mahalanobis", delta);
    return out;
  }

  /** The Bayes error of two Gaussians with a shared covariance at Mahalanobis distance Δ and priors π₀, π₁. */
  static double bayesError(double delta, double p0, double p1) {
    if (p0 == 0 || p1 == 0) {
      return 0;
    }
    if (delta == 0) {
      return Math.min(p0, p1);
    }
    double t = Math.log(p1 / p0) / delta;
    return p1 * phi(-delta / 2 - t) + p0 * phi(-delta / 2 + t);
  }

  @Kernel(name = "data.halfspace", doc = "Samples a noisy halfspace: a unit normal w uniform on the sphere in R^d, "
      + "x ~ N(0, I) conditioned on |wᵀx| ≥ margin (rejection; default margin 0), y = 1 if wᵀx > 0 else 0, each label "
      + "flipped independently with probability noise (random classification noise, default 0, < 0.5). The Bayes "
      + "classifier is the halfspace itself, so bayes_error = noise. Returns {x [n, d], y [n], w [d], bayes_error}. "
      + "Example: let h = data.halfspace(500, 10, margin: 0.1, noise: 0.05, seed: 3)")
  public static Map<String, Object> halfspace(@Arg("n") int n, @Arg("d") int d,
      @Arg(value = "margin", dflt = "0") double margin, @Arg(value = "noise", dflt = "0") double noise,
      @Arg(value = "seed", dflt = "none") Rng rng) {
    String fn = "data.halfspace";
    if (rng == null) {
      throw KernelException.of("%s: no random generator given (pass seed: ...)", fn);
    }
    if (n < 0 || d < 1) {
      throw KernelException.of("%s: needs n >= 0 and d >= 1, got n = %d, d = %d", fn, n, d);
    }
    if (!(margin >= 0 && margin <= 3)) {
      throw KernelException.of("%s: margin must be in [0, 3] (rejection sampling of |wᵀx| ≥ margin), got %s", fn,
          LearnArgs.fmt(margin));
    }
    if (!(noise >= 0 && noise < 0.5)) {
      throw KernelException.of("%s: noise (the flip probability) must be in [0, 0.5), got %s", fn, LearnArgs.fmt(noise));
    }
    double[] w = new double[d];
    double s = 0;
    for (int j = 0; j < d; j++) {
      w[j] = rng.nextGaussian();
      s += w[j] * w[j];
    }
    s = Math.sqrt(s);
    for (int j = 0; j < d; j++) {
      w[j] /= s;
    }
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double proj;
      do {
        proj = 0;
        for (int j = 0; j < d; j++) {
          x[i * d + j] = rng.nextGaussian();
          proj += w[j] * x[i * d + j];
        }
      } while (Math.abs(proj) < margin);
      double label = proj > 0 ? 1 : 0;
      if (noise > 0 && rng.nextDouble() < noise) {
        label = 1 - label;
      }
      y[i] = label;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {n, d}, x));
    out.put("y", Tensor.wrap(new int[] {n}, y));
    out.put("w", Tensor.vector(w));
    out.put("bayes_error", noise);
    return out;
  }
}
