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

  /** Transposed views and offset views go to the BLAS in place; the products equal those of copies. */
  @Test
  void viewsVsNaive() {
    Rng rng = new Rng(3);
    for (int[] s : new int[][] {{40, 30, 1}, {40, 30, 20}, {7, 300, 5}, {129, 65, 1}, {2, 2, 2}}) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      Tensor at = Views.transpose(Random.randn(new int[] {k, m}, rng));   // m×k view
      Tensor bt = Views.transpose(Random.randn(new int[] {n, k}, rng));   // k×n view
      Tensor b = Random.randn(new int[] {k, n}, rng);
      Tensor big = Random.randn(new int[] {m + 3, k}, rng);
      Tensor rows = Views.row(Views.transpose(Views.transpose(big)), 0).reshape(k);  // an offset-0 vector
      double[] want = naive(at.raw(), b.raw(), m, k, n);
      close(new int[] {m, n}, want, MatMul.matmul(at, b), 1e-12);
      close(new int[] {m, n}, naive(at.raw(), bt.raw(), m, k, n), MatMul.matmul(at, bt), 1e-12);
      Tensor x = Random.randn(new int[] {k}, rng);
      close(new int[] {m}, naive(at.raw(), x.raw(), m, k, 1), MatMul.matmul(at, x), 1e-12);
      // rows 3 .. m + 3 of a bigger matrix: a contiguous view with an offset
      Tensor sub = Views.slice(big, 0, new Slice(3L, (long) (m + 3), 1L));
      close(new int[] {m, n}, naive(sub.raw(), b.raw(), m, k, n), MatMul.matmul(sub, b), 1e-12);
      Tensor lastRow = Views.row(big, m + 2);
      close(new int[] {n}, naive(lastRow.raw(), b.raw(), 1, k, n), MatMul.matmul(lastRow, b), 1e-12);
      assertEquals(k, rows.size());
    }
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

  @Test
  void emptyAndThinShapes() {
    close(new int[] {0, 4}, new double[0], MatMul.matmul(Tensor.zeros(0, 3), Tensor.zeros(3, 4)), 0);
    close(new int[] {2, 3}, new double[6], MatMul.matmul(Tensor.zeros(2, 0), Tensor.zeros(0, 3)), 0);
    close(new int[] {}, new double[] {0}, MatMul.matmul(Tensor.zeros(0), Tensor.zeros(0)), 0);
    close(new int[] {3, 0, 2}, new double[0], MatMul.matmul(Tensor.zeros(3, 0, 5), Tensor.zeros(5, 2)), 0);
    Rng rng = new Rng(5);
    int[][] sizes = {{1, 300, 1}, {1, 64, 257}, {257, 64, 1}, {300, 1, 300}, {1, 1, 500}, {33, 129, 65}};
    for (int[] s : sizes) {
      Tensor a = Random.randn(new int[] {s[0], s[1]}, rng);
      Tensor b = Random.randn(new int[] {s[1], s[2]}, rng);
      close(new int[] {s[0], s[2]}, naive(a.raw(), b.raw(), s[0], s[1], s[2]), MatMul.matmul(a, b), 1e-12);
    }
  }

  @Test
  void stackTimesMatrixAndMatrixTimesStack() {
    Rng rng = new Rng(6);
    Tensor a = Random.randn(new int[] {4, 3, 40, 30}, rng);
    Tensor w = Random.randn(new int[] {30, 20}, rng);
    Tensor c = MatMul.matmul(a, w); // one (4·3·40)×30 product
    Tensor b2 = Random.randn(new int[] {2, 20, 7}, rng);
    Tensor cw = MatMul.matmul(w, b2);
    assertArrayEquals(new int[] {4, 3, 40, 20}, c.shape());
    assertArrayEquals(new int[] {2, 30, 7}, cw.shape());
    close(new int[] {480, 20}, naive(a.raw(), w.raw(), 480, 30, 20), c.reshape(480, 20), 1e-12);
    for (int t = 0; t < 2; t++) {
      double[] bt = java.util.Arrays.copyOfRange(b2.raw(), t * 140, t * 140 + 140);
      double[] e = naive(w.raw(), bt, 30, 20, 7);
      double[] got = java.util.Arrays.copyOfRange(cw.raw(), t * 210, t * 210 + 210);
      close(new int[] {30, 7}, e, Tensor.wrap(new int[] {30, 7}, got), 1e-12);
    }
  }

  @Test
  void pollRunsBetweenBatchEntries() {
    Rng rng = new Rng(8);
    Tensor a = Random.randn(new int[] {5, 6, 7}, rng);
    Tensor b = Random.randn(new int[] {5, 7, 3}, rng);
    int[] polls = {0};
    Tensor c = MatMul.matmul(a, b, () -> polls[0]++);
    assertEquals(4, polls[0], "between the 5 products of the batch");
    close(new int[] {5, 6, 3}, MatMul.matmul(a, b).raw(), c, 0);
  }
}
