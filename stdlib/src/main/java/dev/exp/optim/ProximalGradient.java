package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proximal gradient methods for min f(x) + g(x) with f smooth: ISTA, FISTA (Beck &amp; Teboulle 2009,
 * with their backtracking rule L ← ηL until f(p) ≤ f(y) + ∇f(y)ᵀ(p − y) + L/2‖p − y‖²), and projected
 * gradient (g the indicator of a set, prox = projection).
 */
public final class ProximalGradient {
  private ProximalGradient() {}

  /** prox_{t·g}(v). */
  interface Prox {
    double[] apply(double[] v, double t);
  }

  static final String COMMON = " f(x) returns {value, grad} (or a number: central-difference gradient). step: a "
      + "fixed step 1/L; none (default) backtracks from L = 1 doubling L (Beck–Teboulle). Stops when the gradient "
      + "mapping ‖y − x⁺‖/t ≤ tol or after max_iter. Defaults tol 1e-6, max_iter 1000. Returns {x, fun, iterations, "
      + "evaluations, residuals (gradient-mapping norms), converged, reason, history (objective values)}.";

  @Kernel(name = "optim.ista", doc = "ISTA (proximal gradient) for min f(x) + g(x): x ← prox_{t·g}(x − t∇f(x)). g is "
      + "lam·‖x‖₁ (soft thresholding) unless prox(v, t) is given as a function returning prox_{t·g}(v); fun is "
      + "f + lam‖x‖₁ (f alone with a prox function)." + COMMON + " Example: optim.ista(ls, zeros([d]), lam: 0.1)")
  public static Map<String, Object> ista(@Arg("f") Fn f, @Arg("x0") Tensor x0, @Arg(value = "lam", dflt = "0") double lam,
      @Arg(value = "prox", dflt = "none") Fn prox, @Arg(value = "step", dflt = "none") Double step,
      @Arg(value = "tol", dflt = "1e-6") double tol, @Arg(value = "max_iter", dflt = "1000") int maxIter,
      KernelContext ctx) {
    return run(f, x0, lam, prox, step, tol, maxIter, false, false, ctx, "optim.ista");
  }

  @Kernel(name = "optim.fista", doc = "FISTA (accelerated proximal gradient, Beck & Teboulle 2009): the ISTA step at "
      + "the extrapolated point y = x_k + ((t_k − 1)/t_{k+1})(x_k − x_{k−1}), t_{k+1} = (1 + √(1 + 4t_k²))/2; "
      + "O(1/k²) in objective. g as in optim.ista (lam·‖x‖₁ or a prox function)." + COMMON
      + " Example: optim.fista(ls, zeros([d]), lam: 0.1).x")
  public static Map<String, Object> fista(@Arg("f") Fn f, @Arg("x0") Tensor x0,
      @Arg(value = "lam", dflt = "0") double lam, @Arg(value = "prox", dflt = "none") Fn prox,
      @Arg(value = "step", dflt = "none") Double step, @Arg(value = "tol", dflt = "1e-6") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    return run(f, x0, lam, prox, step, tol, maxIter, true, false, ctx, "optim.fista");
  }

  @Kernel(name = "optim.projected_gradient", doc = "Projected gradient descent for min f(x) over a convex set C: "
      + "x ← P_C(x − t∇f(x)), where project(x) returns P_C(x) (e.g. x => optim.project_simplex(x)). With "
      + "accelerate: true, the FISTA extrapolation is used." + COMMON + " Example: optim.projected_gradient(f, x0, x "
      + "=> optim.project_box(x, 0, 1))")
  public static Map<String, Object> projectedGradient(@Arg("f") Fn f, @Arg("x0") Tensor x0, @Arg("project") Fn project,
      @Arg(value = "step", dflt = "none") Double step, @Arg(value = "tol", dflt = "1e-6") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, @Arg(value = "accelerate", dflt = "false") boolean acc,
      KernelContext ctx) {
    return run(f, x0, 0, project, step, tol, maxIter, acc, true, ctx, "optim.projected_gradient");
  }

