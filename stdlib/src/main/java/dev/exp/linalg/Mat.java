package dev.exp.linalg;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import org.ejml.data.DMatrixRMaj;

/** Conversions and argument checks shared by the linalg kernels. */
final class Mat {
  private Mat() {}

  static final double EPS = Math.ulp(1.0);

  /** Requires a finite matrix; returns an EJML copy (EJML decompositions may overwrite their input). */
  static DMatrixRMaj matrix(Tensor a, String fn, String arg) {
    if (a.rank() != 2) {
      throw KernelException.of("%s: %s must be a matrix, got shape %s", fn, arg, Tensor.shapeString(a.shape()));
    }
    TensorArgs.requireFinite(a, fn, arg);
    return DMatrixRMaj.wrap(a.dim(0), a.dim(1), a.toArray()); // toArray is a fresh copy
  }

  static DMatrixRMaj square(Tensor a, String fn, String arg) {
    if (a.rank() != 2 || a.dim(0) != a.dim(1)) {
      throw KernelException.of("%s: %s must be a square matrix, got shape %s", fn, arg, Tensor.shapeString(a.shape()));
    }
    return matrix(a, fn, arg);
  }

  static Tensor tensor(DMatrixRMaj m) {
    double[] d = m.data.length == m.numRows * m.numCols ? m.data : java.util.Arrays.copyOf(m.data, m.numRows * m.numCols);
    return Tensor.wrap(new int[] {m.numRows, m.numCols}, d);
  }

  /** Fails unless |a - aᵀ| <= tol * max|a| everywhere. */
  static void requireSymmetric(DMatrixRMaj a, String fn, String arg) {
    int n = a.numRows;
    double max = 0;
    for (double v : a.data) {
      max = Math.max(max, Math.abs(v));
    }
    double tol = 1e-10 * Math.max(max, Double.MIN_NORMAL);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double x = a.get(i, j);
        double y = a.get(j, i);
        if (Math.abs(x - y) > tol) {
          throw KernelException.of("%s: %s must be symmetric, but %s[%d, %d] = %s and %s[%d, %d] = %s (shape [%d, %d])",
              fn, arg, arg, i, j, TensorArgs.fmt(x), arg, j, i, TensorArgs.fmt(y), n, n);
        }
      }
    }
  }

  /** Symmetrises (averages a and aᵀ) in place. */
  static void symmetrize(DMatrixRMaj a) {
    int n = a.numRows;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double v = 0.5 * (a.get(i, j) + a.get(j, i));
        a.set(i, j, v);
        a.set(j, i, v);
      }
    }
  }

  /** LAPACK's sequential 1-based row interchanges (ipiv) as a permutation: (PA)[i] = A[perm[i]]. */
  static int[] permutation(int[] ipiv, int rows) {
    int[] perm = new int[rows];
    for (int i = 0; i < rows; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < ipiv.length; i++) {
      int r = ipiv[i] - 1;
      int t = perm[i];
      perm[i] = perm[r];
      perm[r] = t;
    }
    return perm;
  }
}
