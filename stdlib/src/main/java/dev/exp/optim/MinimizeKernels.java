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
 * Minimization drivers over a script objective: {@code optim.minimize} (first-order optimizers,
 * BFGS, L-BFGS, Newton), the quasi-Newton and Newton kernels themselves, the exposed strong-Wolfe
 * line search and the Rosenbrock test function.
 */
public final class MinimizeKernels {
  private MinimizeKernels() {}

  static final String F = " f(x) returns a record {value, grad} (analytic gradient) or a number (the gradient is "
      + "then taken by central differences, 2n extra calls, counted in evaluations).";
  static final String REC = " Returns {x, fun, grad, iterations, evaluations, converged, message, history (f after "
      + "each iteration)}; converged is false when max_iter or max_evals stopped it.";

  @Kernel(name = "optim.minimize", doc = "Minimizes f from x0. method: \"lbfgs\" (default), \"bfgs\", \"newton\", "
      + "or a first-order optimizer by name (\"gd\"/\"sgd\", \"momentum\", \"nesterov\", \"adagrad\", \"rmsprop\", "
      + "\"adam\", \"adamw\", \"lion\", \"sign_sgd\"; lr then sets its rate, its other hyper-parameters are PyTorch's "
      + "defaults) or an optimizer value (optim.adam(...)). First-order runs stop when ‖grad‖∞ ≤ gtol or after "
      + "max_iter steps. Defaults gtol 1e-5, max_iter 1000 (15000 for lbfgs), lower/upper none (bounds, lbfgs "
      + "only)." + F + REC + " Example: optim.minimize(optim.rosenbrock, [-1.2, 1], method: \"bfgs\")")
  public static Map<String, Object> minimize(@Arg("f") Fn f, @Arg("x0") Tensor x0,
      @Arg(value = "method", dflt = "\"lbfgs\"") Object method, @Arg(value = "lr", dflt = "none") Object lr,
      @Arg(value = "gtol", dflt = "1e-5") double gtol, @Arg(value = "max_iter", dflt = "none") Integer maxIter,
      @Arg(value = "lower", dflt = "none") Tensor lower, @Arg(value = "upper", dflt = "none") Tensor upper,
      KernelContext ctx) {
    String fn = "optim.minimize";
    if (method instanceof Optimizer opt) {
      return firstOrder(f, x0, opt, gtol, maxIter == null ? 1000 : maxIter, ctx, fn);
    }
    if (!(method instanceof String m)) {
      throw KernelException.of("%s: method must be a name or an optimizer value, got %s", fn, Values.describe(method));
    }
    switch (m) {
      case "lbfgs" -> {
        return lbfgs(f, x0, 10, gtol, 2.220446049250313e-9, maxIter == null ? 15000 : maxIter, 15000, lower, upper,
            ctx);
      }
      case "bfgs" -> {
        noBounds(fn, m, lower, upper);
        return bfgs(f, x0, gtol, maxIter == null ? 200 * Math.max(1, x0.size()) : maxIter, ctx);
      }
      case "newton" -> {
        noBounds(fn, m, lower, upper);
        return newton(f, x0, null, gtol, maxIter == null ? 200 : maxIter, ctx);
      }
      default -> {
        noBounds(fn, m, lower, upper);
        Optimizer opt = byName(m, lr, fn);
        return firstOrder(f, x0, opt, gtol, maxIter == null ? 1000 : maxIter, ctx, fn);
      }
    }
  }

  @Kernel(name = "optim.bfgs", doc = "BFGS with a dense inverse-Hessian update (H0 = I, as SciPy) "
      + "and the strong-Wolfe line search (c1 1e-4, c2 0.9); stops when ‖grad‖∞ ≤ gtol. Defaults gtol "
      + "1e-5, max_iter 200·n." + F + REC + " Example: optim.bfgs(optim.rosenbrock, [-1.2, 1])")
  public static Map<String, Object> bfgs(@Arg("f") Fn f, @Arg("x0") Tensor x0,
      @Arg(value = "gtol", dflt = "1e-5") double gtol, @Arg(value = "max_iter", dflt = "none") Integer maxIter,
      KernelContext ctx) {
    double[] x = start(x0, "optim.bfgs");
    int mi = maxIter == null ? 200 * Math.max(1, x.length) : maxIter;
    QuasiNewton.Options o = new QuasiNewton.Options(gtol, 0, mi, Integer.MAX_VALUE, 0, 1e-4, 0.9, null, null);
    return QuasiNewton.bfgs(new Objective(f, ctx, x0.shape(), "optim.bfgs"), x, x0.shape(), o, ctx(ctx));
  }

