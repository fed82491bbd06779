package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fixed-point iterations for x = T(x): Picard, Krasnoselskii–Mann averaging, Anderson acceleration
 * (type II, depth m) and Halpern's anchored iteration.
 */
public final class FixedPoint {
  private FixedPoint() {}

  static final String REC = " Returns {x, iterations, residuals (‖x_k − T(x_k)‖₂ for k = 0, 1, ...), converged, "
      + "reason, evaluations (calls of T)}; converged when the residual ≤ tol.";

  @Kernel(name = "optim.fixed_point", doc = "Solves x = T(x) from x0. method \"picard\": x ← T(x) (converges for a "
      + "contraction); \"km\" (Krasnoselskii–Mann): x ← (1 − lam)x + lam·T(x), which converges for any nonexpansive T "
      + "with ‖x − Tx‖ = o(1/√k); \"anderson\": Anderson acceleration (type II) mixing the last m residuals by least "
      + "squares (a Tikhonov-regularized solve), with the KM weight lam. Defaults method \"picard\", lam 0.5 "
      + "(km/anderson), m 5, tol 1e-8, max_iter 1000." + REC + " Example: optim.fixed_point(x => cos(x), [1], "
      + "method: \"anderson\")")
  public static Map<String, Object> fixedPoint(@Arg("T") Fn t, @Arg("x0") Tensor x0,
      @Arg(value = "method", dflt = "\"picard\"") String method, @Arg(value = "lam", dflt = "0.5") double lam,
      @Arg(value = "m", dflt = "5") int m, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    String fn = "optim.fixed_point";
    if (!method.equals("picard") && !method.equals("km") && !method.equals("anderson")) {
      throw KernelException.of("%s: method must be \"picard\", \"km\" or \"anderson\", got \"%s\"", fn, method);
    }
    if (!(lam > 0 && lam <= 1)) {
      throw KernelException.of("%s: lam must be in (0, 1], got %s", fn, lam);
    }
    if (m < 1) {
      throw KernelException.of("%s: m must be >= 1, got %d", fn, m);
    }
    KernelContext c = MinimizeKernels.ctx(ctx);
    Op op = new Op(t, x0.shape(), c, fn);
    double[] x = MinimizeKernels.start(x0, fn);
    double w = method.equals("picard") ? 1 : lam;
    List<Double> res = new ArrayList<>();
    List<double[]> dfs = new ArrayList<>();
    List<double[]> dgs = new ArrayList<>();
    double[] fPrev = null;
    double[] gPrev = null;
    int it = 0;
    while (true) {
      double[] tx = op.apply(x);
      double[] f = Vec.minus(tx, x);
      double r = Vec.norm(f);
      res.add(r);
      if (!Double.isFinite(r)) {
        return Results.iterative(tensor(x, x0), it, res, false, "diverged: the residual is not finite", op.calls);
      }
      if (r <= tol) {
        return Results.iterative(tensor(x, x0), it, res, true, "tolerance reached", op.calls);
      }
      if (it >= maxIter) {
        return Results.iterative(tensor(x, x0), it, res, false, "max_iter reached", op.calls);
      }
      c.poll();
      // g = x + w f is the (averaged) map; Anderson mixes g's
      double[] g = Vec.plus(x, w, f);
      if (method.equals("anderson") && fPrev != null) {
        dfs.add(Vec.minus(f, fPrev));
        dgs.add(Vec.minus(g, gPrev));
        if (dfs.size() > m) {
          dfs.remove(0);
          dgs.remove(0);
        }
        double[] gamma = leastSquares(dfs, f);
        double[] xn = g.clone();
        for (int j = 0; j < gamma.length; j++) {
          Vec.axpy(-gamma[j], dgs.get(j), xn);
        }
        fPrev = f;
        gPrev = g;
        x = xn;
      } else {
        fPrev = f;
        gPrev = g;
        x = g;
      }
      it++;
    }
  }

