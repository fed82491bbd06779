package dev.exp.linalg;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Tensor;

/** A dense 2-D tensor as a {@link LinearOperator}. */
public final class DenseOperator implements LinearOperator {
  private final Tensor a;

  DenseOperator(Tensor a) {
    if (a.rank() != 2) {
      throw new KernelException("expected a matrix (2-D tensor) as the operator, got shape "
          + Tensor.shapeString(a.shape()));
    }
    this.a = a;
  }

  @Override
  public int rows() {
    return a.dim(0);
  }

  @Override
  public int cols() {
    return a.dim(1);
  }

  @Override
  public Tensor apply(Tensor x) {
    return MatMul.matmul(a, x);
  }

  /**
   * Fails unless the matrix is square and symmetric within 1e-10·max|a| (the check and message of
   * linalg.eigh and linalg.cholesky); arg names the matrix in the message.
   */
  public void requireSymmetric(String fn, String arg) {
    Mat.requireSymmetric(Mat.square(a, fn, arg), fn, arg);
  }

  /** The matrix (read only). */
  public Tensor matrix() {
    return a;
  }
}
