package dev.exp.linalg;

import dev.exp.kernel.Fn;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/** A script function {@code x -> A x} as a square, matrix-free {@link LinearOperator}. */
final class FunctionOperator implements LinearOperator {
  private final Fn f;

  FunctionOperator(Fn f) {
    this.f = f;
  }

  @Override
  public int rows() {
    return -1;
  }

  @Override
  public int cols() {
    return -1;
  }

  @Override
  public Tensor apply(Tensor x) {
    Object r = f.call(x);
    if (r instanceof Double d && x.size() == 1) {
      return Tensor.wrap(x.shape(), new double[] {d});
    }
    if (!(r instanceof Tensor t)) {
      throw new KernelException("the operator function must return a tensor of shape "
          + Tensor.shapeString(x.shape()) + ", got " + Values.describe(r));
    }
    if (!Arrays.equals(t.shape(), x.shape())) {
      throw new KernelException("the operator function must return a tensor of shape "
          + Tensor.shapeString(x.shape()) + " (the shape of its argument), got " + Tensor.shapeString(t.shape()));
    }
    return t;
  }
}