  @Kernel(name = "optim.halpern", doc = "Halpern's anchored iteration for x = T(x) with T nonexpansive: x_{k+1} = "
      + "β_k·anchor + (1 − β_k)·T(x_k) with β_k = 1/(k + 2) (the optimal anchoring: ‖x_k − T x_k‖ ≤ 2‖x0 − x*‖/(k + "
      + "1)). anchor defaults to x0. Defaults tol 1e-8, max_iter 1000." + REC + " Example: optim.halpern(z => J @ z, "
      + "z0, max_iter: 10000).residuals")
  public static Map<String, Object> halpern(@Arg("T") Fn t, @Arg("x0") Tensor x0,
      @Arg(value = "anchor", dflt = "none") Tensor anchor, @Arg(value = "tol", dflt = "1e-8") double tol,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, KernelContext ctx) {
    String fn = "optim.halpern";
    KernelContext c = MinimizeKernels.ctx(ctx);
    Op op = new Op(t, x0.shape(), c, fn);
    double[] x = MinimizeKernels.start(x0, fn);
    double[] a = anchor == null ? x.clone() : anchor.raw().clone();
    if (a.length != x.length) {
      throw KernelException.of("%s: anchor must have x0's %d values, got %d", fn, x.length, a.length);
    }
    List<Double> res = new ArrayList<>();
    int k = 0;
    while (true) {
      double[] tx = op.apply(x);
      double r = Vec.dist(tx, x);
      res.add(r);
      if (!Double.isFinite(r)) {
        return Results.iterative(tensor(x, x0), k, res, false, "diverged: the residual is not finite", op.calls);
      }
      if (r <= tol) {
        return Results.iterative(tensor(x, x0), k, res, true, "tolerance reached", op.calls);
      }
      if (k >= maxIter) {
        return Results.iterative(tensor(x, x0), k, res, false, "max_iter reached", op.calls);
      }
      c.poll();
      double beta = 1.0 / (k + 2);
      for (int i = 0; i < x.length; i++) {
        x[i] = beta * a[i] + (1 - beta) * tx[i];
      }
      k++;
    }
  }

  /** argmin_γ ‖f − Σ γ_j df_j‖ by regularized normal equations. */
  static double[] leastSquares(List<double[]> dfs, double[] f) {
    int p = dfs.size();
    double[] a = new double[p * p];
    double[] b = new double[p];
    double tr = 0;
    for (int i = 0; i < p; i++) {
      b[i] = Vec.dot(dfs.get(i), f);
      for (int j = 0; j <= i; j++) {
        double v = Vec.dot(dfs.get(i), dfs.get(j));
        a[i * p + j] = v;
        a[j * p + i] = v;
      }
      tr += a[i * p + i];
    }
    double[] l = Dense.cholesky(a, p, 1e-10 * Math.max(tr, 1e-300));
    if (l == null) {
      return new double[p];
    }
    return Dense.cholSolve(l, p, b);
  }

  static Tensor tensor(double[] x, Tensor like) {
    return Tensor.wrap(like.shape(), x.clone());
  }

  /** A script map T called through the context, counting calls. */
  static final class Op {
    private final Fn f;
    private final int[] shape;
    private final KernelContext ctx;
    private final String fn;
    int calls;

    Op(Fn f, int[] shape, KernelContext ctx, String fn) {
      this.f = f;
      this.shape = shape;
      this.ctx = ctx;
      this.fn = fn;
    }

    double[] apply(double[] x, Object... more) {
      return applyShaped(x, shape, more);
    }

    /** f(x, more...) required to have the shape out. */
    double[] applyShaped(double[] x, int[] out, Object... more) {
      calls++;
      Object[] args = new Object[1 + more.length];
      args[0] = Tensor.wrap(shape, x.clone());
      System.arraycopy(more, 0, args, 1, more.length);
      Object r = ctx.call(f, args);
      int n = 1;
      for (int d : out) {
        n *= d;
      }
      if (r instanceof Tensor t && !t.isComplex() && t.size() == n) {
        return t.raw().clone();
      }
      if (r instanceof Number d && n == 1) {
        return new double[] {d.doubleValue()};
      }
      throw KernelException.of("%s: the function must return a tensor of shape %s, got %s", fn,
          Tensor.shapeString(out), Values.describe(r));
    }
  }
}
