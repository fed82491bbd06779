package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hessian-vector products by central differences of a gradient function, and inverse-HVPs by
 * conjugate gradients or LiSSA (Agarwal et al. 2017) on top of them.
 */
public final class Curvature {
  private Curvature() {}

  @Kernel(name = "optim.hvp", doc = "The Hessian-vector product H(x)·v by central differences of the gradient: "
      + "(∇f(x + εv) − ∇f(x − εv))/(2ε) with ε = eps·max(1, ‖x‖)/‖v‖ (2 gradient calls; exact for quadratics up to "
      + "rounding, O(ε²) otherwise). grad(x) returns ∇f(x) as a tensor, or a record {value, grad}. Default eps 1e-5. "
      + "Example: optim.hvp(x => A @ x, x0, v) equals A @ v")
  public static Tensor hvp(@Arg("grad") Fn grad, @Arg("x") Tensor x, @Arg("v") Tensor v,
      @Arg(value = "eps", dflt = "1e-5") double eps, KernelContext ctx) {
    String fn = "optim.hvp";
    Grad g = new Grad(grad, x, MinimizeKernels.ctx(ctx), fn);
    check(x, v, fn);
    return Tensor.wrap(x.shape(), g.hvp(x.raw().clone(), v.raw().clone(), eps));
  }

  @Kernel(name = "optim.inverse_hvp", doc = "Solves (H(x) + damping·I)s = v for s with finite-difference HVPs (as "
      + "optim.hvp). method \"cg\" (default): conjugate gradients (H + damping·I must be positive definite), stops "
      + "when ‖r‖ ≤ tol·‖v‖; \"lissa\": the LiSSA recursion s ← v + (I − (H + damping·I)/scale)s, answer s/scale, "
      + "which converges when scale exceeds the largest eigenvalue (stops when the update is ≤ tol·‖s‖). Defaults "
      + "damping 0, scale 10, tol 1e-8, max_iter 1000, eps 1e-5. Returns {x (the solution s), iterations, residuals, "
      + "converged, reason, evaluations (gradient calls)}. Example: optim.inverse_hvp(grad_loss, theta, g_test, "
      + "damping: 0.01)")
  public static Map<String, Object> inverseHvp(@Arg("grad") Fn grad, @Arg("x") Tensor x, @Arg("v") Tensor v,
      @Arg(value = "method", dflt = "\"cg\"") String method, @Arg(value = "damping", dflt = "0") double damping,
      @Arg(value = "scale", dflt = "10") double scale, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, @Arg(value = "eps", dflt = "1e-5") double eps,
      KernelContext ctx) {
    String fn = "optim.inverse_hvp";
    KernelContext c = MinimizeKernels.ctx(ctx);
    check(x, v, fn);
    if (!method.equals("cg") && !method.equals("lissa")) {
      throw KernelException.of("%s: method must be \"cg\" or \"lissa\", got \"%s\"", fn, method);
    }
    if (!(scale > 0)) {
      throw KernelException.of("%s: scale must be > 0, got %s", fn, scale);
    }
    Grad g = new Grad(grad, x, c, fn);
    double[] xv = x.raw().clone();
    double[] b = v.raw().clone();
    int n = b.length;
    List<Double> res = new ArrayList<>();
    double bn = Vec.norm(b);
    if (method.equals("cg")) {
      double[] s = new double[n];
      double[] r = b.clone();
      double[] p = r.clone();
      double rr = Vec.dot(r, r);
      res.add(Math.sqrt(rr));
      for (int k = 0; k < maxIter; k++) {
        if (Math.sqrt(rr) <= tol * bn) {
          return Results.iterative(Tensor.wrap(x.shape(), s), k, res, true, "tolerance reached", g.calls);
        }
        c.poll();
        double[] hp = g.hvp(xv, p, eps);
        Vec.axpy(damping, p, hp);
        double php = Vec.dot(p, hp);
        if (!(php > 0)) {
          return Results.iterative(Tensor.wrap(x.shape(), s), k, res, false,
              "breakdown: H + damping·I is not positive definite along a search direction (pᵀHp = " + Numbers.format(php) + ")",
              g.calls);
        }
        double alpha = rr / php;
        Vec.axpy(alpha, p, s);
        Vec.axpy(-alpha, hp, r);
        double rrNew = Vec.dot(r, r);
        res.add(Math.sqrt(rrNew));
        double beta = rrNew / rr;
        rr = rrNew;
        for (int i = 0; i < n; i++) {
          p[i] = r[i] + beta * p[i];
        }
      }
      boolean ok = Math.sqrt(rr) <= tol * bn;
      return Results.iterative(Tensor.wrap(x.shape(), s), maxIter, res, ok, ok ? "tolerance reached"
          : "max_iter reached", g.calls);
    }
    double[] s = b.clone();
    for (int k = 0; k < maxIter; k++) {
      c.poll();
      double[] hs = g.hvp(xv, s, eps);
      double[] next = new double[n];
      double diff = 0;
      for (int i = 0; i < n; i++) {
        next[i] = b[i] + s[i] - (hs[i] + damping * s[i]) / scale;
        diff += (next[i] - s[i]) * (next[i] - s[i]);
      }
      s = next;
      double d = Math.sqrt(diff) / scale;
      res.add(d);
      if (!Vec.finite(s)) {
        return Results.iterative(Tensor.wrap(x.shape(), s), k + 1, res, false,
            "diverged: scale must exceed the largest eigenvalue of H + damping·I", g.calls);
      }
      if (d <= tol * Vec.norm(s) / scale) {
        Vec.scale(1 / scale, s);
        return Results.iterative(Tensor.wrap(x.shape(), s), k + 1, res, true, "tolerance reached", g.calls);
      }
    }
    Vec.scale(1 / scale, s);
    return Results.iterative(Tensor.wrap(x.shape(), s), maxIter, res, false, "max_iter reached", g.calls);
  }

  private static void check(Tensor x, Tensor v, String fn) {
    if (x.isComplex() || v.isComplex() || x.size() != v.size()) {
      throw KernelException.of("%s: x and v must be real with the same number of values, got %s and %s", fn,
          Tensor.shapeString(x.shape()), Tensor.shapeString(v.shape()));
    }
  }

  /** A gradient function of x (a tensor, or a record with grad). */
  static final class Grad {
    private final Fn f;
    private final int[] shape;
    private final KernelContext ctx;
    private final String fn;
    int calls;

    Grad(Fn f, Tensor x, KernelContext ctx, String fn) {
      this.f = f;
      this.shape = x.shape();
      this.ctx = ctx;
      this.fn = fn;
    }

    double[] at(double[] x) {
      calls++;
      Object r = ctx.call(f, Tensor.wrap(shape, x.clone()));
      if (r instanceof Map<?, ?> m) {
        r = m.get("grad");
      }
      if (r instanceof Tensor t && !t.isComplex() && t.size() == x.length) {
        return t.raw().clone();
      }
      throw KernelException.of("%s: grad(x) must return a tensor of x's shape %s (or a record with grad), got %s", fn,
          Tensor.shapeString(shape), Values.describe(r));
    }

    double[] hvp(double[] x, double[] v, double eps) {
      double vn = Vec.norm(v);
      if (vn == 0) {
        return new double[x.length];
      }
      double e = eps * Math.max(1, Vec.norm(x)) / vn;
      double[] gp = at(Vec.plus(x, e, v));
      double[] gm = at(Vec.plus(x, -e, v));
      double[] h = new double[x.length];
      for (int i = 0; i < h.length; i++) {
        h[i] = (gp[i] - gm[i]) / (2 * e);
      }
      return h;
    }
  }
}
