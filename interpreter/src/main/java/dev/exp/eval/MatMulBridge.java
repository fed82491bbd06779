package dev.exp.eval;

import dev.exp.tensor.Tensor;

/** The {@code @} operator: delegates to the stdlib's matmul kernel. */
final class MatMulBridge {
  private MatMulBridge() {}

  static Tensor matmul(Tensor a, Tensor b) {
    return dev.exp.tensor.MatMul.matmul(a, b);
  }
}
