package dev.exp.solvers;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.DenseOperator;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.CscMatrix;
import dev.exp.sparse.SparseMatrix;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * The square operator of an iterative method, applied to {@code double[]} vectors: a sparse matrix
 * directly (no allocation), anything else (dense matrix, script function) through {@link
 * LinearOperator#apply} on a copy of the vector.
 *
 * <p>Non-finite input is refused where it enters, naming the argument and the first bad entry: b (by
 * {@link #forSystem}), x0 ({@link Outcome#start}), the stored entries of a dense or sparse matrix (one
 * O(nnz) pass when the operator is made), and for a function operator each product it returns (an O(n)
 * pass after the call). Otherwise a NaN would make every "residual <= tol" test false and every "residual
 * > tol" test false too, so a solver could report convergence on garbage.
 */
final class SolverOperator {
  final int n;
  final SparseMatrix sparse;
  private final LinearOperator op;
  private final String fn;
  /** The matrix's entries are stored (dense or sparse, checked finite up front); false for a function. */
  private final boolean stored;

  private SolverOperator(int n, LinearOperator op, String fn) {
    this.n = n;
    this.op = op;
    this.fn = fn;
    this.sparse = op instanceof SparseMatrix s ? s : null;
    this.stored = op instanceof SparseMatrix || op instanceof DenseOperator || op instanceof CscMatrix;
  }

  /** The operator of a system A x = b: A must be square with b's length (a function takes b's length). */
  static SolverOperator forSystem(LinearOperator a, Tensor b, String fn) {
    if (b.rank() != 1 || b.isComplex()) {
      throw KernelException.of("%s: b must be a real vector, got a tensor of shape %s%s", fn,
          Tensor.shapeString(b.shape()), b.isComplex() ? " (complex)" : "");
    }
    SolverOperator op = sized(a, b.size(), fn, "b has length " + b.size());
    requireFinite(b.raw(), fn, "b");
    return op;
  }

  /** Fails on the first non-finite value of a vector argument: "fn: b[3] is nan (b must be finite)". */
  static void requireFinite(double[] v, String fn, String arg) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw KernelException.of("%s: %s[%d] is %s (%s must be finite)", fn, arg, i, TensorArgs.fmt(v[i]), arg);
      }
    }
  }

  /** The operator of an eigenproblem: square; a function needs n. */
  static SolverOperator forEigen(LinearOperator a, Integer n, String fn) {
    if (a.rows() < 0) {
      if (n == null) {
        throw KernelException.of("%s: the operator is a function; give its size as n: ...", fn);
      }
      return sized(a, n, fn, "n = " + n);
    }
    return sized(a, a.rows(), fn, "");
  }

  private static SolverOperator sized(LinearOperator a, int n, String fn, String what) {
    if (n < 1) {
      throw KernelException.of("%s: the system is empty (%s)", fn, what);
    }
    if (a.rows() >= 0 && (a.rows() != a.cols() || a.rows() != n)) {
      throw KernelException.of("%s: the operator has shape [%d, %d]; it must be square [%d, %d]%s", fn, a.rows(),
          a.cols(), n, n, what.isEmpty() ? "" : " (" + what + ")");
    }
    requireFiniteEntries(a, fn);
    return new SolverOperator(n, a, fn);
  }

  /** The stored entries of a dense or sparse matrix must be finite: the error names the first bad one. */
  private static void requireFiniteEntries(LinearOperator a, String fn) {
    if (a instanceof DenseOperator d) {
      double[] v = d.matrix().raw();
      int cols = d.cols();
      for (int k = 0; k < v.length; k++) {
        if (!Double.isFinite(v[k])) {
          throw KernelException.of("%s: a[%d, %d] is %s (the matrix must be finite)", fn, k / cols, k % cols,
              TensorArgs.fmt(v[k]));
        }
      }
    } else if (a instanceof SparseMatrix || a instanceof CscMatrix) {
      SparseMatrix s = a instanceof SparseMatrix m ? m : ((CscMatrix) a).toCsr();
      double[] v = s.data();
      int[] ptr = s.indptr();
      for (int k = 0; k < v.length; k++) {
        if (!Double.isFinite(v[k])) {
          int row = 0;
          while (ptr[row + 1] <= k) {
            row++;
          }
          throw KernelException.of("%s: a[%d, %d] is %s (a stored entry of the sparse matrix; it must be finite)", fn,
              row, s.indices()[k], TensorArgs.fmt(v[k]));
        }
      }
    }
  }

  /**
   * For a symmetric method: a dense or sparse matrix must equal its transpose within 1e-10·max|a| (as
   * linalg.eigh and linalg.cholesky check); O(n²) dense, O(nnz·log) sparse (once per sparse matrix: the answer is kept). A function operator is
   * assumed symmetric (its doc says so). Returns whether the symmetry was checked (false for a function).
   */
  boolean requireSymmetric() {
    if (op instanceof DenseOperator d) {
      d.requireSymmetric(fn, "a");
      return true;
    }
    SparseMatrix s = sparse != null ? sparse : op instanceof CscMatrix c ? c.toCsr() : null;
    if (s == null) {
      return false;
    }
    int k = s.asymmetricEntry(); // cached on the (immutable) matrix
    if (k >= 0) {
      int[] ptr = s.indptr();
      int i = 0;
      while (ptr[i + 1] <= k) {
        i++;
      }
      int j = s.indices()[k];
      throw KernelException.of("%s: a must be symmetric, but a[%d, %d] = %s and a[%d, %d] = %s (shape [%d, %d])",
          fn, i, j, TensorArgs.fmt(s.data()[k]), j, i, TensorArgs.fmt(s.get(j, i)), n, n);
    }
    return true;
  }

  /** y = A x. */
  void apply(double[] x, double[] y) {
    if (sparse != null) {
      sparse.multiply(x, y);
      return;
    }
    Tensor r = op.apply(Tensor.wrap(new int[] {n}, x.clone()));
    if (r.size() != n) {
      throw KernelException.of("the operator returned %d values for a vector of length %d", r.size(), n);
    }
    double[] v = r.raw();
    if (!stored) {
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(v[i])) {
          throw nonFiniteProduct(x, i, v[i]);
        }
      }
    }
    System.arraycopy(v, 0, y, 0, n);
  }

  private KernelException nonFiniteProduct(double[] x, int i, double value) {
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(x[j])) { // the iteration itself overflowed before this product
        return KernelException.of("%s: the iterate has %s at index %d (the method diverged or overflowed) before a "
            + "product with the operator", fn, TensorArgs.fmt(x[j]), j);
      }
    }
    return KernelException.of("%s: the operator function returned %s at index %d for a finite vector (A x must be "
        + "finite)", fn, TensorArgs.fmt(value), i);
  }

  /** y = A x and returns xᵀ y. */
  double applyDot(double[] x, double[] y) {
    if (sparse != null) {
      return sparse.multiplyDot(x, y);
    }
    apply(x, y);
    return Vec.dot(x, y);
  }
}