  @Kernel(name = "optim.lbfgs", doc = "Limited-memory BFGS (two-loop recursion, memory m, initial scaling sᵀy/yᵀy) "
      + "with the strong-Wolfe line search (c1 1e-4, c2 0.9), first step 1/‖g‖. Stops as SciPy's L-BFGS-B: "
      + "projected ‖grad‖∞ ≤ gtol, or relative reduction (f_k − f_k+1)/max(|f_k|, |f_k+1|, 1) ≤ ftol (converged, "
      + "with that message), or max_iter / max_evals (not converged). With lower/upper bounds (numbers or tensors "
      + "of x0's shape) it runs projected L-BFGS: variables at a bound with the gradient pushing outward are held, "
      + "the step is a projected Armijo backtracking search (not SciPy's Cauchy-point L-BFGS-B, but the same "
      + "stopping test). Defaults m 10, gtol 1e-5, ftol 2.22e-9, max_iter 15000, max_evals 15000." + F + REC
      + " Example: optim.lbfgs(optim.rosenbrock, zeros([100]))")
  public static Map<String, Object> lbfgs(@Arg("f") Fn f, @Arg("x0") Tensor x0, @Arg(value = "m", dflt = "10") int m,
      @Arg(value = "gtol", dflt = "1e-5") double gtol, @Arg(value = "ftol", dflt = "2.220446049250313e-9") double ftol,
      @Arg(value = "max_iter", dflt = "15000") int maxIter, @Arg(value = "max_evals", dflt = "15000") int maxEvals,
      @Arg(value = "lower", dflt = "none") Tensor lower, @Arg(value = "upper", dflt = "none") Tensor upper,
      KernelContext ctx) {
    String fn = "optim.lbfgs";
    double[] x = start(x0, fn);
    if (m < 1) {
      throw KernelException.of("%s: the memory m must be >= 1, got %d", fn, m);
    }
    double[] lo = bound(lower, x0, fn, "lower");
    double[] hi = bound(upper, x0, fn, "upper");
    if (lo != null && hi != null) {
      for (int i = 0; i < lo.length; i++) {
        if (lo[i] > hi[i]) {
          throw KernelException.of("%s: lower[%d] = %s is above upper[%d] = %s", fn, i, lo[i], i, hi[i]);
        }
      }
    }
    QuasiNewton.Options o = new QuasiNewton.Options(gtol, ftol, maxIter, maxEvals, m, 1e-4, 0.9, lo, hi);
    return QuasiNewton.lbfgs(new Objective(f, ctx, x0.shape(), fn), x, x0.shape(), o, ctx(ctx));
  }

  @Kernel(name = "optim.newton", doc = "Damped Newton's method: solves (H + τI)d = −g with the smallest shift τ ≥ 0 "
      + "that makes H + τI positive definite, then a strong-Wolfe line search from α = 1 (quadratic convergence "
      + "near a minimum with positive definite Hessian). hess(x) returns the n×n Hessian; without it (none, the "
      + "default) H is taken by central differences of the gradient (2n evaluations per iteration). Defaults gtol "
      + "1e-5, max_iter 200." + F + REC + " Example: optim.newton(optim.rosenbrock, [-1.2, 1])")
  public static Map<String, Object> newton(@Arg("f") Fn f, @Arg("x0") Tensor x0,
      @Arg(value = "hess", dflt = "none") Fn hess, @Arg(value = "gtol", dflt = "1e-5") double gtol,
      @Arg(value = "max_iter", dflt = "200") int maxIter, KernelContext ctx) {
    String fn = "optim.newton";
    double[] x = start(x0, fn);
    QuasiNewton.Options o = new QuasiNewton.Options(gtol, 0, maxIter, Integer.MAX_VALUE, 0, 1e-4, 0.9, null, null);
    return Newton.run(new Objective(f, ctx, x0.shape(), fn), hess, x, x0.shape(), o, ctx(ctx));
  }

