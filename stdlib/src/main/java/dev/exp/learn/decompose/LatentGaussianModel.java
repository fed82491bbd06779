package dev.exp.learn.decompose;

import dev.exp.kernel.KernelException;
import dev.exp.learn.Model;
import dev.exp.learn.cluster.Inputs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted linear-Gaussian latent model x = Wᵀz + mean + ε, z ~ N(0, I), ε ~ N(0, Ψ): probabilistic PCA
 * (Ψ = σ²I) or factor analysis (Ψ diagonal). W is stored as q×d rows (components). transform gives the
 * posterior mean E[z | x] = (I + WΨ⁻¹Wᵀ)⁻¹ WΨ⁻¹ (x − mean), inverse_transform E[x | z] = zW + mean, score
 * the mean log-likelihood under N(mean, WᵀW + Ψ).
 */
public final class LatentGaussianModel implements Model, Invertible {
  private final String kind;
  private final double[] w;
  private final int q;
  private final int d;
  private final double[] mean;
  private final double[] psi;
  private final Map<String, Object> settings;

  LatentGaussianModel(String kind, double[] w, int q, int d, double[] mean, double[] psi, Map<String, Object> settings) {
    this.kind = kind;
    this.w = w;
    this.q = q;
    this.d = d;
    this.mean = mean;
    this.psi = psi;
    this.settings = settings;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("components", Tensor.wrap(new int[] {q, d}, w.clone()));
    p.put("mean", Tensor.vector(mean.clone()));
    if (kind.equals("ppca")) {
      p.put("noise_variance", psi[0]);
    } else {
      p.put("noise_variance", Tensor.vector(psi.clone()));
    }
    return p;
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public Task task() {
    return Task.TRANSFORM;
  }

  @Override
  public Tensor predict(Tensor x) {
    throw new KernelException("a " + kind + " model does not predict; use transform(model, x) for the latent means");
  }

  /** The model covariance WᵀW + Ψ. */
  double[] covariance() {
    return Linear.lowRankPlusDiag(w, null, q, d, psi);
  }

  @Override
  public Tensor transform(Tensor x) {
    // A = I + W Ψ⁻¹ Wᵀ (q×q); z = A⁻¹ W Ψ⁻¹ (x − mean)
    double[] wp = new double[q * d];
    for (int a = 0; a < q; a++) {
      for (int j = 0; j < d; j++) {
        wp[a * d + j] = w[a * d + j] / psi[j];
      }
    }
    double[] am = new double[q * q];
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < q; b++) {
        double s = a == b ? 1 : 0;
        for (int j = 0; j < d; j++) {
          s += wp[a * d + j] * w[b * d + j];
        }
        am[a * q + b] = s;
      }
    }
    double[] l = Gaussian.choleskyOrThrow(am, q, "I + W Ψ⁻¹ Wᵀ");
    Tensor t = Linear.project(x, mean, wp, q, d, kind);
    double[] z = t.raw();
    int n = z.length / q;
    for (int i = 0; i < n; i++) {
      solveInPlace(l, q, z, i * q);
    }
    return t;
  }

  /** Solves (L Lᵀ) y = b for the q values of b at offset o. */
  private static void solveInPlace(double[] l, int q, double[] b, int o) {
    for (int i = 0; i < q; i++) {
      double s = b[o + i];
      for (int t = 0; t < i; t++) {
        s -= l[i * q + t] * b[o + t];
      }
      b[o + i] = s / l[i * q + i];
    }
    for (int i = q - 1; i >= 0; i--) {
      double s = b[o + i];
      for (int t = i + 1; t < q; t++) {
        s -= l[t * q + i] * b[o + t];
      }
      b[o + i] = s / l[i * q + i];
    }
  }

  @Override
  public Tensor inverseTransform(Tensor z) {
    return Linear.reconstruct(z, mean, w, q, d, kind);
  }

  /** Mean log-likelihood of the rows of x (y ignored). */
  @Override
  public double score(Tensor x, Tensor y) {
    double[] v = Inputs.features(x, d, kind);
    return Gaussian.meanLogLikelihood(v, Inputs.rows(x), d, mean, covariance(), "the " + kind + " covariance");
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<%s model: %d components of %d features>", kind, q, d);
  }
}
