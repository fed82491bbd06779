package dev.exp.solvers;

import dev.exp.kernel.KernelException;
import dev.exp.sparse.SparseMatrix;

/**
 * IC(0): the incomplete Cholesky factor L with the pattern of tril(A), M = L·Lᵀ. Built row by row
 * (L_ik = (a_ik − Σ_{j<k} L_ij L_kj) / L_kk over the shared pattern); a nonpositive pivot is an error
 * that names the row.
 */
final class IncompleteCholesky implements Preconditioner {
  private final int[] p;
  private final int[] ix;
  private final double[] v;
  private final double[] diag;

  IncompleteCholesky(SparseMatrix a, String fn) {
    if (a.rows() != a.cols()) {
      throw KernelException.of("%s: IC(0) needs a square matrix, got [%d, %d]", fn, a.rows(), a.cols());
    }
    SparseMatrix low = a.triangle(false, 0);
    int n = a.rows();
    p = low.indptr();
    ix = low.indices();
    v = low.data().clone();
    diag = new double[n];
    for (int i = 0; i < n; i++) {
      int s = p[i];
      int e = p[i + 1];
      if (e == s || ix[e - 1] != i) {
        throw KernelException.of("%s: IC(0) needs a stored positive diagonal; a[%d, %d] is missing", fn, i, i);
      }
      for (int q = s; q < e - 1; q++) {
        int k = ix[q];
        // dot of row i (entries before q) with row k (entries before its diagonal)
        double dot = 0;
        int a1 = s;
        int a2 = p[k];
        int e2 = p[k + 1] - 1;
        while (a1 < q && a2 < e2) {
          int c1 = ix[a1];
          int c2 = ix[a2];
          if (c1 == c2) {
            dot += v[a1++] * v[a2++];
          } else if (c1 < c2) {
            a1++;
          } else {
            a2++;
          }
        }
        v[q] = (v[q] - dot) / diag[k];
      }
      double piv = v[e - 1];
      for (int q = s; q < e - 1; q++) {
        piv -= v[q] * v[q];
      }
      if (!(piv > 0)) {
        throw KernelException.of("%s: IC(0) breaks down at row %d (pivot %s <= 0): the matrix is not SPD or needs "
            + "fill-in; try preconditioner \"jacobi\" or \"ssor\"", fn, i, piv);
      }
      diag[i] = Math.sqrt(piv);
      v[e - 1] = diag[i];
    }
  }

  @Override
  public void apply(double[] r, double[] z) {
    int n = r.length;
    // L y = r
    for (int i = 0; i < n; i++) {
      double t = r[i];
      int e = p[i + 1] - 1;
      for (int k = p[i]; k < e; k++) {
        t -= v[k] * z[ix[k]];
      }
      z[i] = t / diag[i];
    }
    // Lᵀ z = y, column-oriented over the rows of L
    for (int i = n - 1; i >= 0; i--) {
      double zi = z[i] / diag[i];
      z[i] = zi;
      int e = p[i + 1] - 1;
      for (int k = p[i]; k < e; k++) {
        z[ix[k]] -= v[k] * zi;
      }
    }
  }
}
