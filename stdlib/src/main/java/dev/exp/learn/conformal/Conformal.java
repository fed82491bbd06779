package dev.exp.learn.conformal;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.learn.LearnArgs;
import dev.exp.learn.Model;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Split conformal prediction: the calibrated quantile, regression intervals, CQR and classification sets. */
public final class Conformal {
  private Conformal() {}

  /** The ⌈(n+1)(1−α)⌉-th smallest score (+∞ when that exceeds n). */
  static double upper(double[] scores, double alpha) {
    double[] s = scores.clone();
    Arrays.sort(s);
    int n = s.length;
    long r = (long) Math.ceil((n + 1) * (1 - alpha) - 1e-9);
    return r > n ? Double.POSITIVE_INFINITY : s[(int) Math.max(r, 1) - 1];
  }

  private static void checkAlpha(double alpha, String fn) {
    if (!(alpha > 0 && alpha < 1)) {
      throw KernelException.of("%s: alpha (the miscoverage) must be in (0, 1), got %s", fn, LearnArgs.fmt(alpha));
    }
  }

  @Kernel(name = "learn.conformal_quantile", doc = "The split-conformal threshold of calibration scores [n]: side "
      + "\"upper\" (default) gives the ⌈(n+1)(1−alpha)⌉-th smallest score (+inf when that rank exceeds n), so a new "
      + "exchangeable score is ≤ it with probability ≥ 1 − alpha; side \"lower\" gives the ⌊alpha(n+1)⌋-th smallest "
      + "(−inf when that rank is 0), so a new score is ≥ it with probability ≥ 1 − alpha (similarity thresholds for "
      + "retrieval sets). Example: learn.conformal_quantile(abs(y_cal - predict(m, X_cal)), 0.1)")
  public static double conformalQuantile(@Arg("scores") Tensor scores, @Arg("alpha") double alpha,
      @Arg(value = "side", dflt = "\"upper\"") String side) {
    String fn = "learn.conformal_quantile";
    checkAlpha(alpha, fn);
    LearnArgs.choice(side, fn, "side", "upper", "lower");
    if (scores.rank() != 1 || scores.size() == 0) {
      throw KernelException.of("%s: scores must be a non-empty vector, got shape %s", fn,
          Tensor.shapeString(scores.shape()));
    }
    double[] s = scores.toArray();
    if (side.equals("upper")) {
      return upper(s, alpha);
    }
    Arrays.sort(s);
    long r = (long) Math.floor(alpha * (s.length + 1) + 1e-9);
    return r < 1 ? Double.NEGATIVE_INFINITY : s[(int) Math.min(r, s.length) - 1];
  }

  private static double[] calibrationTargets(Tensor x, Tensor y, String fn) {
    if (x.rank() != 2 || y.rank() != 1 || y.dim(0) != x.dim(0) || x.dim(0) == 0) {
      throw KernelException.of("%s: X_cal must be [n, d] and y_cal [n] with n ≥ 1, got shapes %s and %s", fn,
          Tensor.shapeString(x.shape()), Tensor.shapeString(y.shape()));
    }
    return y.raw();
  }

  @Kernel(name = "learn.split_conformal", doc = "Split-conformal regression intervals around a fitted regressor: "
      + "scores |y_cal − predict(model, X_cal)| on held-out calibration data, q = their ⌈(n+1)(1−alpha)⌉-th smallest, "
      + "intervals [ŷ − q, ŷ + q] with marginal coverage in [1 − alpha, 1 − alpha + 1/(n+1)) for exchangeable data "
      + "(continuous scores). Returns a model: m.quantile; predict gives ŷ; learn.intervals(m, X) the [n, 2] "
      + "intervals; learn.coverage(m, X, y) the coverage. Example: let c = learn.split_conformal(m, Xc, yc, 0.1)")
  public static ConformalRegressor splitConformal(@Arg("model") Model model, @Arg("X_cal") Tensor x,
      @Arg("y_cal") Tensor y, @Arg(value = "alpha", dflt = "0.1") double alpha) {
    String fn = "learn.split_conformal";
    checkAlpha(alpha, fn);
    double[] ys = calibrationTargets(x, y, fn);
    double[] p = ConformalRegressor.vector(model.predict(x));
    double[] s = new double[ys.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.abs(ys[i] - p[i]);
    }
    return new ConformalRegressor("split_conformal", model, null, null, upper(s, alpha), alpha, s.length);
  }

  @Kernel(name = "learn.cqr", doc = "Conformalized quantile regression (Romano et al.): with lower and upper quantile "
      + "models (e.g. learn.quantile_regression at alpha/2 and 1 − alpha/2), scores max(lo − y, y − hi) on the "
      + "calibration data, q their ⌈(n+1)(1−alpha)⌉-th smallest, intervals [lo − q, hi + q] (q may be negative: the "
      + "bands shrink). Returns a conformal model as learn.split_conformal (predict gives the midpoints). "
      + "Example: let c = learn.cqr(q05, q95, Xc, yc, 0.1); learn.intervals(c, X_test)")
  public static ConformalRegressor cqr(@Arg("lower") Model lower, @Arg("upper") Model upper, @Arg("X_cal") Tensor x,
      @Arg("y_cal") Tensor y, @Arg(value = "alpha", dflt = "0.1") double alpha) {
    String fn = "learn.cqr";
    checkAlpha(alpha, fn);
    double[] ys = calibrationTargets(x, y, fn);
    double[] lo = ConformalRegressor.vector(lower.predict(x));
    double[] hi = ConformalRegressor.vector(upper.predict(x));
    double[] s = new double[ys.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.max(lo[i] - ys[i], ys[i] - hi[i]);
    }
    return new ConformalRegressor("cqr", null, lower, upper, upper(s, alpha), alpha, s.length);
  }

