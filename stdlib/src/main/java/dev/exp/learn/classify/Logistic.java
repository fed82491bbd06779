package dev.exp.learn.classify;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Lbfgs;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/** L2-regularised logistic and multinomial (softmax) regression by Newton's method or L-BFGS; linear probes. */
public final class Logistic {
  private Logistic() {}

  /** The fit of {@link #fit} with its diagnostics. */
  record Fit(double[] theta, int iterations, double gradNorm, boolean converged, String message, LogisticObjective obj) {}

  @Kernel(name = "learn.logistic", doc = "L2-regularised logistic regression with scikit-learn's LogisticRegression "
      + "objective: minimises C·Σ_i loss_i + ½‖W‖², the intercept not penalised. Two classes: the sigmoid model "
      + "(coef [d], a number intercept: the score of classes[1]); K ≥ 3 classes: the multinomial (softmax) model "
      + "(coef [d, K], intercept [K] with mean 0, as scikit-learn). alpha, when given, sets C = 1/(n·alpha): the "
      + "objective is then mean loss + alpha/2·‖W‖². solver \"newton\" (default: Newton–IRLS with a backtracking line "
      + "search, for moderate d·K) or \"lbfgs\". Stops when max|∇| of the per-sample objective (the objective divided "
      + "by C·n) ≤ tol. Defaults: C 1, tol 1e-8, max_iter 100. y holds any class values (sorted into m.classes). "
      + "Returns a model with coef, intercept, classes, C, solver, iterations, converged, message; predict gives "
      + "labels, predict_proba [n, K], score accuracy. Example: let m = learn.logistic(X, y, C: 10); m |> predict_proba(X)")
  public static LogisticModel logistic(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "C", dflt = "1") double c,
      @Arg(value = "alpha", dflt = "none") Double alpha, @Arg(value = "solver", dflt = "\"newton\"") String solver,
      @Arg(value = "tol", dflt = "1e-8") double tol, @Arg(value = "max_iter", dflt = "100") int maxIter,
      KernelContext ctx) {
    String fn = "learn.logistic";
    double[] xs = LearnArgs.designDeferred(x, fn, "X");
    int n = x.dim(0);
    double cc = alpha == null ? c : 1 / (n * alpha);
    if (alpha != null) {
      LearnArgs.positive(alpha, fn, "alpha");
    }
    LearnArgs.positive(cc, fn, "C");
    LearnArgs.choice(solver, fn, "solver", "newton", "lbfgs");
    LearnArgs.positive(tol, fn, "tol");
    LearnArgs.atLeastOne(maxIter, fn, "max_iter");
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 2);
    if (!solver.equals("newton") || labels.count() != 2) {
      TensorArgs.requireFinite(x, fn, "X"); // the fused binary Newton pass finds non-finite values itself
    }
    Fit f = fit(xs, n, x.dim(1), labels, cc, solver, tol, maxIter, ctx,
        () -> LearnArgs.finiteAfterAll(false, x, fn, "X"));
    return model("logistic", f, labels, x.dim(1), cc, solver, Map.of(), Map.of());
  }

  static LogisticModel model(String kind, Fit f, Labels labels, int d, double c, String solver,
      Map<String, Object> extraParams, Map<String, Object> extraSettings) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("C", c);
    s.put("solver", solver);
    s.put("iterations", (double) f.iterations());
    s.put("grad_norm", f.gradNorm());
    s.put("converged", f.converged());
    s.put("message", f.message());
    s.putAll(extraSettings);
    return new LogisticModel(kind, f.theta(), labels.classes(), d, extraParams, s);
  }

  /** Fits θ by Newton or L-BFGS from zero (X already checked finite). */
  static Fit fit(double[] x, int n, int d, Labels labels, double c, String solver, double tol, int maxIter,
      KernelContext ctx) {
    return fit(x, n, d, labels, c, solver, tol, maxIter, ctx, () -> {
      throw KernelException.of("learn.logistic: X has values too large for the fit (sums over its rows overflow)");
    });
  }

  /**
   * Fits θ by Newton or L-BFGS from zero; two classes by Newton take the fused one-pass form
   * {@link BinaryNewton}, which calls nonFinite when its first pass finds non-finite sums.
   */
  static Fit fit(double[] x, int n, int d, Labels labels, double c, String solver, double tol, int maxIter,
      KernelContext ctx, Runnable nonFinite) {
    LogisticObjective o = new LogisticObjective(x, n, d, labels.count(), labels.index(), c);
    if (solver.equals("newton") && labels.count() == 2) {
      return new BinaryNewton(x, n, d, labels.index(), c).fit(tol, maxIter, o, ctx, nonFinite);
    }
    double scale = c * n;
    if (solver.equals("lbfgs")) {
      Lbfgs.Result r = Lbfgs.minimize(o, new double[o.size()], tol * scale, maxIter, 10, ctx);
      double[] th = r.x();
      o.centerIntercepts(th);
      return new Fit(th, r.iterations(), r.gradNorm() / scale, r.converged(), r.message(), o);
    }
    int p = o.size();
    double[] th = new double[p];
    double[] g = new double[p];
    double[] tn = new double[p];
    double[] gn = new double[p];
    double f = o.eval(th, g);
    int it = 0;
    while (true) {
      double gmax = Lbfgs.maxAbs(g) / scale;
      if (gmax <= tol) {
        return new Fit(th, it, gmax, true, "tolerance reached", o);
      }
      if (it >= maxIter) {
        return new Fit(th, it, gmax, false, "max_iter reached", o);
      }
      ctx.poll();
      double[] step = LogisticObjective.solveSpd(o.hessian(th), p, g);
      if (step == null) {
        throw KernelException.of("learn.logistic: the Hessian is not positive definite (shape [%d, %d])", p, p);
      }
      for (int j = 0; j < p; j++) {
        step[j] = -step[j];
      }
      o.centerIntercepts(step);
      double slope = 0;
      for (int j = 0; j < p; j++) {
        slope += g[j] * step[j];
      }
      double t = 1;
      double fn;
      int tries = 0;
      while (true) {
        for (int j = 0; j < p; j++) {
          tn[j] = th[j] + t * step[j];
        }
        fn = o.eval(tn, gn);
        if (fn <= f + 1e-4 * t * slope || tries++ > 60) {
          break;
        }
        t *= 0.5;
      }
      it++;
      if (!(fn <= f)) {
        return new Fit(th, it, gmax, false, "line search failed (rounding limits the accuracy)", o);
      }
      System.arraycopy(tn, 0, th, 0, p);
      System.arraycopy(gn, 0, g, 0, p);
      f = fn;
    }
  }

  @Kernel(name = "learn.linear_probe", doc = "A linear probe: multinomial (or binary) logistic regression on frozen "
      + "features, with the features standardised first (mean 0, variance 1 per column, as a probe on raw "
      + "activations needs) and the penalty alpha/2·‖W‖² on the mean loss (default alpha 1e-4, Newton). Returns the "
      + "logistic model on the standardised features together with the standardisation, so predict(m, x) takes raw "
      + "features; fields mean and scale. Example: let p = learn.linear_probe(feats, labels); score(p, feats_test, labels_test)")
  public static LogisticModel linearProbe(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "alpha", dflt = "1e-4") double alpha, @Arg(value = "solver", dflt = "\"newton\"") String solver,
      KernelContext ctx) {
    String fn = "learn.linear_probe";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    LearnArgs.positive(alpha, fn, "alpha");
    LearnArgs.choice(solver, fn, "solver", "newton", "lbfgs");
    Labels labels = Labels.of(LearnArgs.vector(y, n, fn, "y", "X"), fn, 2);
    double[] mean = dev.exp.learn.Dense.colMeans(xs, n, d);
    double[] sd = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double v = xs[i * d + j] - mean[j];
        sd[j] += v * v;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j] / n);
      if (sd[j] == 0) {
        sd[j] = 1;
      }
    }
    double[] z = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (xs[i * d + j] - mean[j]) / sd[j];
      }
    }
    double c = 1 / (n * alpha);
    Fit f = fit(z, n, d, labels, c, solver, 1e-8, 200, ctx);
    // fold the standardisation into the coefficients: w' = w / sd, b' = b − Σ mean·w / sd
    double[] th = f.theta().clone();
    int q = labels.count() == 2 ? 1 : labels.count();
    for (int k = 0; k < q; k++) {
      double shift = 0;
      for (int j = 0; j < d; j++) {
        th[j * q + k] /= sd[j];
        shift += mean[j] * th[j * q + k];
      }
      th[d * q + k] -= shift;
    }
    Fit folded = new Fit(th, f.iterations(), f.gradNorm(), f.converged(), f.message(), f.obj());
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("mean", Tensor.vector(mean));
    extra.put("scale", Tensor.vector(sd));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    return model("linear_probe", folded, labels, d, c, solver, Map.of(), concat(extra, s));
  }

  private static Map<String, Object> concat(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> m = new LinkedHashMap<>(a);
    m.putAll(b);
    return m;
  }
}
