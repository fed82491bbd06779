package dev.exp.learn.linear;

import dev.exp.kernel.KernelContext;
import dev.exp.learn.Dense;
import dev.exp.learn.LearnArgs;

/**
 * Cyclic coordinate descent for the elastic net in scikit-learn's scaling, on centred data:
 * min ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖² (l1 = n·alpha·l1_ratio, l2 = n·alpha·(1 − l1_ratio)), stopped by
 * the duality gap of scikit-learn's enet_coordinate_descent (gap &lt; tol·‖y‖²), checked when the largest
 * coordinate change falls below tol relative to the largest coefficient. This is the Gram form: XᵀX
 * is formed once by BLAS (n·d² flops) and each coordinate update then costs d; {@link WorkingSet} is
 * the form on the columns.
 */
final class CoordinateDescent implements EnetSolver {
  private final double[] x;
  private final int n;
  private final int d;
  private final double yy;
  private final double[] gram;
  private final double[] xty;
  private final double[] mean;

  /** The design x [n, d] (not modified) centred by xMean (zeros: no intercept) and the centred targets yc. */
  CoordinateDescent(double[] x, double[] xMean, double[] yc, int n, int d) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.mean = xMean;
    this.yy = Dense.dot(yc, 0, yc, 0, n);
    double[] xc = Dense.center(x, n, d, xMean);
    this.gram = Dense.gram(xc, n, d);
    this.xty = Dense.tmul(xc, n, d, yc, 1);
  }

  private CoordinateDescent(CoordinateDescent o, double[] yc) {
    this.x = o.x;
    this.n = o.n;
    this.d = o.d;
    this.mean = o.mean;
    this.gram = o.gram;
    this.yy = Dense.dot(yc, 0, yc, 0, n);
    this.xty = Moments.xtr(x, mean, yc, n, d, null);
  }

  @Override
  public EnetSolver target(double[] yc) {
    return new CoordinateDescent(this, yc);
  }

  @Override
  public double[] xty() {
    return xty;
  }

  @Override
  public boolean finite() {
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(gram[j * d + j])) {
        return false;
      }
    }
    return LearnArgs.allFinite(xty) && LearnArgs.allFinite(mean);
  }

  @Override
  public double[] xMean() {
    return mean;
  }

  @Override
  public Outcome solve(double[] w, double l1, double l2, double tol, int maxIter, KernelContext ctx) {
    double gapTol = tol * yy;
    double[] q = xtr(w); // XᵀR kept up to date
    double gap = Double.POSITIVE_INFINITY;
    for (int it = 0; it < maxIter; it++) {
      ctx.poll();
      double wMax = 0;
      double dMax = 0;
      for (int j = 0; j < d; j++) {
        double old = w[j];
        double sq = gram[j * d + j];
        if (sq == 0) {
          continue;
        }
        double tmp = q[j] + sq * old;
        double nw = Math.signum(tmp) * Math.max(Math.abs(tmp) - l1, 0) / (sq + l2);
        if (nw != old) {
          double delta = nw - old;
          w[j] = nw;
          int o = j * d;
          for (int m = 0; m < d; m++) {
            q[m] -= delta * gram[o + m];
          }
        }
        dMax = Math.max(dMax, Math.abs(nw - old));
        wMax = Math.max(wMax, Math.abs(nw));
      }
      if (wMax == 0 || dMax / wMax < tol || it == maxIter - 1) {
        // R = y − Xw: ‖R‖² = yᵀy − 2 wᵀXᵀy + wᵀGw and Rᵀy = yᵀy − wᵀXᵀy, with Gw = Xᵀy − XᵀR
        double wXty = Dense.dot(w, 0, xty, 0, d);
        double wGw = 0;
        for (int j = 0; j < d; j++) {
          wGw += w[j] * (xty[j] - q[j]);
        }
        gap = gap(w, q, l1, l2, yy - 2 * wXty + wGw, yy - wXty);
        if (gap < gapTol) {
          return new Outcome(it + 1, gap, true);
        }
      }
    }
    return new Outcome(maxIter, gap, false);
  }

  /**
   * The duality gap of scikit-learn's enet_coordinate_descent for coefficients w, with xtr = XᵀR, ‖R‖²
   * and Rᵀy of the residual R = y − Xw.
   */
  static double gap(double[] w, double[] xtr, double l1, double l2, double rNorm2, double ry) {
    double dual = 0;
    double l1Norm = 0;
    double wNorm2 = 0;
    for (int j = 0; j < w.length; j++) {
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
}
