package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Complex128 element-wise arithmetic: NumPy literals and identities. */
class ComplexOpsTest {
  static Tensor z(double... reIm) {
    return Tensor.wrapComplex(new int[] {reIm.length / 2}, reIm.clone());
  }

  static void close(double[] expected, Tensor t, double tol) {
    double[] got = t.isComplex() ? t.complexRaw() : t.raw();
    assertEquals(expected.length, got.length);
    for (int i = 0; i < got.length; i++) {
      assertTrue(Math.abs(expected[i] - got[i]) <= tol * Math.max(1, Math.abs(expected[i])),
          "at " + i + ": expected " + expected[i] + ", got " + got[i]);
    }
  }

  @Test
  void numpyLiterals() {
    Tensor a = z(1, 2, -3, 0.5);
    Tensor b = z(2, -1, 0.25, 4);
    close(new double[] {4, 3, -2.75, -11.875}, TensorOps.binary(BinaryOp.MUL, a, b), 1e-15);
    close(new double[] {0, 1, 0.07782101167315175, 0.754863813229572}, TensorOps.binary(BinaryOp.DIV, a, b), 1e-15);
    close(new double[] {2.428447747683073, 14.93241486964456, 4.1247417832892805e-06, -7.90417773366824e-06},
        TensorOps.binary(BinaryOp.POW, a, b), 1e-13);
    close(new double[] {1.272019649514069, 0.7861513777574233, 0.14384238796180673, 1.738013415533538},
        TensorOps.unary(UnaryOp.SQRT, a), 1e-15);
    close(new double[] {0.8047189562170503, 1.1071487177940904, 1.1123117757621668, 2.976443976175166},
        TensorOps.unary(UnaryOp.LOG, a), 1e-15);
    close(new double[] {-1.1312043837568135, 2.4717266720048188, 0.04369226300728118, 0.02386919206778745},
        TensorOps.unary(UnaryOp.EXP, a), 1e-15);
    Tensor m = TensorOps.unary(UnaryOp.ABS, a);
    assertEquals(DType.FLOAT64, m.dtype());
    close(new double[] {2.23606797749979, 3.0413812651491092}, m, 1e-15);
    close(new double[] {-3, 4, 8.75, -3}, TensorOps.binary(BinaryOp.POW, a, Tensor.scalar(2)), 0);
    // real column broadcast against a complex row: [[1],[2]] + z
    Tensor s = TensorOps.binary(BinaryOp.ADD, Tensor.matrix(new double[][] {{1}, {2}}), a);
    assertArrayEquals(new int[] {2, 2}, s.shape());
    close(new double[] {2, 2, -2, 0.5, 3, 2, -1, 0.5}, s, 0);
    close(new double[] {1, 0}, TensorOps.binary(BinaryOp.EQ, a, z(1, 2, -3, 0.25)), 0);
  }

  @Test
  void identities() {
    SplittableRandom r = new SplittableRandom(3);
    double[] d = new double[400];
    double[] e = new double[400];
    for (int i = 0; i < d.length; i++) {
      d[i] = (r.nextDouble() - 0.5) * 10;
      e[i] = (r.nextDouble() - 0.5) * 10;
    }
    Tensor a = Tensor.wrapComplex(new int[] {200}, d);
    Tensor b = Tensor.wrapComplex(new int[] {200}, e);
    Tensor conj = Tensor.wrapComplex(new int[] {200}, conj(d));
    // |z|^2 = z * conj(z) (real, imaginary part exactly 0)
    double[] zz = TensorOps.binary(BinaryOp.MUL, a, conj).complexRaw();
    double[] abs = TensorOps.unary(UnaryOp.ABS, a).raw();
    for (int k = 0; k < 200; k++) {
      assertEquals(abs[k] * abs[k], zz[2 * k], 1e-14 * zz[2 * k]);
      assertEquals(0.0, zz[2 * k + 1], 0.0);
    }
    // (a * b) / b = a
    close(d, TensorOps.binary(BinaryOp.DIV, TensorOps.binary(BinaryOp.MUL, a, b), b), 1e-14);
    // exp(i pi) = -1
    close(new double[] {-1, 0}, TensorOps.unary(UnaryOp.EXP, z(0, Math.PI)), 1e-15);
    // sqrt(z)^2 = z, exp(log z) = z
    close(d, TensorOps.unary(UnaryOp.SQUARE, TensorOps.unary(UnaryOp.SQRT, a)), 1e-14);
    close(d, TensorOps.unary(UnaryOp.EXP, TensorOps.unary(UnaryOp.LOG, a)), 1e-13);
  }

  static double[] conj(double[] d) {
    double[] c = d.clone();
    for (int i = 1; i < c.length; i += 2) {
      c[i] = -c[i];
    }
    return c;
  }

  @Test
  void orderingAndRealOnlyFunctionsAreClearErrors() {
    KernelException e = assertThrows(KernelException.class,
        () -> TensorOps.binary(BinaryOp.LT, z(1, 1), Tensor.scalar(0)));
    assertTrue(e.getMessage().contains("'<' is not defined for complex values"), e.getMessage());
    e = assertThrows(KernelException.class, () -> TensorOps.unary(UnaryOp.TANH, z(1, 1)));
    assertTrue(e.getMessage().contains("tanh is not defined for complex values"), e.getMessage());
  }
}
