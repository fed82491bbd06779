package dev.exp.learn;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.blas.Blas;

/**
 * Dense row-major helpers of the learners: products through BLAS, column means, centring, and a
 * Cholesky factorisation with solves for the small symmetric positive-definite systems of fits.
 */
public final class Dense {
  private Dense() {}

  /** C [m, n] = A [m, k] · B [k, n]. */
  public static double[] mul(double[] a, int m, int k, double[] b, int n) {
    double[] c = new double[m * n];
    Blas.dgemm(false, false, m, n, k, a, 0, b, 0, c, 0);
    return c;
  }

  /** C [m, n] = A [m, k] · Bᵀ where B is [n, k]. */
  public static double[] mulT(double[] a, int m, int k, double[] b, int n) {
    double[] c = new double[m * n];
    Blas.dgemm(false, true, m, n, k, a, 0, b, 0, c, 0);
    return c;
  }

  /** C [k, n] = Aᵀ · B where A is [m, k] and B is [m, n]. */
  public static double[] tmul(double[] a, int m, int k, double[] b, int n) {
    double[] c = new double[k * n];
    Blas.dgemm(true, false, k, n, m, a, 0, b, 0, c, 0);
    return c;
  }

  /** XᵀX [d, d] of an [n, d] matrix. */
  public static double[] gram(double[] x, int n, int d) {
    return tmul(x, n, d, x, d);
  }

  /** Column means of an [n, d] matrix. */
  public static double[] colMeans(double[] x, int n, int d) {
    double[] m = new double[d];
    for (int i = 0; i < n; i++) {
      int o = i * d;
      for (int j = 0; j < d; j++) {
        m[j] += x[o + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= n;
    }
    return m;
  }

  /** A copy of x [n, d] with mean subtracted from every row. */
  public static double[] center(double[] x, int n, int d, double[] mean) {
    double[] c = new double[n * d];
    for (int i = 0; i < n; i++) {
      int o = i * d;
      for (int j = 0; j < d; j++) {
        c[o + j] = x[o + j] - mean[j];
      }
    }
    return c;
  }

  /** Adds v to the diagonal of the square [d, d] matrix a, in place. */
  public static void addDiagonal(double[] a, int d, double v) {
    for (int j = 0; j < d; j++) {
      a[j * d + j] += v;
    }
  }

  /**
   * The lower Cholesky factor of a symmetric positive-definite [d, d] matrix (a copy), or null when a
   * pivot is not positive (the matrix is not numerically positive definite).
   */
  public static double[] cholesky(double[] a, int d) {
    double[] l = new double[d * d];
    for (int j = 0; j < d; j++) {
      double s = a[j * d + j];
      for (int k = 0; k < j; k++) {
        s -= l[j * d + k] * l[j * d + k];
      }
      if (!(s > 0)) {
        return null;
      }
      double ljj = Math.sqrt(s);
      l[j * d + j] = ljj;
      for (int i = j + 1; i < d; i++) {
        double t = a[i * d + j];
        int oi = i * d;
        int oj = j * d;
        for (int k = 0; k < j; k++) {
          t -= l[oi + k] * l[oj + k];
        }
        l[oi + j] = t / ljj;
      }
    }
    return l;
  }

  /** Like {@link #cholesky} but fails with a message naming what was being factorised. */
  public static double[] choleskyOrFail(double[] a, int d, String fn, String what) {
    double[] l = cholesky(a, d);
    if (l == null) {
      throw KernelException.of("%s: %s (%d×%d) is not positive definite; increase the regularisation", fn, what, d, d);
    }
    return l;
  }

  /** Solves (L Lᵀ) X = B in place for B [d, k] given the lower factor L. */
  public static void cholSolve(double[] l, int d, double[] b, int k) {
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < d; i++) {
        double s = b[i * k + c];
        for (int j = 0; j < i; j++) {
          s -= l[i * d + j] * b[j * k + c];
        }
        b[i * k + c] = s / l[i * d + i];
      }
      for (int i = d - 1; i >= 0; i--) {
        double s = b[i * k + c];
        for (int j = i + 1; j < d; j++) {
          s -= l[j * d + i] * b[j * k + c];
        }
        b[i * k + c] = s / l[i * d + i];
      }
    }
  }

  /** The inverse of L Lᵀ given its lower factor. */
  public static double[] cholInverse(double[] l, int d) {
    double[] inv = new double[d * d];
    for (int j = 0; j < d; j++) {
      inv[j * d + j] = 1;
    }
    cholSolve(l, d, inv, d);
    return inv;
  }

  /** log det (L Lᵀ) = 2 Σ log L_jj. */
  public static double cholLogDet(double[] l, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      s += Math.log(l[j * d + j]);
    }
    return 2 * s;
  }

  /** Σ a_i b_i over n values from the given offsets. */
  public static double dot(double[] a, int ao, double[] b, int bo, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += a[ao + i] * b[bo + i];
    }
    return s;
  }
}
