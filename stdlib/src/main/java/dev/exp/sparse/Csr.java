package dev.exp.sparse;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.tensor.Tensor;

/** Builders of {@link SparseMatrix} values: from triplets (duplicates summed), dense tensors, diagonals. */
public final class Csr {
  private Csr() {}

  /**
   * The rows x cols matrix with entries v[k] at (r[k], c[k]); duplicates are summed (explicit zeros are
   * kept, as SciPy's {@code coo_matrix(...).tocsr()}).
   */
  public static SparseMatrix fromTriplets(int rows, int cols, int[] r, int[] c, double[] v) {
    int n = r.length;
    int[] count = new int[rows + 1];
    for (int k = 0; k < n; k++) {
      if (r[k] < 0 || r[k] >= rows || c[k] < 0 || c[k] >= cols) {
        throw KernelException.of("entry %d at (%d, %d) lies outside the shape [%d, %d]", k, r[k], c[k], rows, cols);
      }
      count[r[k] + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      count[i + 1] += count[i];
    }
    int[] next = java.util.Arrays.copyOf(count, rows);
    int[] ci = new int[n];
    double[] cv = new double[n];
    for (int k = 0; k < n; k++) {
      int p = next[r[k]]++;
      ci[p] = c[k];
      cv[p] = v[k];
    }
    // sort each row by column (insertion sort: rows are short) and sum duplicates in place
    int[] indptr = new int[rows + 1];
    int t = 0;
    for (int i = 0; i < rows; i++) {
      int s = count[i];
      int e = count[i + 1];
      for (int a = s + 1; a < e; a++) {
        int col = ci[a];
        double val = cv[a];
        int b = a - 1;
        while (b >= s && ci[b] > col) {
          ci[b + 1] = ci[b];
          cv[b + 1] = cv[b];
          b--;
        }
        ci[b + 1] = col;
        cv[b + 1] = val;
      }
      for (int a = s; a < e; a++) {
        if (t > indptr[i] && ci[t - 1] == ci[a]) {
          cv[t - 1] += cv[a];
        } else {
          ci[t] = ci[a];
          cv[t++] = cv[a];
        }
      }
      indptr[i + 1] = t;
    }
    return new SparseMatrix(rows, cols, indptr, java.util.Arrays.copyOf(ci, t), java.util.Arrays.copyOf(cv, t));
  }

  /** The nonzero entries of a dense matrix. */
  public static SparseMatrix fromDense(Tensor a) {
    if (a.rank() != 2 || a.isComplex()) {
      throw KernelException.of("expected a real matrix (2-D tensor), got shape %s%s", Tensor.shapeString(a.shape()),
          a.isComplex() ? " (complex)" : "");
    }
    int m = a.dim(0);
    int n = a.dim(1);
    double[] v = a.raw();
    int nnz = 0;
    for (double x : v) {
      if (x != 0) {
        nnz++;
      }
    }
    int[] p = new int[m + 1];
    int[] ix = new int[nnz];
    double[] dv = new double[nnz];
    int t = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double x = v[i * n + j];
        if (x != 0) {
          ix[t] = j;
          dv[t++] = x;
        }
      }
      p[i + 1] = t;
    }
    return new SparseMatrix(m, n, p, ix, dv);
  }

  /** The rows x cols matrix with ones on diagonal k. */
  public static SparseMatrix eye(int rows, int cols, int k) {
    return diags(new double[][] {{1}}, new int[] {k}, rows, cols);
  }

  /**
   * SciPy's {@code diags}: diagonal offsets[d] holds diagonals[d] (length 1 broadcasts), which must have the
   * diagonal's length min(rows + min(k, 0), cols - max(k, 0)).
   */
  public static SparseMatrix diags(double[][] diagonals, int[] offsets, int rows, int cols) {
    if (diagonals.length != offsets.length) {
      throw KernelException.of("%d diagonals but %d offsets", diagonals.length, offsets.length);
    }
    int total = 0;
    int[] lens = new int[offsets.length];
    for (int d = 0; d < offsets.length; d++) {
      int k = offsets[d];
      int len = Math.min(rows + Math.min(k, 0), cols - Math.max(k, 0));
      if (len <= 0) {
        throw KernelException.of("offset %d lies outside a [%d, %d] matrix", k, rows, cols);
      }
      if (diagonals[d].length != 1 && diagonals[d].length != len) {
        throw KernelException.of("diagonal %d (offset %d) has length %d; a [%d, %d] matrix needs %d (or 1 to repeat it)",
            d, k, diagonals[d].length, rows, cols, len);
      }
      for (int e = 0; e < d; e++) {
        if (offsets[e] == k) {
          throw KernelException.of("offset %d is repeated", k);
        }
      }
      lens[d] = len;
      total += len;
    }
    int[] r = new int[total];
    int[] c = new int[total];
    double[] v = new double[total];
    int t = 0;
    for (int d = 0; d < offsets.length; d++) {
      int k = offsets[d];
      for (int s = 0; s < lens[d]; s++) {
        int i = k >= 0 ? s : s - k;
        r[t] = i;
        c[t] = i + k;
        v[t++] = diagonals[d].length == 1 ? diagonals[d][0] : diagonals[d][s];
      }
    }
    return fromTriplets(rows, cols, r, c, v);
  }

  /**
   * The entries of a square operator as CSR: a sparse matrix as is, a dense one converted. A script
   * function has no entries: the error says so, naming the kernel and parameter.
   */
  public static SparseMatrix entries(LinearOperator a, String fn, String param) {
    if (a instanceof SparseMatrix s) {
      return s;
    }
    if (a instanceof dev.exp.linalg.DenseOperator d) {
      return fromDense(d.matrix());
    }
    throw KernelException.of("%s: %s must be a dense or sparse matrix here (the method needs its entries), got %s",
        fn, param, a.rows() < 0 ? "a function x -> A x" : "an operator without entries");
  }
}
