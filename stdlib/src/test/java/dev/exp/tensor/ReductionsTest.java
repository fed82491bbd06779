package dev.exp.tensor;

import static dev.exp.tensor.Check.close;
import static dev.exp.tensor.Check.d;
import static dev.exp.tensor.Check.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import org.junit.jupiter.api.Test;

class ReductionsTest {
  static final Tensor M = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
  static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void sumMeanProd() {
    assertEquals(21.0, Reductions.sum(M, null, false));
    close(new int[] {3}, new double[] {5, 7, 9}, t(Reductions.sum(M, 0, false)), 0);
    close(new int[] {2, 1}, new double[] {6, 15}, t(Reductions.sum(M, -1, true)), 0);
    close(new int[] {1, 1}, new double[] {21}, t(Reductions.sum(M, null, true)), 0);
    assertEquals(3.5, Reductions.mean(M, null, false));
    close(new int[] {2}, new double[] {2, 5}, t(Reductions.mean(M, 1, false)), 0);
    assertEquals(720.0, Reductions.prod(M, null, false));
    close(new int[] {3}, new double[] {4, 10, 18}, t(Reductions.prod(M, 0, false)), 0);
    // compensated sum: 1e16 + 1 - 1e16 + ... exact
    assertEquals(2.0, d(Reductions.sum(Tensor.vector(1e16, 1, -1e16, 1), null, false)));
    assertThrows(KernelException.class, () -> Reductions.sum(M, 2, false));
  }

  @Test
  void stdAndVar() {
    Tensor x = Tensor.vector(2, 4, 4, 4, 5, 5, 7, 9); // classic: population sd 2
    assertEquals(2.0, d(Reductions.std(x, null, 0, false)), 1e-15);
    assertEquals(4.0, d(Reductions.var(x, null, 0, false)), 1e-15);
    assertEquals(32.0 / 7, d(Reductions.var(x, null, 1, false)), 1e-14);
    close(new int[] {3}, new double[] {2.25, 2.25, 2.25}, t(Reductions.var(M, 0, 0, false)), 1e-15);
    close(new int[] {2}, new double[] {1, 1}, t(Reductions.std(M, 1, 1, false)), 1e-15);
    assertTrue(Double.isNaN(d(Reductions.var(Tensor.vector(1), null, 1, false))));
    // shift-invariant and accurate with a large offset
    assertEquals(4.0, d(Reductions.var(Tensor.zip(x, Tensor.scalar(1e9), Double::sum), null, 0, false)), 1e-6);
  }

  @Test
  void minMaxArg() {
    Tensor x = Tensor.matrix(new double[][] {{3, 9, 9}, {-1, 0, 7}});
    assertEquals(9.0, Reductions.max(x, null, false));
    assertEquals(-1.0, Reductions.min(x, null, false));
    close(new int[] {3}, new double[] {3, 9, 9}, t(Reductions.max(x, 0, false)), 0);
    close(new int[] {2}, new double[] {3, -1}, t(Reductions.min(x, 1, false)), 0);
    assertEquals(1.0, Reductions.argmax(x, null)); // first of the ties
    assertEquals(3.0, Reductions.argmin(x, null));
    close(new int[] {2}, new double[] {1, 2}, t(Reductions.argmax(x, 1)), 0);
    close(new int[] {3}, new double[] {1, 1, 1}, t(Reductions.argmin(x, 0)), 0);
    assertTrue(Double.isNaN(d(Reductions.max(Tensor.vector(1, Double.NaN), null, false))));
    assertThrows(KernelException.class, () -> Reductions.max(Tensor.zeros(0), null, false));
  }

