package dev.exp.optim;

import dev.exp.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BFGS (dense inverse-Hessian update) and L-BFGS (two-loop recursion, memory m), both with the
 * strong-Wolfe line search. With bounds, L-BFGS runs projected: variables at a bound whose gradient
 * points outward are held fixed, the two-loop direction is taken on the free variables and the step
 * is a projected backtracking (Armijo) search along P(x + αd); this is a projected L-BFGS, not the
 * Cauchy-point/subspace method of L-BFGS-B, and it stops on the projected gradient like L-BFGS-B.
 */
final class QuasiNewton {
  private QuasiNewton() {}

  /** Stopping rules and line-search constants. */
  record Options(double gtol, double ftol, int maxIter, int maxEvals, int memory, double c1, double c2,
      double[] lower, double[] upper) {}

  static Map<String, Object> bfgs(Objective obj, double[] x0, int[] shape, Options o, KernelContext ctx) {
    int n = x0.length;
    double[] x = x0.clone();
    Objective.Eval e = obj.eval(x);
    double f = e.value();
    double[] g = e.grad();
    double[] h = null;
    List<Double> hist = new ArrayList<>();
    hist.add(f);
    int it = 0;
    String msg;
    boolean conv = false;
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
      double[] d = new double[n];
      if (h == null) {
        for (int i = 0; i < n; i++) {
          d[i] = -g[i];
        }
      } else {
        double[] hg = Dense.mul(h, n, g);
        for (int i = 0; i < n; i++) {
          d[i] = -hg[i];
        }
      }
      double a0 = h == null ? Math.min(1, 1 / Vec.norm(g)) : 1;
      LineSearch.Result ls = LineSearch.strongWolfe(obj, x, f, g, d, a0, o.c1(), o.c2(),
          Math.max(1, Math.min(40, o.maxEvals() - obj.evaluations())));
      if (ls.alpha() == 0) {
        if (h != null) {
          h = null; // restart from steepest descent once
          continue;
        }
        msg = "line search failed: " + ls.message();
        break;
      }
      it++;
      double[] s = Vec.minus(ls.x(), x);
      double[] y = Vec.minus(ls.g(), g);
      double fOld = f;
      x = ls.x();
      f = ls.f();
      g = ls.g();
      hist.add(f);
      double sy = Vec.dot(s, y);
      if (sy > 1e-12 * Vec.norm(s) * Vec.norm(y)) {
        if (h == null) {
          h = new double[n * n];
          for (int i = 0; i < n; i++) {
            h[i * n + i] = 1; // H0 = I as SciPy's BFGS (the yᵀs/yᵀy scaling is slower on ill-conditioned f)
          }
        }
        update(h, n, s, y, sy);
      }
      if ((fOld - f) <= o.ftol() * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
        conv = Vec.normInf(g) <= o.gtol();
        msg = conv ? "gradient tolerance reached" : "relative reduction of f below ftol";
        conv = true;
        break;
      }
    }
    return Results.optimizer(shape, x, f, g, it, obj.evaluations(), conv, msg, hist);
  }

  /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. */
  private static void update(double[] h, int n, double[] s, double[] y, double sy) {
    double rho = 1 / sy;
    double[] hy = Dense.mul(h, n, y);
    double yhy = Vec.dot(y, hy);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
  }

  static Map<String, Object> lbfgs(Objective obj, double[] x0, int[] shape, Options o, KernelContext ctx) {
    int n = x0.length;
    boolean bounded = o.lower() != null || o.upper() != null;
    double[] x = x0.clone();
    if (bounded) {
      project(x, o);
    }
    Objective.Eval e = obj.eval(x);
    double f = e.value();
    double[] g = e.grad();
    int m = o.memory();
    double[][] ss = new double[m][];
    double[][] ys = new double[m][];
    double[] rhos = new double[m];
    int count = 0;
    int head = 0;
    double[] alpha = new double[m];
    List<Double> hist = new ArrayList<>();
    hist.add(f);
    int it = 0;
    String msg;
    boolean conv = false;
    boolean[] fixed = new boolean[n];
    while (true) {
      double pg = bounded ? projectedGradientNorm(x, g, o) : Vec.normInf(g);
      if (pg <= o.gtol()) {
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
      if (bounded) {
        for (int i = 0; i < n; i++) {
          fixed[i] = o.lower() != null && x[i] <= o.lower()[i] && g[i] > 0
              || o.upper() != null && x[i] >= o.upper()[i] && g[i] < 0;
        }
      }
      // two-loop recursion on the free variables
      double[] q = g.clone();
      mask(q, fixed, bounded);
      for (int k = 0; k < count; k++) {
        int j = Math.floorMod(head - 1 - k, m);
        alpha[j] = rhos[j] * dotMasked(ss[j], q, fixed, bounded);
        axpyMasked(-alpha[j], ys[j], q, fixed, bounded);
      }
      if (count > 0) {
        int j = Math.floorMod(head - 1, m);
        Vec.scale(1 / (rhos[j] * Vec.dot(ys[j], ys[j])), q);
      }
      for (int k = count - 1; k >= 0; k--) {
        int j = Math.floorMod(head - 1 - k, m);
        double beta = rhos[j] * dotMasked(ys[j], q, fixed, bounded);
        axpyMasked(alpha[j] - beta, ss[j], q, fixed, bounded);
      }
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = bounded && fixed[i] ? 0 : -q[i];
      }
      if (!(Vec.dot(d, g) < 0)) {
        count = 0;
        for (int i = 0; i < n; i++) {
          d[i] = bounded && fixed[i] ? 0 : -g[i];
        }
      }
      double a0 = count == 0 ? Math.min(1, 1 / Vec.norm(d)) : 1;
      double[] xn;
      double fn;
      double[] gn;
      int budget = Math.max(1, Math.min(40, o.maxEvals() - obj.evaluations()));
      if (!bounded) {
        LineSearch.Result ls = LineSearch.strongWolfe(obj, x, f, g, d, a0, o.c1(), o.c2(), budget);
        if (ls.alpha() == 0) {
          if (count > 0) {
            count = 0;
            continue;
          }
          msg = "line search failed: " + ls.message();
          break;
        }
        xn = ls.x();
        fn = ls.f();
        gn = ls.g();
      } else {
        double a = a0;
        xn = null;
        fn = f;
        gn = g;
        for (int k = 0; k < budget; k++) {
          double[] xt = Vec.plus(x, a, d);
          project(xt, o);
          Objective.Eval et = obj.eval(xt);
          double dec = Vec.dot(g, Vec.minus(xt, x));
          if (Double.isFinite(et.value()) && et.value() <= f + o.c1() * dec) {
            xn = xt;
            fn = et.value();
            gn = et.grad();
            break;
          }
          a /= 2;
        }
        if (xn == null) {
          if (count > 0) {
            count = 0;
            continue;
          }
          msg = "line search failed: no sufficient decrease along the projected path";
          break;
        }
      }
      it++;
      double[] s = Vec.minus(xn, x);
      double[] y = Vec.minus(gn, g);
      double sy = Vec.dot(s, y);
      if (sy > 2.2e-16 * Vec.dot(y, y)) {
        ss[head] = s;
        ys[head] = y;
        rhos[head] = 1 / sy;
        head = (head + 1) % m;
        count = Math.min(count + 1, m);
      }
      double fOld = f;
      x = xn;
      f = fn;
      g = gn;
      hist.add(f);
      if ((fOld - f) <= o.ftol() * Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1)) {
        double pgn = bounded ? projectedGradientNorm(x, g, o) : Vec.normInf(g);
        conv = true;
        msg = pgn <= o.gtol() ? "gradient tolerance reached" : "relative reduction of f below ftol";
        break;
      }
    }
    return Results.optimizer(shape, x, f, g, it, obj.evaluations(), conv, msg, hist);
  }

  private static void mask(double[] v, boolean[] fixed, boolean bounded) {
    if (bounded) {
      for (int i = 0; i < v.length; i++) {
        if (fixed[i]) {
          v[i] = 0;
        }
      }
    }
  }

  private static double dotMasked(double[] a, double[] b, boolean[] fixed, boolean bounded) {
    if (!bounded) {
      return Vec.dot(a, b);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (!fixed[i]) {
        s += a[i] * b[i];
      }
    }
    return s;
  }

  private static void axpyMasked(double a, double[] x, double[] y, boolean[] fixed, boolean bounded) {
    for (int i = 0; i < x.length; i++) {
      if (!bounded || !fixed[i]) {
        y[i] += a * x[i];
      }
    }
  }

  static void project(double[] x, Options o) {
    for (int i = 0; i < x.length; i++) {
      if (o.lower() != null) {
        x[i] = Math.max(x[i], o.lower()[i]);
      }
      if (o.upper() != null) {
        x[i] = Math.min(x[i], o.upper()[i]);
      }
    }
  }

  /** ‖P(x − g) − x‖∞, L-BFGS-B's stopping measure. */
  static double projectedGradientNorm(double[] x, double[] g, Options o) {
    double m = 0;
    for (int i = 0; i < x.length; i++) {
      double v = x[i] - g[i];
      if (o.lower() != null) {
        v = Math.max(v, o.lower()[i]);
      }
      if (o.upper() != null) {
        v = Math.min(v, o.upper()[i]);
      }
      m = Math.max(m, Math.abs(v - x[i]));
    }
    return m;
  }
}
