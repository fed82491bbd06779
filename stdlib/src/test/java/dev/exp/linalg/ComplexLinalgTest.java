package dev.exp.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Complex;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Complex solve, inv and det: NumPy 2.4 values, and the identities A·A⁻¹ = I and A x = b. */
class ComplexLinalgTest {
  private static final Tensor A = Tensor.wrapComplex(new int[] {2, 2}, new double[] {1, 1, 2, 0, 3, 0, 4, -2});

  private static void close(double[] expected, double[] got, double tol) {
    assertEquals(expected.length, got.length);
    for (int i = 0; i < got.length; i++) {
      assertTrue(Math.abs(expected[i] - got[i]) <= tol, "at " + i + ": expected " + expected[i] + ", got " + got[i]);
    }
  }

  @Test
  void numpyValues() {
    // np.linalg.det([[1+1j, 2], [3, 4-2j]]) = 2j; inv = [[-1-2j, 1j], [1.5j, 0.5-0.5j]]; solve(A, [1, 1j]) = [-2-2j, 0.5+2j]
    assertEquals(new Complex(0, 2), Linalg.determinant(A));
    close(new double[] {-1, -2, 0, 1, 0, 1.5, 0.5, -0.5}, Linalg.inv(A).complexRaw(), 1e-15);
    Tensor b = Tensor.wrapComplex(new int[] {2}, new double[] {1, 0, 0, 1});
    close(new double[] {-2, -2, 0.5, 2}, Linalg.solve(A, b).complexRaw(), 1e-15);
    // a real right-hand side against a complex A; a real A with a complex b
    close(new double[] {-1, -2, 0, 1.5}, Linalg.solve(A, Tensor.vector(1, 0)).complexRaw(), 1e-15);
    Tensor real = Tensor.matrix(new double[][] {{2, 0}, {0, 4}});
    close(new double[] {0.5, 0.5, 0.25, -0.25}, Linalg.solve(real, Tensor.wrapComplex(new int[] {2},
        new double[] {1, 1, 1, -1})).complexRaw(), 1e-15);
  }

  @Test
  void inverseAndSolveIdentitiesOnARandomMatrix() {
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 7;
    double[] z = new double[2 * n * n];
    for (int i = 0; i < z.length; i++) {
      z[i] = rnd.nextDouble(-1, 1);
    }
    Tensor m = Tensor.wrapComplex(new int[] {n, n}, z);
    double[] eye = new double[2 * n * n];
    for (int i = 0; i < n; i++) {
      eye[2 * (i * n + i)] = 1;
    }
    close(eye, MatMul.matmul(m, Linalg.inv(m)).complexRaw(), 1e-12);
    double[] bz = new double[2 * n];
    for (int i = 0; i < bz.length; i++) {
      bz[i] = rnd.nextDouble(-1, 1);
    }
    Tensor b = Tensor.wrapComplex(new int[] {n}, bz);
    close(bz, MatMul.matmul(m, Linalg.solve(m, b)).complexRaw(), 1e-12);
  }

  @Test
  void singularAndStackedInputsAreClearErrors() {
    Tensor s = Tensor.wrapComplex(new int[] {2, 2}, new double[] {0, 1, 0, 2, 0, 2, 0, 4});
    KernelException e = assertThrows(KernelException.class, () -> Linalg.solve(s, Tensor.vector(1, 2)));
    assertTrue(e.getMessage().contains("is singular"), e.getMessage());
    assertEquals(new Complex(0, 0), Linalg.determinant(s));
    Tensor stack = Tensor.wrapComplex(new int[] {2, 2, 2}, new double[16]);
    e = assertThrows(KernelException.class, () -> Linalg.inv(stack));
    assertTrue(e.getMessage().contains("stacks of complex matrices are not supported"), e.getMessage());
  }
}
