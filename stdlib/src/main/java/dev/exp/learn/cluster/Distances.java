package dev.exp.learn.cluster;

import dev.exp.tensor.blas.Blas;

/** Squared Euclidean distances between the rows of two matrices by one BLAS product per block. */
public final class Distances {
  private Distances() {}

  /** Row sums of squares of the n×d matrix x. */
  public static double[] rowNorms(double[] x, int n, int d) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = i * d, e = j + d; j < e; j++) {
        s += x[j] * x[j];
      }
      out[i] = s;
    }
    return out;
  }

  /**
   * Writes into {@code out} (rows×k, row-major) the squared distances ‖x_i‖² − 2 x_i·c_j + ‖c_j‖² between
   * rows {@code r0 .. r0+rows} of x (n×d) and the k rows of c, clamped at 0; xn and cn are the row norms.
   */
  public static void squared(double[] x, double[] xn, int r0, int rows, int d, double[] c, double[] cn, int k,
      double[] out) {
    Blas.dgemm(false, true, rows, k, d, x, r0 * d, c, 0, out, 0);
    for (int i = 0; i < rows; i++) {
      double xi = xn[r0 + i];
      int o = i * k;
      for (int j = 0; j < k; j++) {
        double v = xi - 2 * out[o + j] + cn[j];
        out[o + j] = v > 0 ? v : 0;
      }
    }
  }
}
