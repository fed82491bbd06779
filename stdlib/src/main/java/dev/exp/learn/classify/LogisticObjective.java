package dev.exp.learn.classify;

import dev.exp.learn.Dense;
import dev.exp.learn.Lbfgs;
import dev.exp.tensor.blas.Blas;

/**
 * The L2-regularised logistic objective of scikit-learn's LogisticRegression,
 * f(θ) = C Σ_i loss_i + ½‖W‖² (intercepts not penalised), binary (sigmoid, one column) or
 * multinomial (softmax over K columns). θ is [(d + 1), q] row-major: rows 0..d−1 hold W, row d the
 * intercepts; q = 1 for two classes, K otherwise.
 */
final class LogisticObjective implements Lbfgs.Objective {
  final double[] x;
  final int n;
  final int d;
  final int q;
  final int[] t;
  final double c;

  LogisticObjective(double[] x, int n, int d, int classes, int[] t, double c) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.q = classes == 2 ? 1 : classes;
    this.t = t;
    this.c = c;
  }

  int size() {
    return (d + 1) * q;
  }

  /** Linear scores Z [n, q] = X W + b. */
  double[] scores(double[] theta) {
    double[] z = new double[n * q];
    if (q == 1) { // row dot products: contiguous, no BLAS call for a matrix-vector product
      for (int i = 0; i < n; i++) {
        int o = i * d;
        double s = theta[d];
        for (int j = 0; j < d; j++) {
          s += x[o + j] * theta[j];
        }
        z[i] = s;
      }
      return z;
    }
    Blas.dgemm(false, false, n, q, d, x, 0, theta, 0, z, 0);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < q; k++) {
        z[i * q + k] += theta[d * q + k];
      }
    }
    return z;
  }

  @Override
  public double eval(double[] theta, double[] grad) {
    double[] z = scores(theta);
    double loss = 0;
    // z becomes the residual R = P − T
    if (q == 1) {
      for (int i = 0; i < n; i++) {
        double zi = z[i];
        double ti = t[i];
        loss += (zi > 0 ? zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi))) - ti * zi;
        z[i] = (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))) - ti;
      }
    } else {
      for (int i = 0; i < n; i++) {
        int o = i * q;
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < q; k++) {
          m = Math.max(m, z[o + k]);
        }
        double s = 0;
        for (int k = 0; k < q; k++) {
          s += Math.exp(z[o + k] - m);
        }
        double lse = m + Math.log(s);
        loss += lse - z[o + t[i]];
        for (int k = 0; k < q; k++) {
          z[o + k] = Math.exp(z[o + k] - lse);
        }
        z[o + t[i]] -= 1;
      }
    }
    if (q == 1) {
      java.util.Arrays.fill(grad, 0.0);
      for (int i = 0; i < n; i++) {
        int o = i * d;
        double r = z[i];
        for (int j = 0; j < d; j++) {
          grad[j] += r * x[o + j];
        }
      }
    } else {
      Blas.dgemm(true, false, d, q, n, x, 0, z, 0, grad, 0);
    }
    double pen = 0;
    for (int j = 0; j < d * q; j++) {
      pen += theta[j] * theta[j];
      grad[j] = c * grad[j] + theta[j];
    }
    for (int k = 0; k < q; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += z[i * q + k];
      }
      grad[d * q + k] = c * s;
    }
    return c * loss + 0.5 * pen;
  }

  /** The Hessian [P, P] at θ (P = (d + 1) q), with the penalty's identity on the W entries. */
  double[] hessian(double[] theta) {
    int dd = d + 1;
    int p = dd * q;
    double[] z = scores(theta);
    double[] prob = z;
    if (q == 1) {
      for (int i = 0; i < n; i++) {
        double s = 1 / (1 + Math.exp(-z[i]));
        prob[i] = s;
      }
    } else {
      for (int i = 0; i < n; i++) {
        int o = i * q;
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < q; k++) {
          m = Math.max(m, z[o + k]);
        }
        double s = 0;
        for (int k = 0; k < q; k++) {
          z[o + k] = Math.exp(z[o + k] - m);
          s += z[o + k];
        }
        for (int k = 0; k < q; k++) {
          z[o + k] /= s;
        }
      }
    }
    double[] h = new double[p * p];
    double[] wx = new double[n * dd];
    double[] aug = augmented();
    double[] block = new double[dd * dd];
    if (q == 1) {
      for (int i = 0; i < n; i++) {
        double v = c * prob[i] * (1 - prob[i]);
        int o = i * dd;
        for (int j = 0; j < dd; j++) {
          wx[o + j] = v * aug[o + j];
        }
      }
      Blas.dgemm(true, false, dd, dd, n, aug, 0, wx, 0, h, 0);
      for (int j = 0; j < d; j++) {
        h[j * p + j] += 1;
      }
      return h;
    }
    for (int a = 0; a < q; a++) {
      for (int b = a; b < q; b++) {
        for (int i = 0; i < n; i++) {
          double v;
          if (q == 1) {
            v = prob[i] * (1 - prob[i]);
          } else {
            v = prob[i * q + a] * ((a == b ? 1 : 0) - prob[i * q + b]);
          }
          v *= c;
          int o = i * dd;
          for (int j = 0; j < dd; j++) {
            wx[o + j] = v * aug[o + j];
          }
        }
        Blas.dgemm(true, false, dd, dd, n, aug, 0, wx, 0, block, 0);
        for (int j = 0; j < dd; j++) {
          for (int l = 0; l < dd; l++) {
            double v = block[j * dd + l];
            h[(j * q + a) * p + (l * q + b)] = v;
            h[(l * q + b) * p + (j * q + a)] = v;
          }
        }
      }
    }
    for (int j = 0; j < d * q; j++) {
      h[j * p + j] += 1;
    }
    return h;
  }

  private double[] aug;

  /** [X, 1] as [n, d + 1], built once. */
  double[] augmented() {
    if (aug == null) {
      int dd = d + 1;
      aug = new double[n * dd];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x, i * d, aug, i * dd, d);
        aug[i * dd + d] = 1;
      }
    }
    return aug;
  }

  /** Subtracts the mean intercept (the multinomial loss does not see a common shift; scikit-learn's fit has mean 0). */
  void centerIntercepts(double[] theta) {
    if (q == 1) {
      return;
    }
    double m = 0;
    for (int k = 0; k < q; k++) {
      m += theta[d * q + k];
    }
    m /= q;
    for (int k = 0; k < q; k++) {
      theta[d * q + k] -= m;
    }
  }

  static double[] solveSpd(double[] h, int p, double[] g) {
    double[] l = Dense.cholesky(h, p);
    if (l == null) {
      double tr = 0;
      for (int j = 0; j < p; j++) {
        tr += h[j * p + j];
      }
      double[] hh = h.clone();
      Dense.addDiagonal(hh, p, 1e-10 * tr / p + 1e-300);
      l = Dense.cholesky(hh, p);
      if (l == null) {
        return null;
      }
    }
    double[] s = g.clone();
    Dense.cholSolve(l, p, s, 1);
    return s;
  }
}
