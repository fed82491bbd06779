package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import org.junit.jupiter.api.Test;

class MatMulTest {
  static double[] naive(double[] a, double[] b, int m, int k, int n) {
    double[] c = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += a[i * k + p] * b[p * n + j];
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }

  @Test
  void matricesVsNaive() {
    Rng rng = new Rng(1);
    int[][] sizes = {{1, 1, 1}, {3, 4, 5}, {17, 1, 9}, {8, 130, 3}, {70, 300, 600}, {5, 7, 1}};
    for (int[] s : sizes) {
      Tensor a = Random.randn(new int[] {s[0], s[1]}, rng);
      Tensor b = Random.randn(new int[] {s[1], s[2]}, rng);
      close(new int[] {s[0], s[2]}, naive(a.raw(), b.raw(), s[0], s[1], s[2]), MatMul.matmul(a, b), 1e-12);
    }
  }

  @Test
  void vectors() {
    Tensor m = Tensor.matrix(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    close(new int[] {}, new double[] {32}, MatMul.matmul(Tensor.vector(1, 2, 3), Tensor.vector(4, 5, 6)), 0);
    close(new int[] {3}, new double[] {-1, -1, -1}, MatMul.matmul(m, Tensor.vector(1, -1)), 0);
    close(new int[] {2}, new double[] {22, 28}, MatMul.matmul(Tensor.vector(1, 2, 3), m), 0);
    assertEquals(32.0, MatMul.dot(Tensor.vector(1, 2, 3), Tensor.vector(4, 5, 6)));
    close(new int[] {2, 3}, new double[] {1, 10, 100, 2, 20, 200}, MatMul.outer(Tensor.vector(1, 2), Tensor.vector(1, 10, 100)), 0);
  }

  @Test
  void batchedBroadcast() {
    Rng rng = new Rng(2);
    Tensor a = Random.randn(new int[] {2, 1, 3, 4}, rng);
    Tensor b = Random.randn(new int[] {5, 4, 2}, rng);
    Tensor c = MatMul.matmul(a, b);
    assertArrayEquals(new int[] {2, 5, 3, 2}, c.shape());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 5; j++) {
        double[] ai = java.util.Arrays.copyOfRange(a.raw(), i * 12, i * 12 + 12);
        double[] bj = java.util.Arrays.copyOfRange(b.raw(), j * 8, j * 8 + 8);
        double[] e = naive(ai, bj, 3, 4, 2);
        for (int p = 0; p < 3; p++) {
          for (int q = 0; q < 2; q++) {
            assertEquals(e[p * 2 + q], c.get(i, j, p, q), 1e-12);
          }
        }
      }
    }
    // batched matrix @ vector
    Tensor v = Tensor.vector(1, 0, 0, 0);
    Tensor cv = MatMul.matmul(a, v);
    assertArrayEquals(new int[] {2, 1, 3}, cv.shape());
    assertEquals(a.get(1, 0, 2, 0), cv.get(1, 0, 2));
  }

  @Test
  void shapeErrorsNameBothShapes() {
    KernelException e = assertThrows(KernelException.class, () -> MatMul.matmul(Tensor.zeros(2, 3), Tensor.zeros(2, 3)));
    assertTrue(e.getMessage().contains("[2, 3] and [2, 3]"), e.getMessage());
    KernelException e2 = assertThrows(KernelException.class, () -> MatMul.matmul(Tensor.zeros(2, 2, 3), Tensor.zeros(3, 3, 1)));
    assertTrue(e2.getMessage().contains("[2, 2, 3]") && e2.getMessage().contains("[3, 3, 1]"), e2.getMessage());
    assertThrows(KernelException.class, () -> MatMul.matmul(Tensor.scalar(2), Tensor.zeros(2)));
  }
}
