package dev.exp.learn.decompose;

import dev.exp.kernel.KernelException;
import dev.exp.learn.Model;
import dev.exp.learn.cluster.Inputs;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted PCA: components (rows, unit length), explained variances and the mean. transform gives the
 * scores (x − mean) componentsᵀ, divided by √explained_variance when whitened; score the average
 * log-likelihood under the probabilistic PCA model (as scikit-learn's PCA.score).
 */
public final class PcaModel implements Model, Invertible {
  private final Tensor components;
  private final Tensor explainedVariance;
  private final Tensor mean;
  private final Map<String, Object> settings;
  private final boolean whiten;
  private final double noise;

  PcaModel(Tensor components, Tensor explainedVariance, Tensor mean, Map<String, Object> settings) {
    this.components = components;
    this.explainedVariance = explainedVariance;
    this.mean = mean;
    this.settings = settings;
    this.whiten = (Boolean) settings.get("whiten");
    this.noise = (Double) settings.get("noise_variance");
  }

  @Override
  public String kind() {
    return "pca";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("components", components);
    p.put("explained_variance", explainedVariance);
    p.put("mean", mean);
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

  private int q() {
    return components.dim(0);
  }

  private int d() {
    return components.dim(1);
  }

  @Override
  public Tensor predict(Tensor x) {
    throw new KernelException("a pca model does not predict; use transform(model, x) for the scores");
  }

  @Override
  public Tensor transform(Tensor x) {
    Tensor z = Linear.project(x, mean.raw(), components.raw(), q(), d(), kind());
    if (!whiten) {
      return z;
    }
    double[] v = z.raw();
    double[] ev = explainedVariance.raw();
    for (int i = 0; i < v.length; i++) {
      v[i] /= Math.sqrt(ev[i % q()]);
    }
    return z;
  }

  @Override
  public Tensor inverseTransform(Tensor z) {
    double[] w = components.raw();
    if (whiten) {
      w = w.clone();
      double[] ev = explainedVariance.raw();
      for (int i = 0; i < w.length; i++) {
        w[i] *= Math.sqrt(ev[i / d()]);
      }
    }
    return Linear.reconstruct(z, mean.raw(), w, q(), d(), kind());
  }

  /** The model covariance componentsᵀ diag(max(ev − σ², 0)) components + σ² I. */
  double[] covariance() {
    double[] ev = explainedVariance.raw();
    double[] diff = new double[q()];
    for (int i = 0; i < q(); i++) {
      diff[i] = Math.max(ev[i] - noise, 0);
    }
    double[] nz = new double[d()];
    Arrays.fill(nz, noise);
    return Linear.lowRankPlusDiag(components.raw(), diff, q(), d(), nz);
  }

  /** Average log-likelihood of the rows of x under N(mean, covariance); y is ignored. */
  @Override
  public double score(Tensor x, Tensor y) {
    double[] v = Inputs.features(x, d(), kind());
    return Gaussian.meanLogLikelihood(v, Inputs.rows(x), d(), mean.raw(), covariance(),
        "the pca model's covariance (noise_variance " + noise + ")");
  }

  @Override
  public String summary() {
    double[] r = ((Tensor) settings.get("explained_variance_ratio")).raw();
    double s = 0;
    for (double e : r) {
      s += e;
    }
    return String.format(Locale.ROOT, "<pca model: %d components of %d features, %.4g of the variance%s>", q(), d(),
        s, whiten ? ", whitened" : "");
  }
}
