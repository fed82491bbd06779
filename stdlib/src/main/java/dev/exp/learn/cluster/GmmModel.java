package dev.exp.learn.cluster;

import dev.exp.learn.Model;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted Gaussian mixture: weights, means and covariances. predict gives the most responsible
 * component, predict_proba and transform the responsibilities, score the mean log-likelihood.
 */
public final class GmmModel implements Model {
  private final Mixture mix;
  private final Map<String, Object> settings;

  GmmModel(Mixture mix, Map<String, Object> settings) {
    this.mix = mix;
    this.settings = settings;
  }

  @Override
  public String kind() {
    return "gmm";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("weights", Tensor.vector(mix.weights.clone()));
    p.put("means", Tensor.wrap(new int[] {mix.k, mix.d}, mix.means.clone()));
    p.put("covariances", mix.full ? Tensor.wrap(new int[] {mix.k, mix.d, mix.d}, mix.covs.clone())
        : Tensor.wrap(new int[] {mix.k, mix.d}, mix.covs.clone()));
    return p;
  }

  @Override
  public Map<String, Object> settings() {
    return settings;
  }

  @Override
  public Task task() {
    return Task.CLUSTERING;
  }

  private double[] logResp(Tensor x, double[] meanLl) {
    double[] v = Inputs.features(x, mix.d, kind());
    int n = Inputs.rows(x);
    double[] w = mix.weightedLogProb(v, n);
    meanLl[0] = Mixture.normalize(w, n, mix.k);
    return w;
  }

  @Override
  public Tensor predict(Tensor x) {
    double[] lr = logResp(x, new double[1]);
    int n = lr.length / mix.k;
    double[] lab = new double[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int j = 1; j < mix.k; j++) {
        best = lr[i * mix.k + j] > lr[i * mix.k + best] ? j : best;
      }
      lab[i] = best;
    }
    return Tensor.wrap(new int[] {n}, lab);
  }

  @Override
  public Tensor predictProba(Tensor x) {
    double[] lr = logResp(x, new double[1]);
    for (int i = 0; i < lr.length; i++) {
      lr[i] = Math.exp(lr[i]);
    }
    return Tensor.wrap(new int[] {lr.length / mix.k, mix.k}, lr);
  }

  @Override
  public Tensor transform(Tensor x) {
    return predictProba(x);
  }

  /** Mean log-likelihood of the rows of x (y ignored). */
  @Override
  public double score(Tensor x, Tensor y) {
    double[] ll = new double[1];
    logResp(x, ll);
    return ll[0];
  }

  @Override
  public String summary() {
    return String.format(Locale.ROOT, "<gmm model: %d components, %d features, %s covariances, log-likelihood %.6g>",
        mix.k, mix.d, mix.full ? "full" : "diag", (Double) settings.get("lower_bound"));
  }
}
