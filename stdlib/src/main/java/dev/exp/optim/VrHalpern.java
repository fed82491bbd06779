package dev.exp.optim;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variance-reduced Halpern iteration for a finite sum F = (1/n)Σ F_i (kernels.md S07, after Cai,
 * Alacaoglu and Diakonikolas, "Variance Reduced Halpern Iteration for Finite-Sum Monotone
 * Inclusions", ICLR 2024). Two forms: "forward" for cocoercive F, the Halpern step on T = I − ηF with a
 * PAGE-type recursive estimator of F; "resolvent" for monotone Lipschitz F, the Halpern step on an
 * inexact resolvent J_{ηF}, each resolvent computed by a loopless-SVRG extragradient inner solver on
 * the 1-strongly monotone G(u) = u − x + ηF(u). Every full evaluation of F gives an exact residual,
 * which alone decides convergence; component evaluations are counted.
 */
public final class VrHalpern {
  private VrHalpern() {}

  /** A cap on the iterations of one inner resolvent solve (its exact residual is logged either way). */
  static final int INNER_MAX = 100_000;

  /** One text for both forms (F a function or a stack of matrices): help shows it once. */
  private static final String DOC = "Variance-reduced Halpern iteration for 0 = F(x) with F = (1/n)Σ_i F_i "
      + "(Cai, Alacaoglu and Diakonikolas 2024). F(x, i) returns the component F_i(x), i = 0..n−1 (or F is a stack of "
      + "n matrices [n, D, D] and F_i(x) = F[i] @ x, evaluated without script calls); x_{k+1} = "
      + "β_k·anchor + (1 − β_k)·T̃(x_k), β_k = 1/(k + 2), anchor x0 (reset to the current point every restart "
      + "iterations when restart > 0). method \"forward\" (F cocoercive, eta ≤ 1/L): T̃x = x − eta·v with the "
      + "PAGE estimator v — with probability p (default batch/(n + batch)) a full F(x) (n component evaluations), "
      + "otherwise v ← v + (1/batch)Σ_{i∈B}(F_i(x_k) − F_i(x_{k−1})) over batch indices drawn with replacement "
      + "(default batch ⌈√n⌉). method \"resolvent\" (F monotone, components L-Lipschitz on average): T̃x ≈ J(x), "
      + "J = (I + eta·F)⁻¹, by a loopless-SVRG extragradient on G(u) = u − x + eta·F(u) (snapshot probability 1/n, "
      + "step 0.5·√(1/n)/(1 + eta·L)), warm-started, stopped when the exact ‖G(u)‖ ≤ inner·‖x − u_prev‖/(k + 2) "
      + "(‖u − J(x)‖ ≤ ‖G(u)‖ as G is 1-strongly monotone). vr false replaces the estimators by full evaluations "
      + "(plain Halpern, resp. deterministic extragradient inside) for comparison. Defaults method \"forward\", eta "
      + "1, L 1, batch none, p none, inner 0.1, restart 0, vr true, tol 1e-6, max_iter 10000, max_evals none, seed "
      + "none. Returns {x, iterations, residuals (exact ‖F‖₂ at each full evaluation: at x_k (forward; also after "
      + "the last step) or at the resolvent point u_k ≈ J(x_k) (resolvent; note ‖x − J(x)‖ = eta·‖F(J(x))‖)), "
      + "residual_evaluations "
      + "(component evaluations spent when each residual was taken), residual_iterations, converged (an exact "
      + "residual ≤ tol), reason, evaluations (component calls F_i)}; x is the point of the last residual. "
      + "Example: optim.vr_halpern((z, i) => M[i] @ z, 20, z0, method: \"resolvent\", tol: 1e-2)";

  @Kernel(name = "optim.vr_halpern", doc = DOC)
  public static Map<String, Object> vrHalpern(@Arg("F") Fn f, @Arg("n") int n, @Arg("x0") Tensor x0,
      @Arg(value = "method", dflt = "\"forward\"") String method, @Arg(value = "eta", dflt = "1") double eta,
      @Arg(value = "L", dflt = "1") double lip, @Arg(value = "batch", dflt = "none") Integer batch,
      @Arg(value = "p", dflt = "none") Double p, @Arg(value = "inner", dflt = "0.1") double inner,
      @Arg(value = "restart", dflt = "0") int restart, @Arg(value = "vr", dflt = "true") boolean vr,
      @Arg(value = "tol", dflt = "1e-6") double tol, @Arg(value = "max_iter", dflt = "10000") int maxIter,
      @Arg(value = "max_evals", dflt = "none") Integer maxEvals, @Arg(value = "seed", dflt = "none") Rng rng,
      KernelContext ctx) {
    return run(f, n, x0, method, eta, lip, batch, p, inner, restart, vr, tol, maxIter, maxEvals, rng, ctx);
  }

  @Kernel(name = "optim.vr_halpern", doc = DOC)
  public static Map<String, Object> vrHalpern(@Arg("F") Tensor f, @Arg("n") int n, @Arg("x0") Tensor x0,
      @Arg(value = "method", dflt = "\"forward\"") String method, @Arg(value = "eta", dflt = "1") double eta,
      @Arg(value = "L", dflt = "1") double lip, @Arg(value = "batch", dflt = "none") Integer batch,
      @Arg(value = "p", dflt = "none") Double p, @Arg(value = "inner", dflt = "0.1") double inner,
      @Arg(value = "restart", dflt = "0") int restart, @Arg(value = "vr", dflt = "true") boolean vr,
      @Arg(value = "tol", dflt = "1e-6") double tol, @Arg(value = "max_iter", dflt = "10000") int maxIter,
      @Arg(value = "max_evals", dflt = "none") Integer maxEvals, @Arg(value = "seed", dflt = "none") Rng rng,
      KernelContext ctx) {
    return run(f, n, x0, method, eta, lip, batch, p, inner, restart, vr, tol, maxIter, maxEvals, rng, ctx);
  }

  private static Map<String, Object> run(Object f, int n, Tensor x0, String method, double eta, double lip,
      Integer batch, Double p, double inner, int restart, boolean vr, double tol, int maxIter, Integer maxEvals,
      Rng rng, KernelContext ctx) {
    String fn = "optim.vr_halpern";
    if (!method.equals("forward") && !method.equals("resolvent")) {
      throw KernelException.of("%s: method must be \"forward\" or \"resolvent\", got \"%s\"", fn, method);
    }
    if (n < 1) {
      throw KernelException.of("%s: n (the number of components) must be >= 1, got %d", fn, n);
    }
    positive(fn, "eta", eta);
    positive(fn, "L", lip);
    positive(fn, "inner", inner);
    int b = batch == null ? (int) Math.ceil(Math.sqrt(n)) : batch;
    if (b < 1) {
      throw KernelException.of("%s: batch must be >= 1, got %d", fn, b);
    }
    double prob = p == null ? (double) b / (n + b) : p;
    if (!(prob > 0 && prob <= 1)) {
      throw KernelException.of("%s: p must be in (0, 1], got %s", fn, prob);
    }
    if (restart < 0 || maxIter < 0) {
      throw KernelException.of("%s: restart and max_iter must be >= 0, got %d and %d", fn, restart, maxIter);
    }
    KernelContext c = MinimizeKernels.ctx(ctx);
    Run r = new Run(components(f, n, x0, c, fn), n, x0, tol,
        maxEvals == null ? Long.MAX_VALUE : maxEvals, rng == null ? new Rng(0) : rng, c);
    r.x = MinimizeKernels.start(x0, fn);
    if (method.equals("forward")) {
      r.forward(eta, b, vr ? prob : 1, restart, maxIter);
    } else {
      r.resolvent(eta, lip, inner, restart, maxIter, vr);
    }
    return r.result();
  }

  /** The component oracle: F_i(z) = M[i] @ z for a stack M [n, D, D], or the script function F(z, i). */
  private static Components components(Object f, int n, Tensor x0, KernelContext c, String fn) {
    if (f instanceof Fn g) {
      FixedPoint.Op op = new FixedPoint.Op(g, x0.shape(), c, fn + " F(x, i)");
      return (z, i) -> op.apply(z, (double) i);
    }
    if (f instanceof Tensor m && !m.isComplex() && m.rank() == 3 && m.dim(0) == n && m.dim(1) == x0.size()
        && m.dim(2) == x0.size()) {
      double[] a = m.raw();
      int d = x0.size();
      return (z, i) -> {
        double[] r = new double[d];
        int o = i * d * d;
        for (int p = 0; p < d; p++) {
          double s = 0;
          for (int q = 0; q < d; q++) {
            s += a[o + p * d + q] * z[q];
          }
          r[p] = s;
        }
        return r;
      };
    }
    throw KernelException.of("%s: F must be a function (x, i) => F_i(x) or a stack of n = %d matrices [%d, %d, %d] "
        + "(F_i(x) = F[i] @ x), got %s", fn, n, n, x0.size(), x0.size(), dev.exp.kernel.Values.describe(f));
  }

  /** The components F_i. */
  private interface Components {
    double[] apply(double[] z, int i);
  }

  /** Counts the calls of a component oracle. */
  private static final class Counted {
    final Components f;
    long calls;

    Counted(Components f) {
      this.f = f;
    }

    double[] apply(double[] z, int i) {
      calls++;
      return f.apply(z, i);
    }
  }

  private static void positive(String fn, String p, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number > 0, got %s", fn, p, v);
    }
  }

  /** The state of one run: the component oracle, the counters and the residual log. */
  private static final class Run {
    final Counted op;
    final int n;
    final Tensor like;
    final double tol;
    final long maxEvals;
    final Rng rng;
    final KernelContext ctx;
    final List<Double> res = new ArrayList<>();
    final List<Double> resEvals = new ArrayList<>();
    final List<Double> resIters = new ArrayList<>();
    double[] x;
    double[] best;
    int iterations;
    boolean converged;
    String reason = "max_iter reached";

    Run(Components f, int n, Tensor like, double tol, long maxEvals, Rng rng, KernelContext ctx) {
      this.op = new Counted(f);
      this.n = n;
      this.like = like;
      this.tol = tol;
      this.maxEvals = maxEvals;
      this.rng = rng;
      this.ctx = ctx;
    }

    double[] component(double[] z, int i) {
      return op.apply(z, i);
    }

    double[] full(double[] z) {
      double[] s = new double[z.length];
      for (int i = 0; i < n; i++) {
        Vec.axpy(1.0 / n, component(z, i), s);
      }
      return s;
    }

    /** Logs the exact residual ‖Fz‖ of point z; true when the run must stop. */
    boolean log(double[] z, double r) {
      res.add(r);
      resEvals.add((double) op.calls);
      resIters.add((double) iterations);
      best = z.clone();
      if (!Double.isFinite(r)) {
        reason = "diverged: the residual is not finite";
        return true;
      }
      if (r <= tol) {
        converged = true;
        reason = "tolerance reached";
        return true;
      }
      return false;
    }

    boolean budget() {
      if (op.calls >= maxEvals) {
        reason = "max_evals reached";
        return true;
      }
      return false;
    }

    void forward(double eta, int b, double prob, int restart, int maxIter) {
      double[] anchor = x.clone();
      double[] v = full(x);
      boolean exact = true;
      if (log(x, Vec.norm(v))) {
        return;
      }
      int k = 0;
      while (iterations < maxIter && !budget()) {
        ctx.poll();
        double beta = 1.0 / (k + 2);
        double[] xn = new double[x.length];
        for (int j = 0; j < x.length; j++) {
          xn[j] = beta * anchor[j] + (1 - beta) * (x[j] - eta * v[j]);
        }
        iterations++;
        k++;
        if (prob >= 1 || rng.nextDouble() < prob) {
          v = full(xn);
          exact = true;
          x = xn;
          if (log(x, Vec.norm(v))) {
            return;
          }
        } else {
          for (int t = 0; t < b; t++) {
            int i = rng.nextInt(n);
            double[] a = component(xn, i);
            double[] o = component(x, i);
            for (int j = 0; j < v.length; j++) {
              v[j] += (a[j] - o[j]) / b;
            }
          }
          exact = false;
          x = xn;
        }
        if (restart > 0 && k == restart) {
          anchor = x.clone();
          k = 0;
        }
      }
      if (!exact) {
        String why = reason;
        if (!log(x, Vec.norm(full(x)))) {
          reason = why;
        } else if (converged) {
          reason = "tolerance reached (checked at the last iterate)";
        }
      }
    }

    void resolvent(double eta, double lip, double inner, int restart, int maxIter, boolean vr) {
      double[] anchor = x.clone();
      double[] u = x.clone();
      double[] fu = full(u);
      double lg = 1 + eta * lip;
      if (log(u, Vec.norm(fu))) {
        return;
      }
      // ‖x − J(x)‖ ≤ eta·‖F(x)‖ for monotone F: the scale of the first inner tolerance
      double prevDist = eta * Vec.norm(fu);
      int k = 0;
      while (true) {
        ctx.poll();
        // inner solve of G(w) = w − x + eta·F(w) = 0 from the warm start u (fu = F(u), exact)
        double eps = inner * prevDist / (k + 2);
        double[][] w = vr ? svrgExtragradient(u, fu, eta, lg, eps) : extragradient(u, fu, eta, lg, eps);
        u = w[0];
        fu = w[1];
        if (log(u, Vec.norm(fu))) {
          return;
        }
        if (iterations >= maxIter || budget()) {
          return;
        }
        prevDist = Vec.dist(x, u);
        double beta = 1.0 / (k + 2);
        for (int j = 0; j < x.length; j++) {
          x[j] = beta * anchor[j] + (1 - beta) * u[j];
        }
        iterations++;
        k++;
        if (restart > 0 && k == restart) {
          anchor = x.clone();
          k = 0;
        }
      }
    }

    /** ‖G(w)‖ for G(w) = w − x + eta·F(w), given F(w). */
    double gNorm(double[] w, double[] fw, double eta) {
      double s = 0;
      for (int j = 0; j < w.length; j++) {
        double g = w[j] - x[j] + eta * fw[j];
        s += g * g;
      }
      return Math.sqrt(s);
    }

    /** Loopless-SVRG extragradient (Alacaoglu and Malitsky 2022) on G; returns {w, F(w)} at an exact check. */
    double[][] svrgExtragradient(double[] u0, double[] fu0, double eta, double lg, double eps) {
      double pr = 1.0 / n;
      double alpha = 1 - pr;
      double tau = 0.5 * Math.sqrt(pr) / lg;
      double[] u = u0.clone();
      double[] w = u0.clone();
      double[] fw = fu0.clone();
      int d = u.length;
      double[] ubar = new double[d];
      double[] uh = new double[d];
      for (int it = 0; it < INNER_MAX && gNorm(w, fw, eta) > eps && !budget(); it++) {
        ctx.poll();
        for (int j = 0; j < d; j++) {
          ubar[j] = alpha * u[j] + (1 - alpha) * w[j];
          uh[j] = ubar[j] - tau * (w[j] - x[j] + eta * fw[j]);
        }
        int i = rng.nextInt(n);
        double[] fa = component(uh, i);
        double[] fb = component(w, i);
        for (int j = 0; j < d; j++) {
          double gw = w[j] - x[j] + eta * fw[j];
          u[j] = ubar[j] - tau * (gw + (uh[j] - w[j]) + eta * (fa[j] - fb[j]));
        }
        if (rng.nextDouble() < pr) {
          w = u.clone();
          fw = full(w);
        }
      }
      return new double[][] {w, fw};
    }

    /** Deterministic extragradient on G with full evaluations; returns {u, F(u)}. */
    double[][] extragradient(double[] u0, double[] fu0, double eta, double lg, double eps) {
      double tau = 0.5 / lg;
      double[] u = u0.clone();
      double[] fu = fu0.clone();
      int d = u.length;
      double[] uh = new double[d];
      for (int it = 0; it < INNER_MAX && gNorm(u, fu, eta) > eps && !budget(); it++) {
        ctx.poll();
        for (int j = 0; j < d; j++) {
          uh[j] = u[j] - tau * (u[j] - x[j] + eta * fu[j]);
        }
        double[] fh = full(uh);
        for (int j = 0; j < d; j++) {
          u[j] -= tau * (uh[j] - x[j] + eta * fh[j]);
        }
        fu = full(u);
      }
      return new double[][] {u, fu};
    }

    Map<String, Object> result() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("x", Tensor.wrap(like.shape(), best.clone()));
      m.put("iterations", (double) iterations);
      m.put("residuals", Results.vector(res));
      m.put("residual_evaluations", Results.vector(resEvals));
      m.put("residual_iterations", Results.vector(resIters));
      m.put("converged", converged);
      m.put("reason", reason);
      m.put("evaluations", (double) op.calls);
      return m;
    }
  }
}
