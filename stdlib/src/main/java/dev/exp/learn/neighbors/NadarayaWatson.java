package dev.exp.learn.neighbors;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.learn.Dense;
import dev.exp.learn.FittedModel;
import dev.exp.learn.GramKernels;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.classify.Labels;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nadaraya–Watson kernel regression and kernel-vote classification, singular kernels included. */
public final class NadarayaWatson extends FittedModel {
  private final double[] x;
  private final int n;
  private final int d;
  private final double[] y;
  private final Labels labels;
  private final String kernel;
  private final double h;
  private final double beta;

  private NadarayaWatson(double[] x, int n, int d, double[] y, Labels labels, String kernel, double h, double beta) {
    super("nadaraya_watson", labels != null ? Task.CLASSIFICATION : Task.REGRESSION, params(x, n, d, y, labels),
        settings(kernel, h, beta));
    this.x = x;
    this.n = n;
    this.d = d;
    this.y = y;
    this.labels = labels;
    this.kernel = kernel;
    this.h = h;
    this.beta = beta;
  }

  private static Map<String, Object> params(double[] x, int n, int d, double[] y, Labels labels) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("x_train", Tensor.wrap(new int[] {n, d}, x));
    p.put("y_train", Tensor.wrap(new int[] {n}, y));
    if (labels != null) {
      p.put("classes", labels.tensor());
    }
    return p;
  }

  private static Map<String, Object> settings(String kernel, double h, double beta) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kernel", kernel);
    s.put("bandwidth", h);
    s.put("beta", beta);
    return s;
  }

  @Kernel(name = "learn.nadaraya_watson", doc = "Nadaraya–Watson kernel smoothing: predict(x) = Σ_i K(‖x − x_i‖/h) y_i "
      + "/ Σ_i K(‖x − x_i‖/h) (task \"regression\", default) or the class with the largest kernel-weighted vote (task "
      + "\"classification\", with predict_proba). kernel: \"gaussian\" exp(−u²/2) (default), \"epanechnikov\" "
      + "(1 − u²)₊, \"boxcar\" 1{u ≤ 1}, or \"singular\" u^(−beta) (the interpolating kernel of Devroye et al.; a query "
      + "equal to training points takes their mean / vote). A query with no training point in a compact kernel's "
      + "window falls back to its nearest training point. Defaults: bandwidth 1, beta = d (the number of features). "
      + "Example: let m = learn.nadaraya_watson(X, y, bandwidth: 0.3, kernel: \"singular\", task: \"classification\")")
  public static NadarayaWatson fit(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "bandwidth", dflt = "1") double bandwidth, @Arg(value = "kernel", dflt = "\"gaussian\"") String kernel,
      @Arg(value = "beta", dflt = "none") Double beta, @Arg(value = "task", dflt = "\"regression\"") String task) {
    String fn = "learn.nadaraya_watson";
    double[] xs = LearnArgs.design(x, fn, "X").clone();
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.vector(y, n, fn, "y", "X").clone();
    LearnArgs.positive(bandwidth, fn, "bandwidth");
    LearnArgs.choice(kernel, fn, "kernel", "gaussian", "epanechnikov", "boxcar", "singular");
    LearnArgs.choice(task, fn, "task", "regression", "classification");
    double b = beta == null ? d : beta;
    LearnArgs.positive(b, fn, "beta");
    Labels labels = task.equals("classification") ? Labels.of(ys, fn, 1) : null;
    return new NadarayaWatson(xs, n, d, ys, labels, kernel, bandwidth, b);
  }

  /** Per query: weights over the training rows (or the exact-match / nearest fallback). */
  private double[] weights(double[] q, int m) {
    double[] dots = Dense.mulT(q, m, d, x, n);
    double[] qs = GramKernels.rowSquares(q, m, d);
    double[] xsq = GramKernels.rowSquares(x, n, d);
    double[] w = new double[m * n];
    for (int i = 0; i < m; i++) {
      int o = i * n;
      boolean exact = false;
      double total = 0;
      int nearest = 0;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double d2 = Math.max(0, qs[i] + xsq[j] - 2 * dots[o + j]);
        if (d2 < best) {
          best = d2;
          nearest = j;
        }
        dots[o + j] = d2;
        exact |= d2 == 0;
      }
      for (int j = 0; j < n; j++) {
        double u = Math.sqrt(dots[o + j]) / h;
        double v = switch (kernel) {
          case "gaussian" -> Math.exp(-0.5 * u * u);
          case "epanechnikov" -> Math.max(0, 1 - u * u);
          case "boxcar" -> u <= 1 ? 1 : 0;
          default -> exact ? (u == 0 ? 1 : 0) : Math.pow(u, -beta);
        };
        w[o + j] = v;
        total += v;
      }
      if (!(total > 0)) {
        w[o + nearest] = 1;
      }
    }
    return w;
  }

  @Override
  public Tensor predictProba(Tensor q) {
    if (labels == null) {
      return super.predictProba(q);
    }
    int m = q.dim(0);
    double[] w = weights(LearnArgs.features(q, d, kind()), m);
    int c = labels.count();
    double[] p = new double[m * c];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        p[i * c + labels.index()[j]] += w[i * n + j];
        s += w[i * n + j];
      }
      for (int t = 0; t < c; t++) {
        p[i * c + t] /= s;
      }
    }
    return Tensor.wrap(new int[] {m, c}, p);
  }

  @Override
  public Tensor predict(Tensor q) {
    int m = q.dim(0);
    if (labels != null) {
      return Labels.argmax(predictProba(q).raw(), m, labels.classes());
    }
    double[] w = weights(LearnArgs.features(q, d, kind()), m);
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      double s = 0;
      double t = 0;
      for (int j = 0; j < n; j++) {
        s += w[i * n + j];
        t += w[i * n + j] * y[j];
      }
      out[i] = t / s;
    }
    return Tensor.wrap(new int[] {m}, out);
  }

  @Override
  protected String describe() {
    return count(d, "feature") + ", " + count(n, "training row") + ", " + kernel + " kernel, bandwidth " + num(h);
  }
}
