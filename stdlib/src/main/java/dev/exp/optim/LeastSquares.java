package dev.exp.optim;

import dev.exp.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Nonlinear least squares min ½‖r(p)‖²: Levenberg–Marquardt with Marquardt's diagonal scaling
 * (JᵀJ + λ·diag(JᵀJ))δ = −Jᵀr and Nielsen's damping update, or undamped Gauss–Newton with step
 * halving. Bounds: a variable at a bound whose gradient pushes it outward is held there for the
 * iteration (the step is solved in the free variables only, as projected Newton methods do), the
 * trial point is clipped, and the gradient test is on the projected gradient. The covariance of the estimate is
 * s²(JᵀJ)⁻¹ with s² = ‖r‖²/(m − n), as scipy.optimize.curve_fit (absolute_sigma=False).
 */
final class LeastSquares {
  private LeastSquares() {}

  /** The residual vector and its Jacobian (m×n row-major) at p. */
  interface Problem {
    double[] residual(double[] p);

    /** J at p given r(p); may use finite differences (through residual). */
    double[] jacobian(double[] p, double[] r);
  }

  record Options(boolean gaussNewton, double ftol, double xtol, double gtol, int maxIter, double[] lower,
      double[] upper) {}

  /** The outcome; cov is null when JᵀJ is singular or m ≤ n. */
  record Fit(double[] p, double[] r, double[] jac, int m, double cost, double[] cov, double s2, int iterations,
      boolean converged, String message, List<Double> history) {}

  static Fit solve(Problem prob, double[] p0, Options o, KernelContext ctx) {
    int n = p0.length;
    double[] p = p0.clone();
    clip(p, o);
    double[] r = prob.residual(p);
    int m = r.length;
    double cost = 0.5 * Vec.dot(r, r);
    double[] jac = prob.jacobian(p, r);
    List<Double> hist = new ArrayList<>();
    hist.add(cost);
    double lambda = -1;
    double nu = 2;
    int it = 0;
    boolean conv = false;
    String msg = "max_iter reached";
    while (it < o.maxIter()) {
      ctx.poll();
      double[] jtj = new double[n * n];
      double[] jtr = new double[n];
      normal(jac, r, m, n, jtj, jtr);
      holdActive(p, o, jtj, jtr, n);
      if (Vec.normInf(jtr) <= o.gtol()) {
        conv = true;
        msg = o.lower() == null && o.upper() == null ? "gradient tolerance reached (‖Jᵀr‖∞ ≤ gtol)"
            : "gradient tolerance reached (projected ‖Jᵀr‖∞ ≤ gtol)";
        break;
      }
      if (lambda < 0) {
        double md = 0;
        for (int i = 0; i < n; i++) {
          md = Math.max(md, jtj[i * n + i]);
        }
        lambda = 1e-3 * (md > 0 ? 1 : 0);
      }
      double[] pNew = null;
      double[] rNew = null;
      double costNew = cost;
      double[] delta = null;
      boolean accepted = false;
      for (int inner = 0; inner < 60 && !accepted; inner++) {
        double[] a = jtj.clone();
        for (int i = 0; i < n; i++) {
          a[i * n + i] += (o.gaussNewton() ? 0 : lambda) * Math.max(jtj[i * n + i], 1e-12);
        }
        double[] l = Dense.cholesky(a, n, 0);
        if (l == null) {
          l = Dense.cholesky(a, n, 1e-10 * Math.max(1, trace(jtj, n)));
        }
        if (l == null) {
          if (o.gaussNewton()) {
            msg = "breakdown: JᵀJ is singular";
            return finish(prob, p, r, jac, m, n, cost, it, false, msg, hist);
          }
          lambda = Math.max(lambda * nu, 1e-6);
          nu *= 2;
          continue;
        }
        double[] step = Dense.cholSolve(l, n, jtr);
        Vec.scale(-1, step);
        if (o.gaussNewton()) {
          double t = 1;
          for (int k = 0; k < 40; k++) {
            double[] trial = Vec.plus(p, t, step);
            clip(trial, o);
            double[] rt = prob.residual(trial);
            double ct = 0.5 * Vec.dot(rt, rt);
            if (Double.isFinite(ct) && ct < cost) {
              pNew = trial;
              rNew = rt;
              costNew = ct;
              accepted = true;
              break;
            }
            t /= 2;
          }
          if (!accepted) {
            delta = step;
          }
          break;
        }
        double[] trial = Vec.plus(p, 1, step);
        clip(trial, o);
        double[] dlt = Vec.minus(trial, p);
        delta = dlt;
        double[] rt = prob.residual(trial);
        double ct = 0.5 * Vec.dot(rt, rt);
        // predicted reduction of the linear model: −(δᵀJᵀr + ½‖Jδ‖²)
        double[] jd = Dense.mul(jac, n, dlt);
        double pred = -(Vec.dot(dlt, jtr) + 0.5 * Vec.dot(jd, jd));
        double rho = pred > 0 ? (cost - ct) / pred : -1;
        if (Double.isFinite(ct) && ct < cost && rho > 0) {
          pNew = trial;
          rNew = rt;
          costNew = ct;
          accepted = true;
          double q = 2 * rho - 1;
          lambda *= Math.max(1.0 / 3, 1 - q * q * q);
          nu = 2;
        } else {
          lambda = lambda == 0 ? 1e-6 : lambda * nu;
          nu *= 2;
          if (Vec.norm(dlt) <= o.xtol() * (Vec.norm(p) + o.xtol())) {
            break;
          }
        }
      }
      if (!accepted) {
        boolean small = delta != null && Vec.norm(delta) <= o.xtol() * (Vec.norm(p) + o.xtol());
        conv = small;
        msg = small ? "step tolerance reached (no further decrease)" : "breakdown: no step decreases the cost";
        break;
      }
      it++;
      double dx = Vec.dist(pNew, p);
      double xn = Vec.norm(p);
      double oldCost = cost;
      p = pNew;
      r = rNew;
      cost = costNew;
      jac = prob.jacobian(p, r);
      hist.add(cost);
      if (oldCost - cost <= o.ftol() * oldCost) {
        conv = true;
        msg = "cost tolerance reached (relative reduction ≤ ftol)";
        break;
      }
      if (dx <= o.xtol() * (xn + o.xtol())) {
        conv = true;
        msg = "step tolerance reached";
        break;
      }
    }
    return finish(prob, p, r, jac, m, n, cost, it, conv, msg, hist);
  }

