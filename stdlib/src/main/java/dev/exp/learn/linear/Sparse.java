package dev.exp.learn.linear;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lasso, the elastic net and their warm-started regularisation paths, by coordinate descent. */
public final class Sparse {
  private Sparse() {}

  @Kernel(name = "learn.lasso", doc = "The lasso by coordinate descent with scikit-learn's objective "
      + "(1/(2n))‖y − Xw − b‖² + alpha‖w‖₁ (intercept b unpenalised, by centring). Stops when the duality gap is "
      + "below tol·‖y − ȳ‖² (scikit-learn's rule) or after max_iter sweeps. Defaults: alpha 1, tol 1e-4, max_iter "
      + "1000, intercept true. y is a vector, or a matrix [n, k] for k independent fits (one per column, as "
      + "scikit-learn; coef [d, k], intercept, iterations and dual_gap [k]). Returns a model with coef [d], intercept, "
      + "alpha, iterations (coordinate sweeps), dual_gap, converged, nonzero. Wide designs are solved by working-set "
      + "coordinate descent (docs/learners.md); every stop is certified by the full duality gap. "
      + "Example: let m = learn.lasso(X, y, alpha: 0.01); m.coef")
  public static LinearModel lasso(@Arg("X") Tensor x, @Arg("y") Tensor y, @Arg(value = "alpha", dflt = "1") double alpha,
      @Arg(value = "tol", dflt = "1e-4") double tol, @Arg(value = "max_iter", dflt = "1000") int maxIter,
      @Arg(value = "intercept", dflt = "true") boolean intercept, KernelContext ctx) {
    return fit("learn.lasso", "lasso", x, y, alpha, 1.0, tol, maxIter, intercept, ctx);
  }

