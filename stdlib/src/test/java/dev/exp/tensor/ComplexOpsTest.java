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
    e = assertThrows(KernelException.class, () -> TensorOps.unary(UnaryOp.SIGMOID, z(1, 1)));
    assertTrue(e.getMessage().contains("sigmoid is not defined for complex values"), e.getMessage());
  }

  @Test
  void trigonometricAndHyperbolicFunctionsAsNumpy() {
    // numpy 2.4: np.sin/cos/tan/sinh/cosh/tanh of [1+2j, -0.5+0.25j, 3-1j]
    Tensor a = z(1, 2, -0.5, 0.25, 3, -1);
    close(new double[] {3.165778513216168, 1.9596010414216063, -0.494485780933195, 0.22168816414957482,
        0.21775955162215221, 1.1634403637032504}, TensorOps.unary(UnaryOp.SIN, a), 1e-15);
    close(new double[] {2.0327230070196656, -3.0518977991518, 0.9051501505596068, 0.12110879604381165,
        -1.5276382501165433, 0.1658444019189788}, TensorOps.unary(UnaryOp.COS, a), 1e-15);
    close(new double[] {0.03381282607989669, 1.0147936161466335, -0.504500702698564, 0.3124206925025888,
        -0.05916853956605073, -0.7680176472869112}, TensorOps.unary(UnaryOp.TAN, a), 1e-15);
    close(new double[] {-0.4890562590412937, 1.4031192506220405, -0.504895714387995, 0.2789791283502615,
        5.412680923178193, -8.471645454300148}, TensorOps.unary(UnaryOp.SINH, a), 1e-15);
    close(new double[] {-0.64214812471552, 1.0686074213827783, 1.0925708047319176, -0.12892104172809826,
        5.439580991019764, -8.429751080849945}, TensorOps.unary(UnaryOp.COSH, a), 1e-15);
    close(new double[] {1.16673625724092, -0.2434582011857253, -0.4854872810241353, 0.19805544995134955,
        1.0020549882458116, -0.00451713727665843}, TensorOps.unary(UnaryOp.TANH, a), 1e-15);
    // large real parts: tanh saturates without overflow (np.tanh(30+1j) = 1+1.5924545408982667e-26j)
    close(new double[] {1, 1.5924545408982667e-26, -1, -1.5924545408982667e-26},
        TensorOps.unary(UnaryOp.TANH, z(30, 1, -30, -1)), 1e-15);
    // identity: sin² + cos² = 1 on random points
    SplittableRandom rnd = new SplittableRandom(7);
    double[] p = new double[40];
    for (int i = 0; i < p.length; i++) {
      p[i] = rnd.nextDouble(-3, 3);
    }
    Tensor s = TensorOps.unary(UnaryOp.SIN, z(p));
    Tensor c = TensorOps.unary(UnaryOp.COS, z(p));
    Tensor one = TensorOps.binary(BinaryOp.ADD, TensorOps.binary(BinaryOp.MUL, s, s), TensorOps.binary(BinaryOp.MUL, c, c));
    double[] expect = new double[40];
    for (int i = 0; i < 40; i += 2) {
      expect[i] = 1;
    }
    close(expect, one, 1e-12);
  }

  @Test
  void productsScansAndVarianceAsNumpy() {
    Tensor a = z(1, 2, -0.5, 0.25, 3, -1);
    assertEquals(new Complex(-3.75, -1.25), Reductions.prod(a, null, false));
    close(new double[] {1, 2, 0.5, 2.25, 3.5, 1.25}, ElementWise.cumsum(a, null), 1e-15);
    close(new double[] {1, 2, -1, -0.75, -3.75, -1.25}, ElementWise.cumprod(a, null), 1e-15);
    // np.var(z) = mean |z - mean z|^2 = var(re) + var(im): 3.569444444444444; np.std(z, ddof=1) 2.313907229485803
    assertEquals(3.569444444444444, (double) Reductions.var(a, null, 0, false), 1e-15);
    assertEquals(2.313907229485803, (double) Reductions.std(a, null, 1, false), 1e-15);
    Tensor m = Tensor.wrapComplex(new int[] {2, 3}, new double[] {1, 1, 2, 0, 3, -1, 0, 4, 5, 0, 6, 2});
    close(new double[] {-4, 4, 10, 0, 20, 0}, (Tensor) Reductions.prod(m, 0, false), 1e-15);
    close(new double[] {8, 4, -40, 120}, (Tensor) Reductions.prod(m, 1, false), 1e-15);
    close(new double[] {1, 1, 3, 1, 6, 0, 0, 4, 5, 4, 11, 6}, ElementWise.cumsum(m, 1), 1e-15);
    close(new double[] {1, 1, 2, 0, 3, -1, -4, 4, 10, 0, 20, 0}, ElementWise.cumprod(m, 0), 1e-15);
    close(new double[] {1.3333333333333333, 9.555555555555555}, (Tensor) Reductions.var(m, 1, 0, false), 1e-15);
    assertEquals(new Complex(-800, 800), Reductions.prod(m, null, false));
  }
}
