package dev.exp.eval.runtime;

import dev.exp.kernel.KernelContext;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;

/**
 * The {@code @} operator: delegates to the stdlib's matmul kernel, as a kernel call at the
 * operator's location, so a limit that stops a long product names the line of the {@code @}.
 */
final class MatMulBridge {
  private MatMulBridge() {}

  static Tensor matmul(Tensor a, Tensor b, Loc loc) {
    if (KernelContext.current() instanceof Context c) {
      Loc saved = c.enterKernel(loc);
      try {
        return dev.exp.tensor.MatMul.matmul(a, b);
      } finally {
        c.exitKernel(saved);
      }
    }
    return dev.exp.tensor.MatMul.matmul(a, b);
  }
}
