package dev.exp.eval.runtime;

import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;

/** {@code A @ x} where {@code A} is a library operator (a sparse matrix): a kernel call at the {@code @}. */
final class OperatorCalls {
  private OperatorCalls() {}

  static Object apply(LinearOperator a, Object x, Loc loc) {
    Tensor tx = Values.asTensorOperand(x);
    if (tx == null || tx.isComplex()) {
      throw new ExpError("operator '@' cannot combine " + Values.describe(a) + " and " + Values.describe(x), loc);
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