  @Kernel(name = "optim.line_search", doc = "The strong-Wolfe line search (Nocedal & Wright Algorithms 3.5–3.6, "
      + "cubic interpolation) along a descent direction d from x: finds α with f(x + αd) ≤ f(x) + c1·α·∇f(x)ᵀd and "
      + "|∇f(x + αd)ᵀd| ≤ c2·|∇f(x)ᵀd|. Defaults alpha0 1, c1 1e-4, c2 0.9, max_evals 40. Returns {alpha, x, fun, "
      + "grad, evaluations, success, message}." + F + " Example: optim.line_search(optim.rosenbrock, [-1.2, 1], "
      + "[1, 0])")
  public static Map<String, Object> lineSearch(@Arg("f") Fn f, @Arg("x") Tensor x, @Arg("d") Tensor d,
      @Arg(value = "alpha0", dflt = "1") double alpha0, @Arg(value = "c1", dflt = "1e-4") double c1,
      @Arg(value = "c2", dflt = "0.9") double c2, @Arg(value = "max_evals", dflt = "40") int maxEvals,
      KernelContext ctx) {
    String fn = "optim.line_search";
    double[] xv = start(x, fn);
    if (!d.sameShape(x) || d.isComplex()) {
      throw KernelException.of("%s: d must have x's shape %s, got %s", fn, Tensor.shapeString(x.shape()),
          Tensor.shapeString(d.shape()));
    }
    if (!(0 < c1 && c1 < c2 && c2 < 1)) {
      throw KernelException.of("%s: need 0 < c1 < c2 < 1, got c1 %s, c2 %s", fn, c1, c2);
    }
    Objective obj = new Objective(f, ctx, x.shape(), fn);
    Objective.Eval e = obj.eval(xv);
    LineSearch.Result r = LineSearch.strongWolfe(obj, xv, e.value(), e.grad(), d.raw().clone(), alpha0, c1, c2,
        maxEvals);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("alpha", r.alpha());
    m.put("x", Tensor.wrap(x.shape(), r.x().clone()));
    m.put("fun", r.f());
    m.put("grad", Tensor.wrap(x.shape(), r.g().clone()));
    m.put("evaluations", (double) obj.evaluations());
    m.put("success", r.ok());
    m.put("message", r.message());
    return m;
  }

