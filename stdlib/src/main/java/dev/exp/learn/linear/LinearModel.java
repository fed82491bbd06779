package dev.exp.learn.linear;

import dev.exp.learn.Dense;
import dev.exp.learn.FittedModel;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.Model;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted linear regressor: predict(x) = x · coef + intercept, with coef [d] and a number intercept
 * for one output, or coef [d, k] and intercept [k] for k outputs. The kinds ols, ridge, lasso,
 * elastic_net, group_lasso, bayes_linear and quantile_regression share it; their hyper-parameters and
 * diagnostics are in {@link #settings()}.
 */
public final class LinearModel extends FittedModel {
  private final int d;
  private final int k;
  private final boolean vector;
  private final double[] coef;
  private final double[] intercept;
  private final String detail;

  /**
   * A model with coef [d, k] (row-major) and intercept [k]; {@code vector} says y was a vector (then
   * coef is shown as [d] and the intercept as a number). {@code detail} ends the summary ("alpha 0.1").
   */
  public LinearModel(String kind, double[] coef, double[] intercept, int d, int k, boolean vector,
      Map<String, Object> extraParams, Map<String, Object> settings, String detail) {
    super(kind, Task.REGRESSION, params(coef, intercept, d, k, vector, extraParams), settings);
    this.d = d;
    this.k = k;
    this.vector = vector;
    this.coef = coef;
    this.intercept = intercept;
    this.detail = detail;
  }

  private static Map<String, Object> params(double[] coef, double[] b, int d, int k, boolean vector,
      Map<String, Object> extra) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("coef", vector ? Tensor.wrap(new int[] {d}, coef.clone()) : Tensor.wrap(new int[] {d, k}, coef.clone()));
    p.put("intercept", vector ? (Object) b[0] : Tensor.wrap(new int[] {k}, b.clone()));
    p.putAll(extra);
    return p;
  }

  /** Number of features. */
  public int features() {
    return d;
  }

  /** Coefficients [d, k] row-major (shared: do not modify). */
  public double[] coef() {
    return coef;
  }

  /** Intercepts [k] (shared: do not modify). */
  public double[] intercept() {
    return intercept;
  }

  @Override
  public Tensor predict(Tensor x) {
    double[] xs = LearnArgs.features(x, d, kind());
    int n = x.dim(0);
    double[] p = Dense.mul(xs, n, d, coef, k);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        p[i * k + c] += intercept[c];
      }
    }
    return vector ? Tensor.wrap(new int[] {n}, p) : Tensor.wrap(new int[] {n, k}, p);
  }

  @Override
  public Model withParams(Map<String, Object> params) {
    Tensor c = dev.exp.tensor.TensorArgs.toTensor(params.get("coef"), "coef");
    Object b = params.get("intercept");
    Tensor bt = dev.exp.tensor.TensorArgs.toTensor(b, "intercept");
    if (c.size() != d * k || bt.size() != k) {
      throw dev.exp.kernel.KernelException.of("a %s model needs coef of shape %s and intercept of %d values",
          kind(), vector ? "[" + d + "]" : "[" + d + ", " + k + "]", k);
    }
    Map<String, Object> extra = new LinkedHashMap<>(params());
    extra.remove("coef");
    extra.remove("intercept");
    return new LinearModel(kind(), c.toArray(), bt.toArray(), d, k, vector, extra, settings(), detail);
  }

  @Override
  protected String describe() {
    return count(d, "feature") + " → " + count(k, "output") + (detail.isEmpty() ? "" : ", " + detail);
  }
}
