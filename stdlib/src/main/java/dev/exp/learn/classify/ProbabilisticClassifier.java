package dev.exp.learn.classify;

import dev.exp.learn.FittedModel;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.Map;

/**
 * A classifier defined by joint log-likelihoods log p(x, class) [n, K]: predict is their argmax (the
 * first class on ties) and predict_proba their row-wise softmax. Naive Bayes, LDA and QDA.
 */
public abstract class ProbabilisticClassifier extends FittedModel {
  /** The sorted class values. */
  protected final double[] classes;
  /** Number of features. */
  protected final int d;

  protected ProbabilisticClassifier(String kind, double[] classes, int d, Map<String, Object> params,
      Map<String, Object> settings) {
    super(kind, Task.CLASSIFICATION, params, settings);
    this.classes = classes;
    this.d = d;
  }

  /** log p(x_i, class k) up to a constant per row, [n, K] row-major, for the checked rows x [n, d]. */
  protected abstract double[] jointLogLikelihood(double[] x, int n);

  private double[] jll(Tensor x) {
    double[] xs = LearnArgs.features(x, d, kind());
    return jointLogLikelihood(xs, x.dim(0));
  }

  @Override
  public Tensor predict(Tensor x) {
    return Labels.argmax(jll(x), x.dim(0), classes);
  }

  @Override
  public Tensor predictProba(Tensor x) {
    double[] z = jll(x);
    Labels.softmaxRows(z, x.dim(0), classes.length);
    return Tensor.wrap(new int[] {x.dim(0), classes.length}, z);
  }

  @Override
  protected String describe() {
    return count(d, "feature") + " → " + classes.length + " classes";
  }

  /** Per-class means [K, d] of x [n, d]. */
  static double[] classMeans(double[] x, int n, int d, Labels labels) {
    int k = labels.count();
    int[] counts = labels.counts();
    double[] m = new double[k * d];
    for (int i = 0; i < n; i++) {
      int c = labels.index()[i];
      for (int j = 0; j < d; j++) {
        m[c * d + j] += x[i * d + j];
      }
    }
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        m[c * d + j] /= counts[c];
      }
    }
    return m;
  }

  /** Class frequencies n_k / n. */
  static double[] priors(Labels labels) {
    int[] counts = labels.counts();
    double[] p = new double[counts.length];
    for (int c = 0; c < counts.length; c++) {
      p[c] = (double) counts[c] / labels.index().length;
    }
    return p;
  }
}