  @Kernel(name = "learn.conformal_sets", doc = "Split-conformal classification sets around a fitted probabilistic "
      + "classifier. method \"lac\" (default, least ambiguous sets): score 1 − p̂(y | x), the set {k : p̂_k ≥ 1 − q}; "
      + "\"aps\" (adaptive prediction sets, without randomisation, so slightly conservative): score = the total "
      + "probability of the classes at least as likely as y, the set of classes whose score is ≤ q. q is the "
      + "⌈(n+1)(1−alpha)⌉-th smallest calibration score; coverage ≥ 1 − alpha. Returns a model: "
      + "learn.prediction_sets(m, X) gives the [n, K] 0/1 membership (columns in m.classes order). "
      + "Example: let s = learn.conformal_sets(clf, Xc, yc, 0.1, method: \"aps\")")
  public static ConformalClassifier conformalSets(@Arg("model") Model model, @Arg("X_cal") Tensor x,
      @Arg("y_cal") Tensor y, @Arg(value = "alpha", dflt = "0.1") double alpha,
      @Arg(value = "method", dflt = "\"lac\"") String method) {
    String fn = "learn.conformal_sets";
    checkAlpha(alpha, fn);
    LearnArgs.choice(method, fn, "method", "lac", "aps");
    double[] ys = calibrationTargets(x, y, fn);
    Object cls = model.field("classes");
    if (!(cls instanceof Tensor classes)) {
      throw KernelException.of("%s: the model (%s) has no classes field: pass a fitted classifier", fn, model.kind());
    }
    Tensor p = model.predictProba(x);
    int n = p.dim(0);
    int k = p.dim(1);
    double[] all = ConformalClassifier.classScores(p.raw(), n, k, method.equals("aps"));
    double[] c = classes.raw();
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      int idx = Arrays.binarySearch(c, ys[i]);
      if (idx < 0) {
        throw KernelException.of("%s: y_cal[%d] = %s is not one of the model's classes %s", fn, i,
            LearnArgs.fmt(ys[i]), Numbers.list(c));
      }
      s[i] = all[i * k + idx];
    }
    return new ConformalClassifier(model, classes, upper(s, alpha), alpha, n, method);
  }

  @Kernel(name = "learn.intervals", doc = "The [n, 2] prediction intervals (lower, upper) of a conformal regressor "
      + "(learn.split_conformal or learn.cqr) for the rows of x.")
  public static Tensor intervals(@Arg("model") Model model, @Arg("x") Tensor x) {
    if (!(model instanceof ConformalRegressor c)) {
      throw KernelException.of("learn.intervals: needs a conformal regressor (learn.split_conformal, learn.cqr), got a "
          + "%s model", model.kind());
    }
    return c.intervals(x);
  }

  @Kernel(name = "learn.prediction_sets", doc = "The [n, K] 0/1 membership of the conformal classification sets "
      + "(learn.conformal_sets) for the rows of x, columns in the order of model.classes.")
  public static Tensor predictionSets(@Arg("model") Model model, @Arg("x") Tensor x) {
    if (!(model instanceof ConformalClassifier c)) {
      throw KernelException.of("learn.prediction_sets: needs a conformal classifier (learn.conformal_sets), got a "
          + "%s model", model.kind());
    }
    return c.sets(x);
  }

  @Kernel(name = "learn.coverage", doc = "Empirical coverage of a conformal model on test data: "
      + "{coverage (the fraction of y inside its interval / set), mean_size (mean interval width or set size), "
      + "n}. Example: learn.coverage(c, X_test, y_test).coverage")
  public static Map<String, Object> coverage(@Arg("model") Model model, @Arg("x") Tensor x, @Arg("y") Tensor y) {
    String fn = "learn.coverage";
    double[] ys = calibrationTargets(x, y, fn);
    int n = ys.length;
    int hit = 0;
    double size = 0;
    if (model instanceof ConformalRegressor c) {
      double[] iv = c.intervals(x).raw();
      for (int i = 0; i < n; i++) {
        hit += iv[2 * i] <= ys[i] && ys[i] <= iv[2 * i + 1] ? 1 : 0;
        size += iv[2 * i + 1] - iv[2 * i];
      }
    } else if (model instanceof ConformalClassifier c) {
      double[] sets = c.sets(x).raw();
      double[] cls = c.classes().raw();
      int k = cls.length;
      for (int i = 0; i < n; i++) {
        int idx = Arrays.binarySearch(cls, ys[i]);
        hit += idx >= 0 && sets[i * k + idx] == 1 ? 1 : 0;
        for (int j = 0; j < k; j++) {
          size += sets[i * k + j];
        }
      }
    } else {
      throw KernelException.of("%s: needs a conformal model (learn.split_conformal, learn.cqr, learn.conformal_sets), "
          + "got a %s model", fn, model.kind());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("coverage", (double) hit / n);
    out.put("mean_size", size / n);
    out.put("n", (double) n);
    return out;
  }
}
