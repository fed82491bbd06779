package dev.exp.learn.conformal;

import dev.exp.learn.FittedModel;
import dev.exp.learn.Model;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conformal classification sets around a probabilistic classifier: LAC (score 1 − p̂_y; the set holds
 * the classes with p̂_k ≥ 1 − q̂) or APS without randomisation (score = the total probability of the
 * classes at least as likely as y; the set holds the classes whose score is ≤ q̂). predict gives the
 * base model's labels; {@link #sets} the [n, K] 0/1 membership in the order of {@code classes}.
 */
public final class ConformalClassifier extends FittedModel {
  private final Model base;
  private final double q;
  private final boolean aps;
  private final Tensor classes;

  ConformalClassifier(Model base, Tensor classes, double q, double alpha, int nCal, String method) {
    super("conformal_sets", Task.CLASSIFICATION, params(q, classes), settings(alpha, nCal, method, base));
    this.base = base;
    this.q = q;
    this.aps = method.equals("aps");
    this.classes = classes;
  }

  private static Map<String, Object> params(double q, Tensor classes) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("quantile", q);
    p.put("classes", classes);
    return p;
  }

  private static Map<String, Object> settings(double alpha, int n, String method, Model base) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    s.put("n_calibration", (double) n);
    s.put("method", method);
    s.put("model", base);
    return s;
  }

  /** The conformity score of every class for every row of probabilities p [n, K], row-major. */
  static double[] classScores(double[] p, int n, int k, boolean aps) {
    double[] s = new double[n * k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double pc = p[i * k + c];
        if (!aps) {
          s[i * k + c] = 1 - pc;
        } else {
          double m = 0;
          for (int j = 0; j < k; j++) {
            if (p[i * k + j] >= pc) {
              m += p[i * k + j];
            }
          }
          s[i * k + c] = m;
        }
      }
    }
    return s;
  }

  /** [n, K] membership (1 = in the set). */
  public Tensor sets(Tensor x) {
    Tensor p = base.predictProba(x);
    int n = p.dim(0);
    int k = p.dim(1);
    double[] s = classScores(p.raw(), n, k, aps);
    double[] out = new double[n * k];
    for (int i = 0; i < out.length; i++) {
      out[i] = s[i] <= q ? 1 : 0;
    }
    return Tensor.wrap(new int[] {n, k}, out);
  }

  /** The base model's class order. */
  Tensor classes() {
    return classes;
  }

  @Override
  public Tensor predict(Tensor x) {
    return base.predict(x);
  }

  @Override
  public Tensor predictProba(Tensor x) {
    return base.predictProba(x);
  }

  @Override
  protected String describe() {
    return (aps ? "APS" : "LAC") + " sets, level " + num(1 - (Double) settings().get("alpha")) + ", quantile " + num(q);
  }
}