  @Test
  void logsumexpClosedForms() {
    assertEquals(Math.log(5), d(Reductions.logsumexp(Tensor.zeros(5), null, false)), 1e-15);
    assertEquals(1000 + Math.log(2), d(Reductions.logsumexp(Tensor.vector(1000, 1000), null, false)), 1e-12);
    assertEquals(-1000 + Math.log(3), d(Reductions.logsumexp(Tensor.vector(-1000, -1000, -1000), null, false)), 1e-12);
    assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), d(Reductions.logsumexp(Tensor.vector(1, 2, 3), null, false)), 1e-15);
    assertEquals(Double.NEGATIVE_INFINITY, d(Reductions.logsumexp(Tensor.vector(Double.NEGATIVE_INFINITY), null, false)));
    close(new int[] {2}, new double[] {Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), Math.log(Math.exp(4) + Math.exp(5) + Math.exp(6))},
        t(Reductions.logsumexp(M, 1, false)), 1e-15);
  }

  @Test
  void softmax() {
    Tensor x = Random.randn(new int[] {4, 6}, new Rng(3));
    Tensor s = Reductions.softmax(x, -1);
    Tensor shifted = Reductions.softmax(Tensor.zip(x, Tensor.scalar(123.4), Double::sum), -1);
    close(s, shifted, 1e-13);
    close(new int[] {4}, new double[] {1, 1, 1, 1}, t(Reductions.sum(s, 1, false)), 1e-15);
    // hand values
    double e = Math.exp(1);
    close(new double[] {1 / (1 + e + e * e), e / (1 + e + e * e), e * e / (1 + e + e * e)},
        Reductions.softmax(Tensor.vector(0, 1, 2), -1), 1e-15);
    // stable for large logits
    close(new double[] {1 / (1 + e), e / (1 + e)}, Reductions.softmax(Tensor.vector(1000, 1001), -1), 1e-15);
    // axis 0
    close(new int[] {2, 3}, new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, Reductions.softmax(Tensor.zeros(2, 3), 0), 0);
    Tensor ls = Reductions.logSoftmax(Tensor.vector(1000, 1001, -1e5), -1);
    close(new double[] {-Math.log(1 + e), 1 - Math.log(1 + e), -1e5 - 1001 - Math.log(1 + 1 / e)}, ls, 1e-12);
  }

  @Test
  void norms() {
    Tensor v = Tensor.vector(3, -4);
    assertEquals(5.0, Reductions.norm(v));
    assertEquals(7.0, d(Reductions.norm(v, 1.0, null, false)));
    assertEquals(4.0, d(Reductions.norm(v, INF, null, false)));
    assertEquals(3.0, d(Reductions.norm(v, Double.NEGATIVE_INFINITY, null, false)));
    assertEquals(Math.cbrt(27 + 64), d(Reductions.norm(v, 3.0, null, false)), 1e-14);
    assertEquals(2.0, d(Reductions.norm(Tensor.vector(0, 1, 2), 0.0, null, false)));
    // no overflow
    assertEquals(5e300, d(Reductions.norm(Tensor.vector(3e300, 4e300), null, null, false)), 1e286);
    Tensor a = Tensor.matrix(new double[][] {{1, -2}, {3, 4}});
    assertEquals(Math.sqrt(30), d(Reductions.norm(a, null, null, false)), 1e-15);
    assertEquals(6.0, d(Reductions.norm(a, 1.0, null, false)));
    assertEquals(7.0, d(Reductions.norm(a, INF, null, false)));
    // spectral norm: sqrt of the largest eigenvalue of AᵀA = [[10, 10], [10, 20]]
    assertEquals(Math.sqrt(15 + 5 * Math.sqrt(5)), d(Reductions.norm(a, 2.0, null, false)), 1e-14);
    close(new int[] {2}, new double[] {Math.sqrt(5), 5}, t(Reductions.norm(a, null, 1, false)), 1e-15);
    close(new int[] {2}, new double[] {4, 6}, t(Reductions.norm(a, 1.0, 0, false)), 0);
    assertThrows(KernelException.class, () -> Reductions.norm(a, 3.0, null, false));
  }

  @Test
  void logSoftmaxIsExactForLargeLogits() {
    // scipy.special.log_softmax: shift invariance, so the size of the logits costs no precision
    close(new double[] {-3.048587351573742, -0.04858735157374196}, Reductions.logSoftmax(Tensor.vector(1e12, 1e12 + 3), -1), 1e-15);
    close(new double[] {-Math.log(2), -Math.log(2)}, Reductions.logSoftmax(Tensor.vector(1e16, 1e16), -1), 1e-16);
    close(new double[] {-Math.log(2), -Math.log(2)}, Reductions.logSoftmax(Tensor.vector(1e308, 1e308), -1), 1e-16);
  }

  @Test
  void matrixNormsOfEveryOrderMatchNumpy() {
    // values from numpy.linalg.norm(A, ord) on this matrix
    Tensor a = Tensor.matrix(new double[][] {{1, -2, 3}, {4, 0, -6}, {-7, 8, 9}});
    assertEquals(18.0, d(Reductions.norm(a, 1.0, null, false)));
    assertEquals(10.0, d(Reductions.norm(a, -1.0, null, false)));
    assertEquals(15.227543425917865, d(Reductions.norm(a, 2.0, null, false)), 1e-13);
    assertEquals(1.7291419682142795, d(Reductions.norm(a, -2.0, null, false)), 1e-13);
    assertEquals(24.0, d(Reductions.norm(a, INF, null, false)));
    assertEquals(6.0, d(Reductions.norm(a, Double.NEGATIVE_INFINITY, null, false)));
    assertEquals(16.1245154965971, d(Reductions.norm(a, "fro", null, false)), 1e-13);
    assertEquals(21.96986694535744, d(Reductions.norm(a, "nuc", null, false)), 1e-13);
    // identities: the nuclear norm of a diagonal matrix is the sum of |d|; fro equals p none
    assertEquals(6.0, d(Reductions.norm(Tensor.matrix(new double[][] {{-1, 0}, {0, 5}}), "nuc", null, false)), 1e-14);
    assertEquals(d(Reductions.norm(a, null, null, false)), d(Reductions.norm(a, "fro", null, false)));
    KernelException e = assertThrows(KernelException.class, () -> Reductions.norm(a, "spectral", null, false));
    assertTrue(e.getMessage().contains("\"fro\" or \"nuc\""), e.getMessage());
    e = assertThrows(KernelException.class, () -> Reductions.norm(Tensor.vector(1, 2), "nuc", null, false));
    assertTrue(e.getMessage().contains("is a matrix norm; x has shape [2]"), e.getMessage());
  }

  @Test
  void negativeVectorOrdersAndComplexValuesMatchNumpy() {
    Tensor v = Tensor.vector(3, -4, 12);
    assertEquals(1.5, d(Reductions.norm(v, -1.0, null, false)), 1e-15);
    assertEquals(2.3533936216582085, d(Reductions.norm(v, -2.0, null, false)), 1e-14);
    assertEquals(0.5358983848622455, d(Reductions.norm(v, -0.5, null, false)), 1e-14);
    assertEquals(0.0, d(Reductions.norm(Tensor.vector(0, 2), -1.0, null, false)));
    // complex: measured by |z| (numpy.linalg.norm of [3+4j, 1j] and [[1+1j, 2], [0, 3j]])
    Tensor z = Tensor.complex(Tensor.vector(3, 0), Tensor.vector(4, 1));
    assertEquals(5.0990195135927845, d(Reductions.norm(z, null, null, false)), 1e-15);
    assertEquals(6.0, d(Reductions.norm(z, 1.0, null, false)), 1e-15);
    Tensor zm = Tensor.complex(Tensor.matrix(new double[][] {{1, 2}, {0, 0}}), Tensor.matrix(new double[][] {{1, 0}, {0, 3}}));
    assertEquals(3.872983346207417, d(Reductions.norm(zm, null, null, false)), 1e-15);
    assertEquals(5.0, d(Reductions.norm(zm, 1.0, null, false)), 1e-15);
    assertEquals(3.414213562373095, d(Reductions.norm(zm, INF, null, false)), 1e-15);
    assertThrows(KernelException.class, () -> Reductions.norm(zm, 2.0, null, false));
  }

  @Test
  void logical() {
    Tensor x = Tensor.matrix(new double[][] {{1, 0}, {2, 3}});
    assertEquals(Boolean.FALSE, Reductions.all(x, null, false));
    assertEquals(Boolean.TRUE, Reductions.any(x, null, false));
    close(new int[] {2}, new double[] {0, 1}, t(Reductions.all(x, 1, false)), 0);
    close(new int[] {2}, new double[] {1, 1}, t(Reductions.any(x, 0, false)), 0);
    assertEquals(3.0, Reductions.countNonzero(x, null, false));
    close(new int[] {2}, new double[] {2, 1}, t(Reductions.countNonzero(x, 0, false)), 0);
    assertEquals(Boolean.TRUE, Reductions.all(Tensor.zeros(0), null, false));
  }
}
