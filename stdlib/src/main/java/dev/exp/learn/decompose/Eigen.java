package dev.exp.learn.decompose;

import dev.exp.linalg.Decompositions;
import dev.exp.tensor.Tensor;
import java.util.Map;

/** Eigen-decomposition of a symmetric matrix, largest eigenvalues first. */
final class Eigen {
  final double[] values;
  /** Eigenvectors as rows (row i belongs to values[i]), unit length, largest |entry| positive. */
  final double[] vectors;
  final int d;

  private Eigen(double[] values, double[] vectors, int d) {
    this.values = values;
    this.vectors = vectors;
    this.d = d;
  }

  /** Decomposes the symmetric d×d matrix a (symmetrised first; a is not modified). */
  static Eigen of(double[] a, int d) {
    double[] s = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        s[i * d + j] = 0.5 * (a[i * d + j] + a[j * d + i]);
      }
    }
    Map<String, Object> r = Decompositions.eigh(Tensor.wrap(new int[] {d, d}, s));
    double[] w = ((Tensor) r.get("values")).raw();
    double[] v = ((Tensor) r.get("vectors")).raw();
    double[] values = new double[d];
    double[] rows = new double[d * d];
    for (int i = 0; i < d; i++) {
      int col = d - 1 - i;
      values[i] = w[col];
      int big = 0;
      for (int t = 0; t < d; t++) {
        rows[i * d + t] = v[t * d + col];
        if (Math.abs(rows[i * d + t]) > Math.abs(rows[i * d + big])) {
          big = t;
        }
      }
      if (rows[i * d + big] < 0) {
        for (int t = 0; t < d; t++) {
          rows[i * d + t] = -rows[i * d + t];
        }
      }
    }
    return new Eigen(values, rows, d);
  }
}
