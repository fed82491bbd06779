package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.linalg.Decompositions;
import dev.exp.linalg.Linalg;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordinary least squares, ridge regression (primal or dual, multi-output) and its leave-one-out shortcut. */
public final class LeastSquares {
  private LeastSquares() {}

  @Kernel(name = "learn.ols", doc = "Ordinary least squares: the coefficients minimising ‖y − X w − b‖² (the "
      + "minimum-norm solution when X is rank deficient, via SVD, as scikit-learn's LinearRegression). y is a vector "
      + "[n] or a matrix [n, k] (k outputs). With intercept (default true) b is fitted unpenalised by centring. "
      + "Returns a model: m.coef ([d] or [d, k]), m.intercept (a number or [k]), m.rank (of the centred X); "
      + "predict(m, x) = x @ m.coef + m.intercept; score gives R². Example: let m = learn.ols(X, y); m |> predict(X)")
  public static LinearModel ols(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "intercept", dflt = "true") boolean intercept) {
    String fn = "learn.ols";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.targets(y, n, fn, "X");
    int k = LearnArgs.outputs(y);
    Centered c = Centered.of(xs, ys, n, d, k, intercept);
    Map<String, Object> r = Linalg.lstsq(Tensor.wrap(new int[] {n, d}, c.x()), Tensor.wrap(new int[] {n, k}, c.y()), null);
    double[] w = ((Tensor) r.get("x")).toArray();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("rank", r.get("rank"));
    settings.put("fit_intercept", intercept);
    return new LinearModel("ols", w, c.intercept(w), d, k, y.rank() == 1, Map.of(), settings, "");
  }

  @Kernel(name = "learn.ridge", doc = "Ridge regression: minimises ‖y − X w − b‖² + alpha‖w‖² (scikit-learn's Ridge; "
      + "the intercept b is not penalised). solver \"primal\" solves (XᵀX + alpha·I) w = Xᵀy (d×d Cholesky), "
      + "\"dual\" solves (XXᵀ + alpha·I) a = y and sets w = Xᵀa (n×n, for d > n), \"auto\" (default) picks the smaller. "
      + "y is a vector [n] or a matrix [n, k] (multi-output, one shared alpha). Defaults: alpha 1, intercept true. "
      + "Returns a model with coef ([d] or [d, k]), intercept, alpha, solver. "
      + "Example: let m = learn.ridge(X, y, alpha: 0.1); score(m, X_test, y_test)")
  public static LinearModel ridge(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "alpha", dflt = "1") double alpha,
      @Arg(value = "solver", dflt = "\"auto\"") String solver, @Arg(value = "intercept", dflt = "true") boolean intercept) {
    String fn = "learn.ridge";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.targets(y, n, fn, "X");
    int k = LearnArgs.outputs(y);
    LearnArgs.nonNegative(alpha, fn, "alpha");
    LearnArgs.choice(solver, fn, "solver", "auto", "primal", "dual");
    String used = solver.equals("auto") ? (d <= n ? "primal" : "dual") : solver;
    Centered c = Centered.of(xs, ys, n, d, k, intercept);
    double[] w = solve(c, alpha, used, fn);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("alpha", alpha);
    settings.put("solver", used);
    settings.put("fit_intercept", intercept);
    return new LinearModel("ridge", w, c.intercept(w), d, k, y.rank() == 1, Map.of(), settings,
        "alpha " + LearnArgs.fmt(alpha));
  }

  /** Ridge coefficients [d, k] of centred data by the primal or dual normal equations. */
  static double[] solve(Centered c, double alpha, String solver, String fn) {
    int n = c.n();
    int d = c.d();
    int k = c.k();
    if (solver.equals("primal")) {
      double[] g = Dense.gram(c.x(), n, d);
      Dense.addDiagonal(g, d, alpha);
      double[] l = Dense.choleskyOrFail(g, d, fn, "XᵀX + alpha·I");
      double[] w = Dense.tmul(c.x(), n, d, c.y(), k);
      Dense.cholSolve(l, d, w, k);
      return w;
    }
    double[] kk = Dense.mulT(c.x(), n, d, c.x(), n);
    Dense.addDiagonal(kk, n, alpha);
    double[] l = Dense.choleskyOrFail(kk, n, fn, "XXᵀ + alpha·I");
    double[] a = c.y().clone();
    Dense.cholSolve(l, n, a, k);
    return Dense.tmul(c.x(), n, d, a, k);
  }

  @Kernel(name = "learn.ridge_loo", doc = "Leave-one-out and GCV errors of ridge regression for several alphas at "
      + "the cost of one SVD, by the hat-matrix shortcut: the LOO residual of sample i is e_i / (1 − H_ii), "
      + "H = X(XᵀX + alpha·I)⁻¹Xᵀ (plus 11ᵀ/n with the intercept, which the shortcut refits exactly). "
      + "GCV replaces H_ii by tr(H)/n. Returns {alphas, loo_mse, gcv, best_alpha, best_index, model}: loo_mse[j] is "
      + "the mean squared LOO error for alphas[j] (averaged over outputs), best_alpha minimises it (the first on ties) "
      + "and model is the ridge fit at best_alpha. Example: let cv = learn.ridge_loo(X, y, [0.01, 0.1, 1, 10]); cv.best_alpha")
  public static Map<String, Object> ridgeLoo(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg("alphas") Tensor alphas,
      @Arg(value = "intercept", dflt = "true") boolean intercept) {
    String fn = "learn.ridge_loo";
    double[] xs = LearnArgs.design(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.targets(y, n, fn, "X");
    int k = LearnArgs.outputs(y);
    if (alphas.rank() > 1 || alphas.size() == 0) {
      throw KernelException.of("%s: alphas must be a non-empty vector of penalties, got shape %s", fn,
          Tensor.shapeString(alphas.shape()));
    }
    double[] as = alphas.reshape(alphas.size()).toArray();
    for (double a : as) {
      LearnArgs.positive(a, fn, "every alpha");
    }
    Centered c = Centered.of(xs, ys, n, d, k, intercept);
    Map<String, Object> svd = Decompositions.svd(Tensor.wrap(new int[] {n, d}, c.x()), false);
    Tensor ut = (Tensor) svd.get("u");
    double[] u = ut.raw();
    double[] s = ((Tensor) svd.get("s")).raw();
    int r = s.length;
    double[] uty = Dense.tmul(u, n, r, c.y(), k); // [r, k]
    double[] loo = new double[as.length];
    double[] gcv = new double[as.length];
    double base = intercept ? 1.0 / n : 0;
    for (int a = 0; a < as.length; a++) {
      double[] f = new double[r];
      double trace = n * base;
      for (int j = 0; j < r; j++) {
        double s2 = s[j] * s[j];
        f[j] = s2 / (s2 + as[a]);
        trace += f[j];
      }
      double sumLoo = 0;
      double sumRes = 0;
      for (int i = 0; i < n; i++) {
        double h = base;
        for (int j = 0; j < r; j++) {
          double uij = u[i * r + j];
          h += uij * uij * f[j];
        }
        for (int col = 0; col < k; col++) {
          double fit = 0;
          for (int j = 0; j < r; j++) {
            fit += u[i * r + j] * f[j] * uty[j * k + col];
          }
          double e = c.y()[i * k + col] - fit; // centred residual equals the raw one
          sumRes += e * e;
          double el = e / (1 - h);
          sumLoo += el * el;
        }
      }
      loo[a] = sumLoo / (n * k);
      double g = 1 - trace / n;
      gcv[a] = sumRes / (n * k) / (g * g);
    }
    int best = 0;
    for (int a = 1; a < as.length; a++) {
      if (loo[a] < loo[best]) {
        best = a;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alphas", Tensor.vector(as));
    out.put("loo_mse", Tensor.vector(loo));
    out.put("gcv", Tensor.vector(gcv));
    out.put("best_alpha", as[best]);
    out.put("best_index", (double) best);
    out.put("model", ridge(x, y, as[best], "auto", intercept));
    return out;
  }

}
