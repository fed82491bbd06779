package dev.exp.eval.runtime;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;

/** {@code A @ x} where {@code A} is a library operator (a sparse matrix): a kernel call at the {@code @}. */
final class OperatorCalls {
  private OperatorCalls() {}

  /** How to combine sparse matrices, when one of the operands is one (operators take a dense right operand only). */
  static String sparseHint(Object a, Object b) {
    boolean sa = a instanceof dev.exp.sparse.SparseMatrix || a instanceof dev.exp.sparse.CscMatrix;
    boolean sb = b instanceof dev.exp.sparse.SparseMatrix || b instanceof dev.exp.sparse.CscMatrix;
    if (!sa && !sb) {
      return "";
    }
    return "; a sparse matrix takes S @ x with a dense x: combine two with sparse.matmul(A, B) or "
        + "sparse.add(A, B, alpha: 1, beta: 1), scale one with sparse.scale, or make one dense with sparse.to_dense(S)";
  }

  static Object apply(LinearOperator a, Object x, Loc loc) {
    Tensor tx = Values.asTensorOperand(x);
    if (tx == null || tx.isComplex()) {
      throw new ExpError("operator '@' cannot combine " + Values.describe(a) + " and " + Values.describe(x)
          + sparseHint(a, x), loc);
    }
    Context ctx = dev.exp.kernel.KernelContext.current() instanceof Context c ? c : null;
    Loc saved = ctx == null ? null : ctx.enterKernel(loc);
    try {
      return Values.unwrapScalar(a.apply(tx));
    } catch (KernelException e) {
      throw Context.fromKernel("operator '@': ", e, loc);
    } finally {
      if (ctx != null) {
        ctx.exitKernel(saved);
      }
    }
  }
}