  private static Fit finish(Problem prob, double[] p, double[] r, double[] jac, int m, int n, double cost, int it,
      boolean conv, String msg, List<Double> hist) {
    double[] jtj = new double[n * n];
    double[] jtr = new double[n];
    normal(jac, r, m, n, jtj, jtr);
    double s2 = m > n ? 2 * cost / (m - n) : Double.NaN;
    double[] cov = null;
    double[] l = Dense.cholesky(jtj, n, 0);
    if (l != null && m > n) {
      cov = Dense.cholInverse(l, n);
      Vec.scale(s2, cov);
    }
    return new Fit(p, r, jac, m, cost, cov, s2, it, conv, msg, hist);
  }

  private static double trace(double[] a, int n) {
    double t = 0;
    for (int i = 0; i < n; i++) {
      t += a[i * n + i];
    }
    return t;
  }

  static void normal(double[] jac, double[] r, int m, int n, double[] jtj, double[] jtr) {
    for (int k = 0; k < m; k++) {
      int row = k * n;
      for (int i = 0; i < n; i++) {
        double ji = jac[row + i];
        jtr[i] += ji * r[k];
        for (int j = 0; j <= i; j++) {
          jtj[i * n + j] += ji * jac[row + j];
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        jtj[j * n + i] = jtj[i * n + j];
      }
    }
  }

  /**
   * Holds the variables at a bound whose descent direction −(Jᵀr)_i points out of the box: their
   * row and column of JᵀJ become the identity's and their gradient entry 0, so the step leaves them
   * where they are and the gradient left in jtr is the projected one.
   */
  static void holdActive(double[] p, Options o, double[] jtj, double[] jtr, int n) {
    for (int i = 0; i < n; i++) {
      boolean atLower = o.lower() != null && p[i] <= o.lower()[i] && jtr[i] > 0;
      boolean atUpper = o.upper() != null && p[i] >= o.upper()[i] && jtr[i] < 0;
      if (atLower || atUpper) {
        for (int j = 0; j < n; j++) {
          jtj[i * n + j] = 0;
          jtj[j * n + i] = 0;
        }
        jtj[i * n + i] = 1;
        jtr[i] = 0;
      }
    }
  }

  static void clip(double[] p, Options o) {
    for (int i = 0; i < p.length; i++) {
      if (o.lower() != null) {
        p[i] = Math.max(p[i], o.lower()[i]);
      }
      if (o.upper() != null) {
        p[i] = Math.min(p[i], o.upper()[i]);
      }
    }
  }

  /** Central-difference Jacobian of res at p (2n residual calls). */
  static double[] centralJacobian(java.util.function.Function<double[], double[]> res, double[] p, int m) {
    int n = p.length;
    double[] jac = new double[m * n];
    double[] q = p.clone();
    for (int j = 0; j < n; j++) {
      double h = 6.055e-6 * Math.max(1, Math.abs(p[j]));
      q[j] = p[j] + h;
      double[] rp = res.apply(q);
      q[j] = p[j] - h;
      double[] rm = res.apply(q);
      q[j] = p[j];
      for (int i = 0; i < m; i++) {
        jac[i * n + j] = (rp[i] - rm[i]) / (2 * h);
      }
    }
    return jac;
  }
}
