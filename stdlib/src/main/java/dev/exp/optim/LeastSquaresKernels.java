package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nonlinear least squares over a script residual function: Levenberg–Marquardt and Gauss–Newton. */
public final class LeastSquaresKernels {
  private LeastSquaresKernels() {}

  static final String REC = " Returns {x, cost (½‖r‖²), fun (the residuals r at x), jac, cov (s²(JᵀJ)⁻¹ with s² = "
      + "‖r‖²/(m − n), SciPy curve_fit's pcov; none when JᵀJ is singular or m ≤ n), stderr (√diag cov), "
      + "iterations, evaluations (residual calls, finite differences included), converged, message, history (cost "
      + "per iteration)}.";

  @Kernel(name = "optim.least_squares", doc = "Minimizes ½‖r(p)‖² over p from p0. residual(p) returns the vector "
      + "r (m values); jac(p) returns the m×n Jacobian (none, the default: central differences, 2n residual calls). "
      + "method \"lm\" (default): Levenberg–Marquardt with Marquardt's scaling (JᵀJ + λ·diag JᵀJ)δ = −Jᵀr and "
      + "Nielsen's damping update; \"gauss_newton\": undamped steps with halving. lower/upper bounds (numbers or "
      + "vectors): a parameter at a bound whose gradient points outward is held for the step (the step is solved in "
      + "the free parameters) and trial points are clipped. Stops when the projected ‖Jᵀr‖∞ ≤ gtol, the relative cost reduction ≤ ftol or the step "
      + "≤ xtol·(‖p‖ + xtol). Defaults ftol 1e-10, xtol 1e-10, gtol 1e-10, max_iter 200." + REC
      + " Example: optim.least_squares(p => p[0] * exp(-p[1] * t) - y, [1, 1])")
  public static Map<String, Object> leastSquares(@Arg("residual") Fn residual, @Arg("p0") Tensor p0,
      @Arg(value = "jac", dflt = "none") Fn jac, @Arg(value = "method", dflt = "\"lm\"") String method,
      @Arg(value = "lower", dflt = "none") Tensor lower, @Arg(value = "upper", dflt = "none") Tensor upper,
      @Arg(value = "ftol", dflt = "1e-10") double ftol, @Arg(value = "xtol", dflt = "1e-10") double xtol,
      @Arg(value = "gtol", dflt = "1e-10") double gtol, @Arg(value = "max_iter", dflt = "200") int maxIter,
      KernelContext ctx) {
    String fn = "optim.least_squares";
    if (!method.equals("lm") && !method.equals("gauss_newton")) {
      throw KernelException.of("%s: method must be \"lm\" or \"gauss_newton\", got \"%s\"", fn, method);
    }
    return run(residual, p0, jac, method.equals("gauss_newton"), lower, upper, ftol, xtol, gtol, maxIter, ctx, fn);
  }

  @Kernel(name = "optim.levenberg_marquardt", doc = "Levenberg–Marquardt for min ½‖r(p)‖²: optim.least_squares with "
      + "method \"lm\" and the default tolerances. jac: none for central differences." + REC
      + " Example: optim.levenberg_marquardt(p => model(x, p) - y, [1, 1, 0]).stderr")
  public static Map<String, Object> levenbergMarquardt(@Arg("residual") Fn residual, @Arg("p0") Tensor p0,
      @Arg(value = "jac", dflt = "none") Fn jac, @Arg(value = "max_iter", dflt = "200") int maxIter,
      KernelContext ctx) {
    return run(residual, p0, jac, false, null, null, 1e-10, 1e-10, 1e-10, maxIter, ctx, "optim.levenberg_marquardt");
  }

  static Map<String, Object> run(Fn residual, Tensor p0, Fn jac, boolean gn, Tensor lower, Tensor upper, double ftol,
      double xtol, double gtol, int maxIter, KernelContext ctx, String fn) {
    KernelContext c = MinimizeKernels.ctx(ctx);
    double[] p = MinimizeKernels.start(p0, fn);
    int n = p.length;
    int[] count = {0};
    int[] m = {-1};
    LeastSquares.Problem prob = new LeastSquares.Problem() {
      @Override
      public double[] residual(double[] q) {
        count[0]++;
        Object r = c.call(residual, Tensor.wrap(p0.shape(), q.clone()));
        double[] v = vector(r, fn, "residual");
        if (m[0] >= 0 && v.length != m[0]) {
          throw KernelException.of("%s: the residual returned %d values, earlier %d", fn, v.length, m[0]);
        }
        m[0] = v.length;
        return v;
      }

      @Override
      public double[] jacobian(double[] q, double[] r) {
        if (jac == null) {
          return LeastSquares.centralJacobian(this::residual, q, r.length);
        }
        Object j = c.call(jac, Tensor.wrap(p0.shape(), q.clone()));
        if (j instanceof Tensor t && !t.isComplex() && t.size() == r.length * n) {
          return t.raw().clone();
        }
        throw KernelException.of("%s: jac must return a %d×%d matrix (residuals × parameters), got %s", fn, r.length,
            n, Values.describe(j));
      }
    };
    LeastSquares.Options o = new LeastSquares.Options(gn, ftol, xtol, gtol, maxIter, bound(lower, n, fn, "lower"),
        bound(upper, n, fn, "upper"));
    LeastSquares.Fit f = LeastSquares.solve(prob, p, o, c);
    return record(f, p0.shape(), count[0]);
  }

  static Map<String, Object> record(LeastSquares.Fit f, int[] shape, int evaluations) {
    int n = f.p().length;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", Tensor.wrap(shape, f.p().clone()));
    r.put("cost", f.cost());
    r.put("fun", Tensor.wrap(new int[] {f.m()}, f.r().clone()));
    r.put("jac", Tensor.wrap(new int[] {f.m(), n}, f.jac().clone()));
    r.put("cov", f.cov() == null ? null : Tensor.wrap(new int[] {n, n}, f.cov().clone()));
    r.put("stderr", f.cov() == null ? null : Tensor.wrap(new int[] {n}, stderr(f.cov(), n)));
    r.put("iterations", (double) f.iterations());
    r.put("evaluations", (double) evaluations);
    r.put("converged", f.converged());
    r.put("message", f.message());
    r.put("history", Results.vector(f.history()));
    return r;
  }

  static double[] stderr(double[] cov, int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = Math.sqrt(Math.max(0, cov[i * n + i]));
    }
    return s;
  }

  static double[] vector(Object r, String fn, String what) {
    if (r instanceof Tensor t && !t.isComplex() && t.size() > 0) {
      return t.raw().clone();
    }
    if (r instanceof Number d) {
      return new double[] {d.doubleValue()};
    }
    throw KernelException.of("%s: the %s function must return a real vector, got %s", fn, what, Values.describe(r));
  }

  static double[] bound(Tensor b, int n, String fn, String name) {
    if (b == null) {
      return null;
    }
    if (b.size() == 1) {
      double[] v = new double[n];
      java.util.Arrays.fill(v, b.at(0));
      return v;
    }
    if (b.size() != n) {
      throw KernelException.of("%s: %s must be a number or have %d values (one per parameter), got %s", fn, name, n,
          Tensor.shapeString(b.shape()));
    }
    return b.raw().clone();
  }
}
