package dev.exp.ot;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ot.sinkhorn}: entropic optimal transport by Sinkhorn–Knopp, in the log domain (dual
 * potentials f, g updated by log-sum-exp, stable for small ε) or with the classic scalings u, v.
 */
public final class Sinkhorn {
  private Sinkhorn() {}

  @Kernel(name = "ot.sinkhorn", doc = "Entropic optimal transport between weights a [n] and b [m] (each summing to "
      + "the same total; none means uniform 1/n, 1/m) for the cost C [n, m]: the plan P = diag(e^{f/ε})·e^{−C/ε}·"
      + "diag(e^{g/ε}) with row sums a and column sums b that minimises ⟨P, C⟩ − ε·H(P). log_domain: true (default) "
      + "alternates f_i = ε·log a_i − ε·LSE_j((g_j − C_ij)/ε) and g_j = ε·log b_j − ε·LSE_i((f_i − C_ij)/ε), stable at "
      + "ε = 1e-3 and below; log_domain: false uses the scalings u = a / (K v), v = b / (Kᵀu) with K = e^{−C/ε}, "
      + "faster but it breaks down (reported, never silently) when K underflows. Stops when the row marginal error "
      + "Σ_i |P·1 − a|_i (columns are exact after each g update) is <= tol·Σa (tol default 1e-9) or after max_iter "
      + "(default 1000) iterations. Returns {plan, cost (⟨P, C⟩), entropic_cost (⟨P, C⟩ + ε·Σ P·(log P − 1)), f, g, "
      + "iterations, converged, marginal_error, reason}. As ε → 0 the cost tends to the exact OT cost (ot.emd). "
      + "Example: ot.sinkhorn(none, none, C, 0.01).plan")
  public static Map<String, Object> sinkhorn(@Arg(value = "a", dflt = "none") Tensor a, @Arg(value = "b", dflt = "none") Tensor b,
      @Arg("C") Tensor c,
      @Arg(value = "epsilon", dflt = "0.05") double epsilon, @Arg(value = "log_domain", dflt = "true") boolean logDomain,
      @Arg(value = "max_iter", dflt = "1000") int maxIter, @Arg(value = "tol", dflt = "1e-9") double tol) {
    String fn = "ot.sinkhorn";
    Marginals mg = Marginals.of(a, b, c, fn);
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw KernelException.of("%s: epsilon must be a positive number, got %s", fn, epsilon);
    }
    if (maxIter < 1 || !(tol >= 0)) {
      throw KernelException.of("%s: need max_iter >= 1 and tol >= 0, got max_iter = %d, tol = %s", fn, maxIter, tol);
    }
    KernelContext k = KernelContext.current();
    return logDomain ? logDomain(mg, epsilon, maxIter, tol, k) : scaling(mg, epsilon, maxIter, tol, k);
  }

  static Map<String, Object> logDomain(Marginals mg, double eps, int maxIter, double tol, KernelContext ctx) {
    int n = mg.n;
    int m = mg.m;
    double[] cr = mg.cost;
    double[] ct = transpose(cr, n, m);
    double[] loga = logs(mg.a);
    double[] logb = logs(mg.b);
    double[] f = new double[n];
    double[] g = new double[m];
    double[] rowLse = new double[n];
    double inv = 1 / eps;
    int it = 0;
    double err = Double.POSITIVE_INFINITY;
    boolean converged = false;
    String reason = "max_iter reached";
    while (true) {
      ctx.poll();
      // rowLse_i = LSE_j((g_j − C_ij)/ε): gives the row marginal of the current plan and the f update
      lse(cr, n, m, g, inv, rowLse);
      if (it > 0) {
        err = 0;
        for (int i = 0; i < n; i++) {
          err += Math.abs(Math.exp(f[i] * inv + rowLse[i]) - mg.a[i]);
        }
        if (!Double.isFinite(err)) {
          reason = "breakdown: the potentials are not finite";
          break;
        }
        if (err <= tol * mg.total) {
          converged = true;
          reason = "tolerance reached";
          break;
        }
        if (it >= maxIter) {
          break;
        }
      }
      for (int i = 0; i < n; i++) {
        f[i] = eps * (loga[i] - rowLse[i]);
      }
      double[] colLse = new double[m];
      lse(ct, m, n, f, inv, colLse);
      for (int j = 0; j < m; j++) {
        g[j] = eps * (logb[j] - colLse[j]);
      }
      it++;
    }
    double[] plan = new double[n * m];
    int nbPlan = blocks(n);
    Parallel.forEach(nbPlan, t -> {
      int[] r = range(t, n, nbPlan);
      for (int i = r[0]; i < r[1]; i++) {
        int base = i * m;
        double fi = f[i];
        for (int j = 0; j < m; j++) {
          plan[base + j] = Math.exp((fi + g[j] - cr[base + j]) * inv);
        }
      }
    });
    return result(mg, plan, f, g, eps, it, converged, err, reason);
  }

  static Map<String, Object> scaling(Marginals mg, double eps, int maxIter, double tol, KernelContext ctx) {
    int n = mg.n;
    int m = mg.m;
    double[] kr = new double[n * m];
    for (int q = 0; q < kr.length; q++) {
      kr[q] = Math.exp(-mg.cost[q] / eps);
    }
    double[] u = new double[n];
    double[] v = new double[m];
    java.util.Arrays.fill(v, 1);
    double[] kv = new double[n];
    int it = 0;
    double err = Double.POSITIVE_INFINITY;
    boolean converged = false;
    String reason = "max_iter reached";
    while (true) {
      ctx.poll();
      for (int i = 0; i < n; i++) {
        double s = 0;
        int base = i * m;
        for (int j = 0; j < m; j++) {
          s += kr[base + j] * v[j];
        }
        kv[i] = s;
      }
      if (it > 0) {
        err = 0;
        for (int i = 0; i < n; i++) {
          err += Math.abs(u[i] * kv[i] - mg.a[i]);
        }
        if (!Double.isFinite(err)) {
          reason = "breakdown: the scalings overflowed (use log_domain: true)";
          break;
        }
        if (err <= tol * mg.total) {
          converged = true;
          reason = "tolerance reached";
          break;
        }
        if (it >= maxIter) {
          break;
        }
      }
      boolean zero = false;
      for (int i = 0; i < n; i++) {
        u[i] = mg.a[i] / kv[i];
        zero |= kv[i] == 0 && mg.a[i] > 0;
      }
      double[] ktu = new double[m];
      for (int i = 0; i < n; i++) {
        int base = i * m;
        double ui = u[i];
        for (int j = 0; j < m; j++) {
          ktu[j] += kr[base + j] * ui;
        }
      }
      for (int j = 0; j < m; j++) {
        v[j] = mg.b[j] / ktu[j];
        zero |= ktu[j] == 0 && mg.b[j] > 0;
      }
      it++;
      if (zero) {
        err = Double.NaN;
        reason = "breakdown: e^{-C/epsilon} underflowed to 0 (use log_domain: true)";
        break;
      }
    }
    double[] plan = new double[n * m];
    double[] f = new double[n];
    double[] g = new double[m];
    for (int i = 0; i < n; i++) {
      f[i] = eps * Math.log(u[i]);
      for (int j = 0; j < m; j++) {
        plan[i * m + j] = u[i] * kr[i * m + j] * v[j];
      }
    }
    for (int j = 0; j < m; j++) {
      g[j] = eps * Math.log(v[j]);
    }
    return result(mg, plan, f, g, eps, it, converged, err, reason);
  }

  private static Map<String, Object> result(Marginals mg, double[] plan, double[] f, double[] g, double eps, int it,
      boolean converged, double err, String reason) {
    double cost = 0;
    double ent = 0;
    for (int q = 0; q < plan.length; q++) {
      double p = plan[q];
      if (p > 0) {
        cost += p * mg.cost[q];
        ent += p * (Math.log(p) - 1);
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("plan", Tensor.wrap(new int[] {mg.n, mg.m}, plan));
    r.put("cost", cost);
    r.put("entropic_cost", cost + eps * ent);
    r.put("f", Tensor.wrap(new int[] {mg.n}, f));
    r.put("g", Tensor.wrap(new int[] {mg.m}, g));
    r.put("iterations", (double) it);
    r.put("converged", converged);
    r.put("marginal_error", err);
    r.put("reason", reason);
    return r;
  }

  /** out_i = LSE_j((p_j − x_ij)·inv) over the rows of x [rows, cols], in parallel row blocks. */
  static void lse(double[] x, int rows, int cols, double[] p, double inv, double[] out) {
    int nb = blocks(rows);
    Parallel.forEach(nb, t -> {
      int[] r = range(t, rows, nb);
      for (int i = r[0]; i < r[1]; i++) {
        int base = i * cols;
        double mx = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
          double z = p[j] - x[base + j];
          if (z > mx) {
            mx = z;
          }
        }
        if (mx == Double.NEGATIVE_INFINITY) {
          out[i] = mx;
          continue;
        }
        double s = 0;
        for (int j = 0; j < cols; j++) {
          s += Math.exp((p[j] - x[base + j] - mx) * inv);
        }
        out[i] = mx * inv + Math.log(s);
      }
    });
  }

  private static int blocks(int rows) {
    return Math.max(1, Math.min(rows / 16, 4 * Parallel.threads()));
  }

  /** Rows of block t of nb (the block count is fixed by the caller: workers see another thread budget). */
  private static int[] range(int t, int rows, int nb) {
    return new int[] {(int) ((long) rows * t / nb), (int) ((long) rows * (t + 1) / nb)};
  }

  static double[] transpose(double[] x, int n, int m) {
    double[] t = new double[x.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        t[j * n + i] = x[i * m + j];
      }
    }
    return t;
  }

  private static double[] logs(double[] w) {
    double[] l = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      l[i] = Math.log(w[i]);
    }
    return l;
  }
}
