package dev.exp.tensor.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The autodiff slot against central differences of the scalar definitions. */
class DerivativeSlotTest {
  static double central(java.util.function.DoubleUnaryOperator f, double v) {
    double h = 1e-6 * Math.max(1, Math.abs(v));
    return (f.applyAsDouble(v + h) - f.applyAsDouble(v - h)) / (2 * h);
  }

  @Test
  void unaryDerivativesMatchFiniteDifferences() {
    for (UnaryOp op : UnaryOp.values()) {
      for (double v : new double[] {0.3, 0.7, 1.9, -0.45}) {
        if ((op == UnaryOp.LOG || op == UnaryOp.LOG2 || op == UnaryOp.LOG10 || op == UnaryOp.SQRT) && v < 0
            || (op == UnaryOp.ARCSIN || op == UnaryOp.ARCCOS) && Math.abs(v) >= 1) {
          continue;
        }
        double want = central(op::apply, v);
        assertEquals(want, op.derivative(v), 1e-6 * Math.max(1, Math.abs(want)), op + " at " + v);
      }
    }
  }

  @Test
  void binaryPartialsMatchFiniteDifferences() {
    double[][] points = {{1.3, 0.4}, {2.5, -1.5}, {0.6, 2.2}};
    for (BinaryOp op : BinaryOp.values()) {
      if (!op.isElementWise() || op.isComparison()) {
        continue;
      }
      for (double[] p : points) {
        double x = p[0];
        double y = p[1];
        if (op == BinaryOp.POW && x <= 0) {
          continue;
        }
        double dx = central(v -> op.apply(v, y), x);
        double dy = central(v -> op.apply(x, v), y);
        assertEquals(dx, op.partial(x, y, true), 1e-6 * Math.max(1, Math.abs(dx)), op + " d/dx at " + x + ", " + y);
        assertEquals(dy, op.partial(x, y, false), 1e-6 * Math.max(1, Math.abs(dy)), op + " d/dy at " + x + ", " + y);
      }
    }
  }
}
