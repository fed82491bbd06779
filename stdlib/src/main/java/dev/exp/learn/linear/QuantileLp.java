package dev.exp.learn.linear;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Dense;

/**
 * Linear quantile regression as a linear program, solved in its bounded dual form
 * max yᵀa s.t. Aᵀa = (1 − τ)Aᵀ1, 0 ≤ a ≤ 1 (A = [X, 1] or X) by a primal-dual interior-point
 * method (each step solves a p×p system AᵀΘA), then purified to an exact vertex: the p rows with the
 * smallest residuals that span the design are interpolated, and that solution is kept when its pinball
 * objective is not worse. The coefficients are the equality constraints' multipliers.
 */
final class QuantileLp {
  private QuantileLp() {}

  record Solution(double[] beta, int iterations, boolean converged, boolean vertex) {}

  /** Minimises Σ ρ_τ(y_i − a_iᵀβ) over β for A [n, p]. */
  static Solution solve(double[] a, double[] y, int n, int p, double tau, KernelContext ctx) {
    // LP: min cᵀx s.t. Aᵀx = b, 0 ≤ x ≤ 1, c = −y, b = (1 − τ)Aᵀ1
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1 - tau);
    double[] b = new double[p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        b[j] += (1 - tau) * a[i * p + j];
      }
    }
    // λ from least squares of Aλ ≈ c, then z, w positive parts of the dual residual
    double[] gram = Dense.gram(a, n, p);
    double scale = 0;
    for (double v : y) {
      scale = Math.max(scale, Math.abs(v));
    }
    scale = Math.max(scale, 1e-300);
    double[] l = cholRidge(gram, p);
    double[] lam = Dense.tmul(a, n, p, neg(y), 1);
    Dense.cholSolve(l, p, lam, 1);
    double[] z = new double[n];
    double[] w = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      double v = -y[i] - Dense.dot(a, i * p, lam, 0, p);
      z[i] = Math.max(v, 0) + 0.1 * scale;
      w[i] = Math.max(-v, 0) + 0.1 * scale;
      s[i] = 1 - x[i];
    }
    int it = 0;
    boolean converged = false;
    double[] theta = new double[n];
    double[] rho = new double[n];
    double[] dx = new double[n];
    for (; it < 200; it++) {
      ctx.poll();
      double mu = 0;
      double primal = 0;
      double dual = 0;
      for (int i = 0; i < n; i++) {
        mu += x[i] * z[i] + s[i] * w[i];
        primal += -y[i] * x[i];
        dual -= w[i];
      }
      dual += Dense.dot(b, 0, lam, 0, p);
      mu /= 2 * n;
      double[] rp = b.clone();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          rp[j] -= a[i * p + j] * x[i];
        }
      }
      double rpMax = dev.exp.learn.Lbfgs.maxAbs(rp);
      double[] rd = new double[n];
      double rdMax = 0;
      for (int i = 0; i < n; i++) {
        rd[i] = -y[i] - Dense.dot(a, i * p, lam, 0, p) - z[i] + w[i];
        rdMax = Math.max(rdMax, Math.abs(rd[i]));
      }
      if (Math.abs(primal - dual) <= 1e-11 * (1 + Math.abs(primal)) && rpMax <= 1e-9 * (1 + n) && rdMax <= 1e-9 * scale) {
        converged = true;
        break;
      }
      double sigma = 0.1;
      for (int i = 0; i < n; i++) {
        theta[i] = 1 / (z[i] / x[i] + w[i] / s[i]);
        double rxz = sigma * mu - x[i] * z[i];
        double rsw = sigma * mu - s[i] * w[i];
        rho[i] = rd[i] - rxz / x[i] + rsw / s[i];
      }
      double[] m = new double[p * p];
      double[] rhs = rp.clone();
      for (int i = 0; i < n; i++) {
        int o = i * p;
        for (int j = 0; j < p; j++) {
          double tj = theta[i] * a[o + j];
          rhs[j] += tj * rho[i];
          for (int k = 0; k <= j; k++) {
            m[j * p + k] += tj * a[o + k];
          }
        }
      }
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < j; k++) {
          m[k * p + j] = m[j * p + k];
        }
      }
      double[] lm = cholRidge(m, p);
      double[] dl = rhs;
      Dense.cholSolve(lm, p, dl, 1);
      double step = 1;
      double[] dz = new double[n];
      double[] dw = new double[n];
      for (int i = 0; i < n; i++) {
        dx[i] = theta[i] * (Dense.dot(a, i * p, dl, 0, p) - rho[i]);
        double rxz = sigma * mu - x[i] * z[i];
        double rsw = sigma * mu - s[i] * w[i];
        dz[i] = (rxz - z[i] * dx[i]) / x[i];
        dw[i] = (rsw + w[i] * dx[i]) / s[i];
        step = bound(step, x[i], dx[i]);
        step = bound(step, s[i], -dx[i]);
        step = bound(step, z[i], dz[i]);
        step = bound(step, w[i], dw[i]);
      }
      step = Math.min(1, 0.995 * step);
      for (int i = 0; i < n; i++) {
        x[i] += step * dx[i];
        s[i] = 1 - x[i];
        z[i] += step * dz[i];
        w[i] += step * dw[i];
      }
      for (int j = 0; j < p; j++) {
        lam[j] += step * dl[j];
      }
    }
    double[] beta = neg(lam);
    double[] vertex = purify(a, y, n, p, tau, beta);
    boolean isVertex = vertex != null;
    return new Solution(isVertex ? vertex : beta, it, converged, isVertex);
  }

  private static double bound(double step, double v, double dv) {
    return dv < 0 ? Math.min(step, -v / dv) : step;
  }

  private static double[] neg(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = -v[i];
    }
    return r;
  }

  private static double[] cholRidge(double[] m, int p) {
    double[] l = Dense.cholesky(m, p);
    double tr = 0;
    for (int j = 0; j < p; j++) {
      tr += m[j * p + j];
    }
    double eps = 1e-14 * Math.max(tr / p, 1e-300);
    while (l == null) {
      double[] mm = m.clone();
      Dense.addDiagonal(mm, p, eps);
      l = Dense.cholesky(mm, p);
      eps *= 100;
    }
    return l;
  }

  /** Σ ρ_τ(y − Aβ). */
  static double objective(double[] a, double[] y, int n, int p, double tau, double[] beta) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - Dense.dot(a, i * p, beta, 0, p);
      s += r >= 0 ? tau * r : (tau - 1) * r;
    }
    return s;
  }

  /** The vertex through the p best-fitting independent rows, or null when it is not at least as good. */
  private static double[] purify(double[] a, double[] y, int n, int p, double tau, double[] beta) {
    Integer[] order = new Integer[n];
    double[] res = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      res[i] = Math.abs(y[i] - Dense.dot(a, i * p, beta, 0, p));
    }
    java.util.Arrays.sort(order, (u, v) -> Double.compare(res[u], res[v]));
    double[] basis = new double[p * p]; // orthonormalised rows (Gram–Schmidt)
    double[] rows = new double[p * p];
    double[] rhs = new double[p];
    int r = 0;
    for (int t = 0; t < n && r < p; t++) {
      int i = order[t];
      double[] v = java.util.Arrays.copyOfRange(a, i * p, i * p + p);
      double norm0 = Math.sqrt(Dense.dot(v, 0, v, 0, p));
      for (int q = 0; q < r; q++) {
        double c = Dense.dot(basis, q * p, v, 0, p);
        for (int j = 0; j < p; j++) {
          v[j] -= c * basis[q * p + j];
        }
      }
      double nv = Math.sqrt(Dense.dot(v, 0, v, 0, p));
      if (nv > 1e-8 * Math.max(norm0, 1e-300)) {
        for (int j = 0; j < p; j++) {
          basis[r * p + j] = v[j] / nv;
        }
        System.arraycopy(a, i * p, rows, r * p, p);
        rhs[r] = y[i];
        r++;
      }
    }
    if (r < p) {
      return null;
    }
    double[] sol = solveSquare(rows, rhs, p);
    if (sol == null) {
      return null;
    }
    double before = objective(a, y, n, p, tau, beta);
    double after = objective(a, y, n, p, tau, sol);
    return after <= before * (1 + 1e-12) + 1e-300 ? sol : null;
  }

  /** Gaussian elimination with partial pivoting; null when singular. */
  private static double[] solveSquare(double[] m, double[] b, int p) {
    double[] a = m.clone();
    double[] x = b.clone();
    for (int c = 0; c < p; c++) {
      int piv = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r * p + c]) > Math.abs(a[piv * p + c])) {
          piv = r;
        }
      }
      if (a[piv * p + c] == 0) {
        return null;
      }
      if (piv != c) {
        for (int j = 0; j < p; j++) {
          double t = a[c * p + j];
          a[c * p + j] = a[piv * p + j];
          a[piv * p + j] = t;
        }
        double t = x[c];
        x[c] = x[piv];
        x[piv] = t;
      }
      for (int r = c + 1; r < p; r++) {
        double f = a[r * p + c] / a[c * p + c];
        for (int j = c; j < p; j++) {
          a[r * p + j] -= f * a[c * p + j];
        }
        x[r] -= f * x[c];
      }
    }
    for (int r = p - 1; r >= 0; r--) {
      double s = x[r];
      for (int j = r + 1; j < p; j++) {
        s -= a[r * p + j] * x[j];
      }
      x[r] = s / a[r * p + r];
    }
    return x;
  }
}
