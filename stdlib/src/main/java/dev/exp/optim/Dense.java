package dev.exp.optim;

/** Small dense linear algebra for the second-order methods (row-major n×n, n small). */
final class Dense {
  private Dense() {}

  /** The Cholesky factor L (lower, row-major) of A + shift·I, or null when not positive definite. */
  static double[] cholesky(double[] a, int n, double shift) {
    double[] l = new double[n * n];
    for (int j = 0; j < n; j++) {
      double s = a[j * n + j] + shift;
      for (int k = 0; k < j; k++) {
        s -= l[j * n + k] * l[j * n + k];
      }
      if (!(s > 0)) {
        return null;
      }
      double d = Math.sqrt(s);
      l[j * n + j] = d;
      for (int i = j + 1; i < n; i++) {
        double t = a[i * n + j];
        for (int k = 0; k < j; k++) {
          t -= l[i * n + k] * l[j * n + k];
        }
        l[i * n + j] = t / d;
      }
    }
    return l;
  }

  /** Solves L Lᵀ x = b. */
  static double[] cholSolve(double[] l, int n, double[] b) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * n + k] * y[k];
      }
      y[i] = s / l[i * n + i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k * n + i] * x[k];
      }
      x[i] = s / l[i * n + i];
    }
    return x;
  }

  /** The inverse of the SPD matrix with factor L. */
  static double[] cholInverse(double[] l, int n) {
    double[] inv = new double[n * n];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      java.util.Arrays.fill(e, 0);
      e[j] = 1;
      double[] c = cholSolve(l, n, e);
      for (int i = 0; i < n; i++) {
        inv[i * n + j] = c[i];
      }
    }
    return inv;
  }

  /** y = A x. */
  static double[] mul(double[] a, int n, double[] x) {
    int m = a.length / n;
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += a[i * n + k] * x[k];
      }
      y[i] = s;
    }
    return y;
  }
}
