package dev.exp.linalg;

import dev.exp.kernel.Fn;
import dev.exp.tensor.Tensor;

/**
 * A linear map {@code x -> A x}: a dense matrix, a sparse matrix, or a script function (matrix-free).
 * Iterative solvers take one, so the same kernel runs on all three. The {@code @} operator applies an
 * operator that is a script value ({@code A @ x} with a sparse {@code A}).
 *
 * <p>A kernel parameter of this type accepts a 2-D tensor, any script value implementing it, or a
 * script function {@code fn(x) -> A x} (square, sized by its argument).
 */
public interface LinearOperator {
  /** Number of rows, or -1 when the operator is square and sized by its argument (a function). */
  int rows();

  /** Number of columns, or -1 as for {@link #rows()}. */
  int cols();

  /** {@code A @ x} for a vector of length {@link #cols()} (or a matrix with that many rows). */
  Tensor apply(Tensor x);

  /** The operator of a dense 2-D tensor. */
  static LinearOperator of(Tensor matrix) {
    return new DenseOperator(matrix);
  }

  /** The matrix-free operator {@code x -> f(x)}; f must return a tensor of x's shape. */
  static LinearOperator of(Fn f) {
    return new FunctionOperator(f);
  }
}
