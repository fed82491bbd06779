package dev.exp.learn.classify;

import dev.exp.learn.FittedModel;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted logistic (binary) or multinomial (softmax) regression: coef [d] and a number intercept
 * for two classes (the score of classes[1]), coef [d, K] and intercept [K] for K ≥ 3 classes.
 */
public final class LogisticModel extends FittedModel {
  private final double[] theta;
  private final double[] classes;
  private final int d;
  private final int q;

  LogisticModel(String kind, double[] theta, double[] classes, int d, Map<String, Object> extraParams,
      Map<String, Object> settings) {
    super(kind, Task.CLASSIFICATION, params(theta, classes, d, extraParams), settings);
    this.theta = theta;
    this.classes = classes;
    this.d = d;
    this.q = classes.length == 2 ? 1 : classes.length;
  }

  private static Map<String, Object> params(double[] theta, double[] classes, int d, Map<String, Object> extra) {
    int q = classes.length == 2 ? 1 : classes.length;
    Map<String, Object> p = new LinkedHashMap<>();
    double[] w = java.util.Arrays.copyOf(theta, d * q);
    double[] b = java.util.Arrays.copyOfRange(theta, d * q, (d + 1) * q);
    p.put("coef", q == 1 ? Tensor.wrap(new int[] {d}, w) : Tensor.wrap(new int[] {d, q}, w));
    p.put("intercept", q == 1 ? (Object) b[0] : Tensor.wrap(new int[] {q}, b));
    p.put("classes", Tensor.vector(classes.clone()));
    p.putAll(extra);
    return p;
  }

  /** θ as [(d + 1), q] (shared). */
  double[] theta() {
    return theta;
  }

  /** Linear scores [n, q]. */
  double[] decision(Tensor x) {
    double[] xs = LearnArgs.features(x, d, kind());
    LogisticObjective o = new LogisticObjective(xs, x.dim(0), d, classes.length, new int[x.dim(0)], 1);
    return o.scores(theta);
  }

  @Override
  public Tensor predictProba(Tensor x) {
    int n = x.dim(0);
    double[] z = decision(x);
    int k = classes.length;
    double[] p = new double[n * k];
    if (q == 1) {
      for (int i = 0; i < n; i++) {
        double s = z[i] >= 0 ? 1 / (1 + Math.exp(-z[i])) : Math.exp(z[i]) / (1 + Math.exp(z[i]));
        p[2 * i] = 1 - s;
        p[2 * i + 1] = s;
      }
    } else {
      System.arraycopy(z, 0, p, 0, p.length);
      Labels.softmaxRows(p, n, k);
    }
    return Tensor.wrap(new int[] {n, k}, p);
  }

  @Override
  public Tensor predict(Tensor x) {
    int n = x.dim(0);
    double[] z = decision(x);
    if (q == 1) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = z[i] > 0 ? classes[1] : classes[0];
      }
      return Tensor.wrap(new int[] {n}, out);
    }
    return Labels.argmax(z, n, classes);
  }

  @Override
  protected String describe() {
    return count(d, "feature") + " → " + count(classes.length, "class").replace("classs", "classes") + ", C "
        + num((Double) settings().get("C"));
  }
}
