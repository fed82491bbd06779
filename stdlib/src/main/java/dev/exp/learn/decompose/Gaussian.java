package dev.exp.learn.decompose;

import dev.exp.kernel.KernelException;

/** Multivariate normal log-densities through a Cholesky factor (lower, row-major d×d). */
public final class Gaussian {
  private Gaussian() {}

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  /** The lower Cholesky factor of the symmetric positive definite d×d matrix a; null when it is not. */
  public static double[] cholesky(double[] a, int d) {
    double[] l = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * d + j];
        for (int t = 0; t < j; t++) {
          s -= l[i * d + t] * l[j * d + t];
        }
        if (i == j) {
          if (!(s > 0)) {
            return null;
          }
          l[i * d + i] = Math.sqrt(s);
        } else {
          l[i * d + j] = s / l[j * d + j];
        }
      }
    }
    return l;
  }

  /** As {@link #cholesky}, throwing a message naming {@code what} when a is not positive definite. */
  public static double[] choleskyOrThrow(double[] a, int d, String what) {
    double[] l = cholesky(a, d);
    if (l == null) {
      throw new KernelException(what + " is not positive definite (add regularisation)");
    }
    return l;
  }

  /** log N(x_i; mean, L Lᵀ) for each of the n rows of x. */
  public static double[] logpdfRows(double[] x, int n, int d, double[] mean, double[] l) {
    double logdet = 0;
    for (int i = 0; i < d; i++) {
      logdet += 2 * Math.log(l[i * d + i]);
    }
    double c = -0.5 * (d * LOG_2PI + logdet);
    double[] out = new double[n];
    double[] z = new double[d];
    for (int r = 0; r < n; r++) {
      double q = 0;
      for (int i = 0; i < d; i++) {
        double s = x[r * d + i] - mean[i];
        for (int t = 0; t < i; t++) {
          s -= l[i * d + t] * z[t];
        }
        z[i] = s / l[i * d + i];
        q += z[i] * z[i];
      }
      out[r] = c - 0.5 * q;
    }
    return out;
  }

  /** Mean over rows of log N(x_i; mean, cov). */
  public static double meanLogLikelihood(double[] x, int n, int d, double[] mean, double[] cov, String what) {
    double[] lp = logpdfRows(x, n, d, mean, choleskyOrThrow(cov, d, what));
    double s = 0;
    for (double v : lp) {
      s += v;
    }
    return s / n;
  }
}
