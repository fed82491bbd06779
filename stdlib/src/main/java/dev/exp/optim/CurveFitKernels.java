package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** Curve fitting by nonlinear least squares (N18 on S26), with intervals and extrapolation bands. */
public final class CurveFitKernels {
  private CurveFitKernels() {}

  @Kernel(name = "optim.curve_fit", doc = "Fits y ≈ g(x; p) by Levenberg–Marquardt (optim.least_squares). model: "
      + "\"power_law_offset\" (E + A·x^−alpha, params [E, A, alpha]), \"exponential\" (a·exp(−b·x) + c), "
      + "\"saturating\" (a·(1 − exp(−x/b))), each with an analytic gradient and a data-based default p0 (a "
      + "script function model(x, p) works too, see the other form). sigma: "
      + "per-point standard deviations (weights 1/σ², relative as scipy's absolute_sigma=False). The result is a "
      + "curve_fit value: call it to predict (fit(x)); fields model, names, params, values (a record by name), "
      + "stderr, lo/hi (Student-t intervals with m − n degrees of freedom at level), cov (s²(JᵀJ)⁻¹, as "
      + "scipy.optimize.curve_fit's pcov; inf, and lo/hi ∓inf, when there are as many points as parameters or JᵀJ "
      + "is singular), level, dof, residual_std, r2, cost, iterations, evaluations, converged, "
      + "message. For a pure power law y = a·x^b use stats.fit_power_law (log-log OLS). Defaults p0 none, sigma "
      + "none, level 0.95, lower/upper none, max_iter 200. Example: let f = optim.curve_fit(\"power_law_offset\", n, "
      + "loss); f.values.alpha")
  public static CurveFit curveFit(@Arg("model") String model, @Arg("x") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "p0", dflt = "none") Tensor p0, @Arg(value = "sigma", dflt = "none") Tensor sigma,
      @Arg(value = "level", dflt = "0.95") double level, @Arg(value = "lower", dflt = "none") Tensor lower,
      @Arg(value = "upper", dflt = "none") Tensor upper, @Arg(value = "max_iter", dflt = "200") int maxIter,
      KernelContext ctx) {
    return fit(CurveModel.named(model), x, y, p0, sigma, level, lower, upper, maxIter, ctx);
  }

  @Kernel(name = "optim.curve_fit", doc = "optim.curve_fit with a script model: model(x, p) returns the predictions "
      + "at the vector x for parameters p; p0 is required and the Jacobian is taken by central differences. The "
      + "result is the same curve_fit value (parameters named p0, p1, ...). Example: optim.curve_fit((t, p) => p[0] "
      + "* exp(-p[1] * t), t, y, p0: [1, 1])")
  public static CurveFit curveFit(@Arg("model") Fn model, @Arg("x") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "p0", dflt = "none") Tensor p0, @Arg(value = "sigma", dflt = "none") Tensor sigma,
      @Arg(value = "level", dflt = "0.95") double level, @Arg(value = "lower", dflt = "none") Tensor lower,
      @Arg(value = "upper", dflt = "none") Tensor upper, @Arg(value = "max_iter", dflt = "200") int maxIter,
      KernelContext ctx) {
    return fit(CurveModel.function(model), x, y, p0, sigma, level, lower, upper, maxIter, ctx);
  }

  private static CurveFit fit(CurveModel m, Tensor x, Tensor y, Tensor p0, Tensor sigma, double level, Tensor lower,
      Tensor upper, int maxIter, KernelContext ctx) {
    String fn = "optim.curve_fit";
    KernelContext c = MinimizeKernels.ctx(ctx);
    if (x.isComplex() || y.isComplex() || x.size() != y.size() || x.size() == 0) {
      throw KernelException.of("%s: x and y must be real and of one length, got x %s and y %s", fn,
          Tensor.shapeString(x.shape()), Tensor.shapeString(y.shape()));
    }
    if (!(level > 0 && level < 1)) {
      throw KernelException.of("%s: level must be in (0, 1), got %s", fn, level);
    }
    double[] xs = x.raw().clone();
    double[] ys = y.raw().clone();
    double[] w = new double[xs.length];
    for (int i = 0; i < w.length; i++) {
      double s = sigma == null ? 1 : sigma.size() == 1 ? sigma.at(0) : sigma.size() == w.length ? sigma.at(i) : -1;
      if (!(s > 0)) {
        throw KernelException.of("%s: sigma must be positive, one per point (%d) or one number; got %s", fn,
            w.length, Values.describe(sigma));
      }
      w[i] = 1 / s;
    }
    double[] start = p0 != null ? MinimizeKernels.start(p0, fn) : m.guess(xs, ys);
    int n = start.length;
    if (!(m.name().equals("function")) && n != m.paramNames(n).size()) {
      throw KernelException.of("%s: model \"%s\" has %d parameters %s, p0 has %d", fn, m.name(),
          m.paramNames(n).size(), m.paramNames(n), n);
    }
    if (xs.length < n) {
      throw KernelException.of("%s: %d data points cannot determine %d parameters (at least %d points are needed; "
          + "more than %d for standard errors)", fn, xs.length, n, n, n);
    }
    int[] evals = {0};
    LeastSquares.Problem prob = new LeastSquares.Problem() {
      @Override
      public double[] residual(double[] p) {
        evals[0]++;
        double[] g = m.predict(xs, p);
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) {
          r[i] = (g[i] - ys[i]) * w[i];
        }
        return r;
      }

      @Override
      public double[] jacobian(double[] p, double[] r) {
        double[] j = m.gradient(xs, p);
        for (int i = 0; i < xs.length; i++) {
          for (int k = 0; k < n; k++) {
            j[i * n + k] *= w[i];
          }
        }
        return j;
      }
    };
    LeastSquares.Options o = new LeastSquares.Options(false, 1e-12, 1e-12, 1e-14, maxIter,
        LeastSquaresKernels.bound(lower, n, fn, "lower"), LeastSquaresKernels.bound(upper, n, fn, "upper"));
    LeastSquares.Fit fit = LeastSquares.solve(prob, start, o, c);
    double mean = 0;
    for (double v : ys) {
      mean += v / ys.length;
    }
    double tot = 0;
    double res = 0;
    double[] g = m.predict(xs, fit.p());
    for (int i = 0; i < ys.length; i++) {
      tot += (ys[i] - mean) * (ys[i] - mean);
      res += (ys[i] - g[i]) * (ys[i] - g[i]);
    }
    return new CurveFit(m, fit, level, tot > 0 ? 1 - res / tot : Double.NaN, evals[0]);
  }

  @Kernel(name = "optim.extrapolate", doc = "Predictions of a curve fit at new x with bands: {x, y, lo, hi, stderr}. "
      + "kind \"confidence\" (default): the band of the fitted curve, se² = ∇_p gᵀ·cov·∇_p g (delta method); "
      + "\"prediction\": also the residual variance s² (where a new observation falls). level defaults to the "
      + "fit's. Example: optim.extrapolate(fit, [1e5, 1e6]).hi")
  public static Map<String, Object> extrapolate(@Arg("fit") CurveFit fit, @Arg("x") Tensor x,
      @Arg(value = "level", dflt = "none") Double level, @Arg(value = "kind", dflt = "\"confidence\"") String kind) {
    if (!kind.equals("confidence") && !kind.equals("prediction")) {
      throw KernelException.of("optim.extrapolate: kind must be \"confidence\" or \"prediction\", got \"%s\"", kind);
    }
    double lvl = level == null ? fit.level : level;
    if (!(lvl > 0 && lvl < 1)) {
      throw KernelException.of("optim.extrapolate: level must be in (0, 1), got %s", lvl);
    }
    if (x.isComplex()) {
      throw KernelException.of("optim.extrapolate: x must be real");
    }
    return fit.extrapolate(x.raw().clone(), x.shape(), lvl, kind.equals("prediction"));
  }
}
