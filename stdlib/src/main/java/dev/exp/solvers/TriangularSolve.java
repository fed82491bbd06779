package dev.exp.solvers;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.Csr;
import dev.exp.sparse.SparseMatrix;
import dev.exp.tensor.Tensor;

/** Sparse triangular solves by substitution over the CSR rows (kernels.md S02). */
public final class TriangularSolve {
  private TriangularSolve() {}

  @Kernel(name = "solvers.spsolve_triangular", doc = "Solves A x = b for a triangular A by forward (lower true, the "
      + "default) or back substitution over A's CSR rows, O(nnz) per right-hand side (scipy.sparse.linalg."
      + "spsolve_triangular). Entries of A outside the chosen triangle are ignored; unit_diagonal true takes the "
      + "diagonal as ones (its stored values are ignored). A is a sparse or dense square matrix; b a vector [n] or "
      + "a matrix [n, k] of right-hand sides (then x is [n, k]). A zero diagonal entry is an error naming its row. "
      + "Defaults lower true, unit_diagonal false. Example: solvers.spsolve_triangular(sparse.tril(A), b)")
  public static Tensor spsolveTriangular(@Arg("a") LinearOperator a, @Arg("b") Tensor b,
      @Arg(value = "lower", dflt = "true") boolean lower,
      @Arg(value = "unit_diagonal", dflt = "false") boolean unit) {
    String fn = "solvers.spsolve_triangular";
    SparseMatrix m = Csr.entries(a, fn, "a");
    int n = m.rows();
    if (m.cols() != n) {
      throw KernelException.of("%s: a must be square, got shape [%d, %d]", fn, n, m.cols());
    }
    if (b.isComplex() || b.rank() < 1 || b.rank() > 2 || b.dim(0) != n) {
      throw KernelException.of("%s: b must be a real vector [%d] or matrix [%d, k], got shape %s", fn, n, n,
          Tensor.shapeString(b.shape()));
    }
    int k = b.rank() == 1 ? 1 : b.dim(1);
    double[] x = b.raw().clone();
    int[] ptr = m.indptr();
    int[] idx = m.indices();
    double[] val = m.data();
    double[] acc = new double[k];
    for (int t = 0; t < n; t++) {
      int i = lower ? t : n - 1 - t;
      System.arraycopy(x, i * k, acc, 0, k);
      double diag = unit ? 1 : 0;
      for (int p = ptr[i]; p < ptr[i + 1]; p++) {
        int j = idx[p];
        if (j == i) {
          if (!unit) {
            diag += val[p];
          }
        } else if (lower ? j < i : j > i) {
          double v = val[p];
          for (int c = 0; c < k; c++) {
            acc[c] -= v * x[j * k + c];
          }
        }
      }
      if (diag == 0) {
        throw KernelException.of("%s: a is singular: its diagonal entry a[%d, %d] is 0", fn, i, i);
      }
      for (int c = 0; c < k; c++) {
        x[i * k + c] = acc[c] / diag;
      }
    }
    return Tensor.wrap(b.shape(), x);
  }
}
