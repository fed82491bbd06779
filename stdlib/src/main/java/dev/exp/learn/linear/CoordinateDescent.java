package dev.exp.learn.linear;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Dense;

/**
 * Cyclic coordinate descent for the elastic net in scikit-learn's scaling, on centred data:
 * min ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖² (l1 = n·alpha·l1_ratio, l2 = n·alpha·(1 − l1_ratio)), stopped by
 * the duality gap of scikit-learn's enet_coordinate_descent (gap &lt; tol·‖y‖²), checked when the largest
 * coordinate change falls below tol relative to the largest coefficient. Works on the Gram matrix
 * XᵀX (formed once by BLAS, n·d² flops; each update then costs d) or on the columns of X (each
 * update costs n); {@link #preferGram} picks.
 */
final class CoordinateDescent {
  private final int n;
  private final int d;
  private final double[] y;
  private final double yy;
  // gram mode
  private final double[] gram;
  private final double[] xty;
  // column mode
  private final double[] cols;
  private final double[] colSq;

  CoordinateDescent(double[] xc, double[] yc, int n, int d, boolean useGram) {
    this.n = n;
    this.d = d;
    this.y = yc;
    this.yy = Dense.dot(yc, 0, yc, 0, n);
    this.xty = Dense.tmul(xc, n, d, yc, 1);
    if (useGram) {
      gram = Dense.gram(xc, n, d);
      cols = null;
      colSq = null;
    } else {
      gram = null;
      cols = new double[n * d];
      colSq = new double[d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          cols[j * n + i] = xc[i * d + j];
        }
      }
      for (int j = 0; j < d; j++) {
        colSq[j] = Dense.dot(cols, j * n, cols, j * n, n);
      }
    }
  }

  /**
   * Whether the Gram form pays: forming XᵀX costs n·d² against about 2n·d per sweep on the columns,
   * so it needs n ≥ 2d and (for one fit) d small next to the expected sweeps; a path of many
   * penalties (sweeps summed) favours it more.
   */
  static boolean preferGram(int n, int d, int fits) {
    return n >= 2 * d && d <= 40L * fits;
  }

  /** Xᵀy of the centred data. */
  double[] xty() {
    return xty;
  }

  /** The outcome of one solve. */
  record Outcome(int iterations, double gap, boolean converged) {}

  /** Solves in place from the warm start w. */
  Outcome solve(double[] w, double l1, double l2, double tol, int maxIter, KernelContext ctx) {
    double gapTol = tol * yy;
    double[] q = gram != null ? xtr(w) : null; // XᵀR kept up to date (gram mode)
    double[] r = gram == null ? residual(w) : null;
    double gap = Double.POSITIVE_INFINITY;
    for (int it = 0; it < maxIter; it++) {
      ctx.poll();
      double wMax = 0;
      double dMax = 0;
      for (int j = 0; j < d; j++) {
        double old = w[j];
        double sq = gram != null ? gram[j * d + j] : colSq[j];
        if (sq == 0) {
          continue;
        }
        double tmp = (gram != null ? q[j] : Dense.dot(cols, j * n, r, 0, n)) + sq * old;
        double nw = Math.signum(tmp) * Math.max(Math.abs(tmp) - l1, 0) / (sq + l2);
        if (nw != old) {
          double delta = nw - old;
          w[j] = nw;
          if (gram != null) {
            int o = j * d;
            for (int m = 0; m < d; m++) {
              q[m] -= delta * gram[o + m];
            }
          } else {
            int o = j * n;
            for (int i = 0; i < n; i++) {
              r[i] -= delta * cols[o + i];
            }
          }
        }
        dMax = Math.max(dMax, Math.abs(nw - old));
        wMax = Math.max(wMax, Math.abs(nw));
      }
      if (wMax == 0 || dMax / wMax < tol || it == maxIter - 1) {
        gap = gap(w, l1, l2, gram != null ? q : xtrFromResidual(r), r);
        if (gap < gapTol) {
          return new Outcome(it + 1, gap, true);
        }
      }
    }
    return new Outcome(maxIter, gap, false);
  }

  /** The duality gap of the current w (scikit-learn's formula). */
  private double gap(double[] w, double l1, double l2, double[] xtr, double[] r) {
    double rNorm2;
    double ry;
    if (r != null) {
      rNorm2 = Dense.dot(r, 0, r, 0, n);
      ry = Dense.dot(r, 0, y, 0, n);
    } else {
      // R = y − Xw: ‖R‖² = yᵀy − 2 wᵀXᵀy + wᵀGw and Rᵀy = yᵀy − wᵀXᵀy, with Gw = Xᵀy − XᵀR
      double wXty = Dense.dot(w, 0, xty, 0, d);
      double wGw = 0;
      for (int j = 0; j < d; j++) {
        wGw += w[j] * (xty[j] - xtr[j]);
      }
      rNorm2 = yy - 2 * wXty + wGw;
      ry = yy - wXty;
    }
    double dual = 0;
    double l1Norm = 0;
    double wNorm2 = 0;
    for (int j = 0; j < d; j++) {
      dual = Math.max(dual, Math.abs(xtr[j] - l2 * w[j]));
      l1Norm += Math.abs(w[j]);
      wNorm2 += w[j] * w[j];
    }
    double c;
    double g;
    if (dual > l1) {
      c = l1 / dual;
      g = 0.5 * (rNorm2 + rNorm2 * c * c);
    } else {
      c = 1;
      g = rNorm2;
    }
    return g + l1 * l1Norm - c * ry + 0.5 * l2 * (1 + c * c) * wNorm2;
  }

  private double[] xtr(double[] w) {
    double[] q = xty.clone();
    for (int j = 0; j < d; j++) {
      if (w[j] != 0) {
        for (int m = 0; m < d; m++) {
          q[m] -= w[j] * gram[j * d + m];
        }
      }
    }
    return q;
  }

  private double[] residual(double[] w) {
    double[] r = y.clone();
    for (int j = 0; j < d; j++) {
      if (w[j] != 0) {
        for (int i = 0; i < n; i++) {
          r[i] -= w[j] * cols[j * n + i];
        }
      }
    }
    return r;
  }

  private double[] xtrFromResidual(double[] r) {
    double[] q = new double[d];
    for (int j = 0; j < d; j++) {
      q[j] = Dense.dot(cols, j * n, r, 0, n);
    }
    return q;
  }
}