  @Kernel(name = "optim.rosenbrock", doc = "The Rosenbrock function f(x) = Σ 100(x_{i+1} − x_i²)² + (1 − x_i)² "
      + "(SciPy's rosen) with its gradient, as the record {value, grad}; minimum 0 at x = 1. Example: "
      + "optim.rosenbrock([1, 1]).value is 0")
  public static Map<String, Object> rosenbrock(@Arg("x") Tensor x) {
    double[] v = x.raw();
    int n = v.length;
    if (n < 2) {
      throw KernelException.of("optim.rosenbrock: x needs at least 2 values, got %d", n);
    }
    double f = 0;
    double[] g = new double[n];
    for (int i = 0; i < n - 1; i++) {
      double a = v[i + 1] - v[i] * v[i];
      double b = 1 - v[i];
      f += 100 * a * a + b * b;
      g[i] += -400 * v[i] * a - 2 * b;
      g[i + 1] += 200 * a;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("value", f);
    r.put("grad", Tensor.wrap(x.shape(), g));
    return r;
  }

  static Map<String, Object> firstOrder(Fn f, Tensor x0, Optimizer opt, double gtol, int maxIter, KernelContext ctx,
      String fn) {
    double[] x = start(x0, fn);
    KernelContext c = ctx(ctx);
    Objective obj = new Objective(f, ctx, x0.shape(), fn);
    Optimizer.State s = new Optimizer.State(x.length, opt);
    List<Double> hist = new ArrayList<>();
    Objective.Eval e = obj.eval(x);
    hist.add(e.value());
    int it = 0;
    boolean conv = false;
    String msg = "max_iter reached";
    while (true) {
      if (Vec.normInf(e.grad()) <= gtol) {
        conv = true;
        msg = "gradient tolerance reached";
        break;
      }
      if (!Double.isFinite(e.value()) || !Vec.finite(x)) {
        msg = "diverged: f or x is not finite";
        break;
      }
      if (it >= maxIter) {
        break;
      }
      c.poll();
      opt.step(x, e.grad(), s);
      it++;
      e = obj.eval(x);
      hist.add(e.value());
    }
    return Results.optimizer(x0.shape(), x, e.value(), e.grad(), it, obj.evaluations(), conv, msg, hist);
  }

  static Optimizer byName(String m, Object lr, String fn) {
    boolean needLr = m.equals("gd") || m.equals("sgd") || m.equals("momentum") || m.equals("nesterov")
        || m.equals("sign_sgd");
    if (needLr && lr == null) {
      throw KernelException.of("%s: method \"%s\" needs lr (a number or a schedule)", fn, m);
    }
    return switch (m) {
      case "gd", "sgd" -> OptimizerKernels.sgd(lr, 0, 0, false, 0);
      case "momentum" -> OptimizerKernels.momentum(lr, 0.9, 0);
      case "nesterov" -> OptimizerKernels.nesterov(lr, 0.9, 0);
      case "adagrad" -> OptimizerKernels.adagrad(lr == null ? 0.01 : lr, 0, 0, 0, 1e-10);
      case "rmsprop" -> OptimizerKernels.rmsprop(lr == null ? 0.01 : lr, 0.99, 1e-8, 0, 0, false);
      case "adam" -> OptimizerKernels.adam(lr == null ? 1e-3 : lr, 0.9, 0.999, 1e-8, 0, false);
      case "adamw" -> OptimizerKernels.adamw(lr == null ? 1e-3 : lr, 0.9, 0.999, 1e-8, 0.01, false);
      case "lion" -> OptimizerKernels.lion(lr == null ? 1e-4 : lr, 0.9, 0.99, 0);
      case "sign_sgd" -> OptimizerKernels.signSgd(lr, 0);
      default -> throw KernelException.of("%s: unknown method \"%s\" (lbfgs, bfgs, newton, gd, sgd, momentum, "
          + "nesterov, adagrad, rmsprop, adam, adamw, lion, sign_sgd, or an optimizer value)", fn, m);
    };
  }

  static double[] start(Tensor x0, String fn) {
    if (x0.isComplex() || x0.size() == 0) {
      throw KernelException.of("%s: x0 must be a non-empty real tensor, got %s", fn, Values.describe(x0));
    }
    double[] x = x0.raw().clone();
    if (!Vec.finite(x)) {
      throw KernelException.of("%s: x0 has a non-finite value", fn);
    }
    return x;
  }

  private static double[] bound(Tensor b, Tensor x0, String fn, String name) {
    if (b == null) {
      return null;
    }
    if (b.size() == 1) {
      double[] v = new double[x0.size()];
      java.util.Arrays.fill(v, b.at(0));
      return v;
    }
    if (b.size() != x0.size()) {
      throw KernelException.of("%s: %s must be a number or have x0's %d values, got %s", fn, name, x0.size(),
          Tensor.shapeString(b.shape()));
    }
    return b.raw().clone();
  }

  private static void noBounds(String fn, String m, Tensor lower, Tensor upper) {
    if (lower != null || upper != null) {
      throw KernelException.of("%s: bounds (lower/upper) work with method \"lbfgs\" only, not \"%s\"", fn, m);
    }
  }

  static KernelContext ctx(KernelContext ctx) {
    return ctx == null ? KernelContext.NONE : ctx;
  }
}
