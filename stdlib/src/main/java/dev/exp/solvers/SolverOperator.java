package dev.exp.solvers;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.SparseMatrix;
import dev.exp.tensor.Tensor;

/**
 * The square operator of an iterative method, applied to {@code double[]} vectors: a sparse matrix
 * directly (no allocation), anything else (dense matrix, script function) through {@link
 * LinearOperator#apply} on a copy of the vector.
 */
final class SolverOperator {
  final int n;
  final SparseMatrix sparse;
  private final LinearOperator op;

  private SolverOperator(int n, LinearOperator op) {
    this.n = n;
    this.op = op;
    this.sparse = op instanceof SparseMatrix s ? s : null;
  }

  /** The operator of a system A x = b: A must be square with b's length (a function takes b's length). */
  static SolverOperator forSystem(LinearOperator a, Tensor b, String fn) {
    if (b.rank() != 1 || b.isComplex()) {
      throw KernelException.of("%s: b must be a real vector, got a tensor of shape %s%s", fn,
          Tensor.shapeString(b.shape()), b.isComplex() ? " (complex)" : "");
    }
    return sized(a, b.size(), fn, "b has length " + b.size());
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
    return new SolverOperator(n, a);
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
    System.arraycopy(r.raw(), 0, y, 0, n);
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