  @Kernel(name = "learn.elastic_net", doc = "The elastic net by coordinate descent with scikit-learn's objective "
      + "(1/(2n))‖y − Xw − b‖² + alpha·l1_ratio‖w‖₁ + ½·alpha·(1 − l1_ratio)‖w‖²; l1_ratio 1 is the lasso. Same "
      + "stopping rule, defaults (alpha 1, l1_ratio 0.5, tol 1e-4, max_iter 1000), 2-D y and fields as learn.lasso. "
      + "Example: let m = learn.elastic_net(X, y, alpha: 0.1, l1_ratio: 0.7)")
  public static LinearModel elasticNet(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "alpha", dflt = "1") double alpha, @Arg(value = "l1_ratio", dflt = "0.5") double l1Ratio,
      @Arg(value = "tol", dflt = "1e-4") double tol, @Arg(value = "max_iter", dflt = "1000") int maxIter,
      @Arg(value = "intercept", dflt = "true") boolean intercept, KernelContext ctx) {
    return fit("learn.elastic_net", "elastic_net", x, y, alpha, l1Ratio, tol, maxIter, intercept, ctx);
  }

  private static LinearModel fit(String fn, String kind, Tensor x, Tensor y, double alpha, double rho, double tol,
      int maxIter, boolean intercept, KernelContext ctx) {
    double[] xs = LearnArgs.designDeferred(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.targets(y, n, fn, "X");
    int k = LearnArgs.outputs(y);
    LearnArgs.nonNegative(alpha, fn, "alpha");
    checkRatio(rho, fn);
    LearnArgs.positive(tol, fn, "tol");
    LearnArgs.atLeastOne(maxIter, fn, "max_iter");
    // a 2-D y: independent fits per column (as scikit-learn), sharing the design's preparation
    double[] coef = new double[d * k];
    double[] b = new double[k];
    double[] iters = new double[k];
    double[] gaps = new double[k];
    boolean all = true;
    EnetSolver first = null;
    double[] xm = null;
    for (int c = 0; c < k; c++) {
      double[] yk = new double[n];
      for (int i = 0; i < n; i++) {
        yk[i] = ys[i * k + c];
      }
      double ym = intercept ? Dense.colMeans(yk, n, 1)[0] : 0;
      EnetSolver cd = first == null ? EnetSolver.of(xs, intercept, centred(yk, ym), n, d, 1)
          : first.target(centred(yk, ym));
      if (first == null) {
        first = cd;
        LearnArgs.finiteAfterAll(cd.finite(), x, fn, "X");
        xm = cd.xMean();
      }
      double[] w = new double[d];
      EnetSolver.Outcome o = cd.solve(w, n * alpha * rho, n * alpha * (1 - rho), tol, maxIter, ctx);
      for (int j = 0; j < d; j++) {
        coef[j * k + c] = w[j];
      }
      b[c] = intercept(ym, xm, w);
      iters[c] = o.iterations();
      gaps[c] = o.gap() / n;
      all &= o.converged();
    }
    boolean vector = y.rank() == 1;
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("alpha", alpha);
    if (!kind.equals("lasso")) {
      s.put("l1_ratio", rho);
    }
    s.put("iterations", vector ? (Object) iters[0] : Tensor.vector(iters));
    s.put("dual_gap", vector ? (Object) gaps[0] : Tensor.vector(gaps));
    s.put("converged", all);
    int nnz = 0;
    for (double v : coef) {
      nnz += v != 0 ? 1 : 0;
    }
    s.put("nonzero", (double) nnz);
    return new LinearModel(kind, coef, b, d, k, vector, Map.of(), s,
        "alpha " + LearnArgs.fmt(alpha) + ", " + nnz + " nonzero");
  }

  private static double[] centred(double[] y, double mean) {
    double[] c = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      c[i] = y[i] - mean;
    }
    return c;
  }

  /** ȳ − x̄ᵀw. */
  private static double intercept(double yMean, double[] xMean, double[] w) {
    double b = yMean;
    for (int j = 0; j < w.length; j++) {
      b -= xMean[j] * w[j];
    }
    return b;
  }

  private static void checkRatio(double rho, String fn) {
    if (!(rho > 0 && rho <= 1)) {
      throw KernelException.of("%s: l1_ratio must be in (0, 1], got %s (use learn.ridge for l1_ratio 0)", fn,
          LearnArgs.fmt(rho));
    }
  }

  @Kernel(name = "learn.lasso_path", doc = "The lasso (or elastic-net) regularisation path, warm-started from the "
      + "largest alpha down. alphas: a vector of penalties (sorted descending before fitting), or none for n_alphas "
      + "values spaced geometrically from alpha_max = max_j |x_jᵀ(y − ȳ)| / (n·l1_ratio) (the smallest alpha with "
      + "w = 0) down to eps·alpha_max. Defaults: n_alphas 100, eps 1e-3, l1_ratio 1, tol 1e-4, max_iter 1000. "
      + "Returns {alphas [m], coefs [m, d], intercepts [m], dual_gaps [m], iterations [m], converged, alpha_max}. "
      + "Example: let p = learn.lasso_path(X, y, n_alphas: 50); p.coefs")
  public static Map<String, Object> lassoPath(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "alphas", dflt = "none") Tensor alphas, @Arg(value = "n_alphas", dflt = "100") int nAlphas,
      @Arg(value = "eps", dflt = "1e-3") double eps, @Arg(value = "l1_ratio", dflt = "1") double rho,
      @Arg(value = "tol", dflt = "1e-4") double tol, @Arg(value = "max_iter", dflt = "1000") int maxIter,
      @Arg(value = "intercept", dflt = "true") boolean intercept, KernelContext ctx) {
    String fn = "learn.lasso_path";
    double[] xs = LearnArgs.designDeferred(x, fn, "X");
    int n = x.dim(0);
    int d = x.dim(1);
    double[] ys = LearnArgs.vector(y, n, fn, "y", "X");
    checkRatio(rho, fn);
    LearnArgs.positive(tol, fn, "tol");
    LearnArgs.atLeastOne(maxIter, fn, "max_iter");
    double ym = intercept ? Dense.colMeans(ys, n, 1)[0] : 0;
    int fits = alphas == null ? nAlphas : alphas.size();
    EnetSolver cd = EnetSolver.of(xs, intercept, centred(ys, ym), n, d, fits);
    LearnArgs.finiteAfterAll(cd.finite(), x, fn, "X");
    double[] xm = cd.xMean();
    double amax = 0;
    for (double v : cd.xty()) {
      amax = Math.max(amax, Math.abs(v));
    }
    amax /= n * rho;
    double[] as;
    if (alphas == null) {
      LearnArgs.atLeastOne(nAlphas, fn, "n_alphas");
      if (!(eps > 0 && eps < 1)) {
        throw KernelException.of("%s: eps must be in (0, 1), got %s", fn, LearnArgs.fmt(eps));
      }
      as = new double[nAlphas];
      for (int i = 0; i < nAlphas; i++) {
        as[i] = nAlphas == 1 ? amax : amax * Math.pow(eps, (double) i / (nAlphas - 1));
      }
    } else {
      if (alphas.rank() != 1 || alphas.size() == 0) {
        throw KernelException.of("%s: alphas must be a non-empty vector, got shape %s", fn,
            Tensor.shapeString(alphas.shape()));
      }
      as = alphas.toArray();
      java.util.Arrays.sort(as);
      for (int i = 0; i < as.length / 2; i++) {
        double t = as[i];
        as[i] = as[as.length - 1 - i];
        as[as.length - 1 - i] = t;
      }
      for (double a : as) {
        LearnArgs.nonNegative(a, fn, "every alpha");
      }
    }
    int m = as.length;
    double[] coefs = new double[m * d];
    double[] b = new double[m];
    double[] gaps = new double[m];
    double[] iters = new double[m];
    boolean all = true;
    double[] w = new double[d];
    for (int i = 0; i < m; i++) {
      EnetSolver.Outcome o = cd.solve(w, n * as[i] * rho, n * as[i] * (1 - rho), tol, maxIter, ctx);
      System.arraycopy(w, 0, coefs, i * d, d);
      b[i] = intercept(ym, xm, w);
      gaps[i] = o.gap() / n;
      iters[i] = o.iterations();
      all &= o.converged();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alphas", Tensor.vector(as));
    out.put("coefs", Tensor.wrap(new int[] {m, d}, coefs));
    out.put("intercepts", Tensor.vector(b));
    out.put("dual_gaps", Tensor.vector(gaps));
    out.put("iterations", Tensor.vector(iters));
    out.put("converged", all);
    out.put("alpha_max", amax);
    return out;
  }
}