  static Map<String, Object> run(Fn f, Tensor x0, double lam, Fn proxFn, Double step, double tol, int maxIter,
      boolean accelerate, boolean projection, KernelContext ctx, String fn) {
    KernelContext c = MinimizeKernels.ctx(ctx);
    ProxKernels.nonNegative(lam, fn, "lam");
    if (step != null && !(step > 0)) {
      throw KernelException.of("%s: step must be > 0, got %s", fn, step);
    }
    int[] shape = x0.shape();
    Prox prox;
    if (proxFn != null) {
      prox = (v, t) -> {
        Object r = projection ? c.call(proxFn, Tensor.wrap(shape, v.clone()))
            : c.call(proxFn, Tensor.wrap(shape, v.clone()), t);
        if (r instanceof Tensor tt && !tt.isComplex() && tt.size() == v.length) {
          return tt.raw().clone();
        }
        throw KernelException.of("%s: %s must return a tensor of x's shape %s, got %s", fn,
            projection ? "project(x)" : "prox(v, t)", Tensor.shapeString(shape), Values.describe(r));
      };
    } else {
      prox = (v, t) -> {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          o[i] = Math.signum(v[i]) * Math.max(Math.abs(v[i]) - t * lam, 0);
        }
        return o;
      };
    }
    Objective obj = new Objective(f, ctx, shape, fn);
    double[] x = MinimizeKernels.start(x0, fn);
    if (projection) {
      x = prox.apply(x, 1);
    }
    double[] y = x.clone();
    double tk = 1;
    double lip = step == null ? 1 : 1 / step;
    List<Double> res = new ArrayList<>();
    List<Double> hist = new ArrayList<>();
    boolean lamPenalty = proxFn == null;
    hist.add(obj.value(x) + (lamPenalty ? lam * l1(x) : 0));
    int it = 0;
    boolean conv = false;
    String reason = "max_iter reached";
    while (it < maxIter) {
      c.poll();
      Objective.Eval ey = obj.eval(y);
      double[] p;
      while (true) {
        double t = 1 / lip;
        p = prox.apply(Vec.plus(y, -t, ey.grad()), t);
        if (step != null) {
          break;
        }
        double fp = obj.value(p);
        double[] d = Vec.minus(p, y);
        if (fp <= ey.value() + Vec.dot(ey.grad(), d) + lip / 2 * Vec.dot(d, d) * (1 + 1e-12) + 1e-300) {
          break;
        }
        lip *= 2;
        if (lip > 1e300) {
          throw KernelException.of("%s: backtracking found no step (f may be non-smooth or not finite)", fn);
        }
      }
      it++;
      double gm = Vec.dist(y, p) * lip;
      res.add(gm);
      double[] xOld = x;
      x = p;
      hist.add(obj.value(x) + (lamPenalty ? lam * l1(x) : 0));
      if (!Vec.finite(x)) {
        reason = "diverged: x is not finite";
        break;
      }
      if (gm <= tol) {
        conv = true;
        reason = "tolerance reached";
        break;
      }
      if (accelerate) {
        double tn = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
        double beta = (tk - 1) / tn;
        y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          y[i] = x[i] + beta * (x[i] - xOld[i]);
        }
        tk = tn;
      } else {
        y = x.clone();
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", Tensor.wrap(shape, x.clone()));
    r.put("fun", hist.get(hist.size() - 1));
    r.put("iterations", (double) it);
    r.put("evaluations", (double) obj.evaluations());
    r.put("residuals", Results.vector(res));
    r.put("converged", conv);
    r.put("reason", reason);
    r.put("history", Results.vector(hist));
    return r;
  }

  private static double l1(double[] x) {
    double s = 0;
    for (double v : x) {
      s += Math.abs(v);
    }
    return s;
  }
}
