package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;
import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.op.BinaryOp;

/**
 * The operators on complex scalars ({@link Complex} with a number or another complex number), and
 * the one rule that holds for complex tensors too: ordering comparisons are an error. Element-wise
 * complex arithmetic on tensors belongs to the element-wise loops, not here.
 */
final class ComplexScalarOps {
  private ComplexScalarOps() {}

  /** Whether a value is complex (a scalar or a complex128 tensor). */
  static boolean isComplex(Object v) {
    return v instanceof Complex || v instanceof Tensor t && t.isComplex();
  }

  /**
   * {@code a op b} when either side is complex: the result for two scalars, an error for ordering
   * comparisons, or null when a tensor is involved (the tensor path handles it).
   */
  static Object binary(BinaryOp op, Object a, Object b, Loc loc) {
    switch (op) {
      case LT, LE, GT, GE -> throw new ExpError("operator '" + op.symbol() + "': complex numbers have no order, got "
          + Values.describe(a) + " and " + Values.describe(b) + " (compare abs(z) or z.re instead)", loc);
      default -> { }
    }
    Complex x = scalar(a);
    Complex y = scalar(b);
    if (x == null || y == null) {
      return null;
    }
    return switch (op) {
      case ADD -> x.add(y);
      case SUB -> x.sub(y);
      case MUL -> x.mul(y);
      case DIV -> x.div(y);
      case POW -> x.pow(y);
      case EQ -> x.numericEquals(y);
      case NE -> !x.numericEquals(y);
      default -> throw new ExpError("operator '" + op.symbol() + "' is not defined for complex numbers, got "
          + Values.describe(a) + " and " + Values.describe(b), loc);
    };
  }

  static Complex negate(Complex z) {
    return z.negate();
  }

  private static Complex scalar(Object v) {
    if (v instanceof Complex z) {
      return z;
    }
    if (v instanceof Double d) {
      return Complex.of(d);
    }
    if (v instanceof Boolean b) {
      return Complex.of(b ? 1 : 0);
    }
    return null;
  }
}
