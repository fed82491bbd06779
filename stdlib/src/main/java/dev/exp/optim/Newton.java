package dev.exp.optim;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Damped Newton: the step solves (H + τI)d = −g with the smallest τ ≥ 0 (0, then growing from
 * 1e-3·max|H_ii|) that makes the matrix positive definite (Nocedal &amp; Wright's Cholesky with added
 * multiple of the identity), followed by the strong-Wolfe line search from α = 1. H comes from a
 * script function or from central differences of the gradient (2n gradient calls, symmetrized).
 */
final class Newton {
  private Newton() {}

  static Map<String, Object> run(Objective obj, Fn hess, double[] x0, int[] shape, QuasiNewton.Options o,
      KernelContext ctx) {
    int n = x0.length;
    double[] x = x0.clone();
    Objective.Eval e = obj.eval(x);
    double f = e.value();
    double[] g = e.grad();
    List<Double> hist = new ArrayList<>();
    hist.add(f);
    int it = 0;
    boolean conv = false;
    String msg;
    while (true) {
      if (Vec.normInf(g) <= o.gtol()) {
        conv = true;
        msg = "gradient tolerance reached";
        break;
      }
      if (it >= o.maxIter()) {
        msg = "max_iter reached";
        break;
      }
      if (obj.evaluations() >= o.maxEvals()) {
        msg = "max_evals reached";
        break;
      }
      ctx.poll();
      double[] h = hess != null ? hessian(hess, obj.tensor(x), n, ctx) : fdHessian(obj, x, n);
      double[] d = direction(h, g, n);
      LineSearch.Result ls = LineSearch.strongWolfe(obj, x, f, g, d, 1, o.c1(), o.c2(),
          Math.max(1, Math.min(40, o.maxEvals() - obj.evaluations())));
      if (ls.alpha() == 0) {
        msg = "line search failed: " + ls.message();
        break;
      }
      it++;
      double fOld = f;
      x = ls.x();
      f = ls.f();
      g = ls.g();
      hist.add(f);
      if (Vec.normInf(g) > o.gtol()
          && (fOld - f) <= o.ftol() * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
        conv = true;
        msg = "relative reduction of f below ftol";
        break;
      }
    }
    return Results.optimizer(shape, x, f, g, it, obj.evaluations(), conv, msg, hist);
  }

  /** The Newton direction with the identity shift that makes H positive definite. */
  static double[] direction(double[] h, double[] g, int n) {
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, Math.abs(h[i * n + i]));
    }
    double tau = 0;
    for (int k = 0; k < 60; k++) {
      double[] l = Dense.cholesky(h, n, tau);
      if (l != null) {
        double[] d = Dense.cholSolve(l, n, g);
        Vec.scale(-1, d);
        return d;
      }
      tau = tau == 0 ? Math.max(1e-3 * maxDiag, 1e-8) : 4 * tau;
    }
    double[] d = g.clone();
    Vec.scale(-1, d);
    return d;
  }

  static double[] hessian(Fn hess, Tensor x, int n, KernelContext ctx) {
    Object r = ctx.call(hess, x);
    if (r instanceof Tensor t && !t.isComplex() && t.size() == n * n && (n == 1 || t.rank() == 2)) {
      return t.raw().clone();
    }
    if (r instanceof Number v && n == 1) {
      return new double[] {v.doubleValue()};
    }
    throw KernelException.of("optim.newton: hess must return an %d×%d matrix, got %s", n, n, Values.describe(r));
  }

  /** Central differences of the gradient, symmetrized. */
  static double[] fdHessian(Objective obj, double[] x, int n) {
    double[] h = new double[n * n];
    double[] xp = x.clone();
    for (int j = 0; j < n; j++) {
      double step = 1e-4 * Math.max(1, Math.abs(x[j]));
      xp[j] = x[j] + step;
      double[] gp = obj.eval(xp).grad();
      xp[j] = x[j] - step;
      double[] gm = obj.eval(xp).grad();
      xp[j] = x[j];
      for (int i = 0; i < n; i++) {
        h[i * n + j] = (gp[i] - gm[i]) / (2 * step);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double a = (h[i * n + j] + h[j * n + i]) / 2;
        h[i * n + j] = a;
        h[j * n + i] = a;
      }
    }
    return h;
  }
}
