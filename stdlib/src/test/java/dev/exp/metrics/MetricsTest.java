package dev.exp.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {
  static final Tensor U4 = Tensor.vector(0.25, 0.25, 0.25, 0.25);

  static double d(Object o) {
    return (Double) o;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void entropyKnownValues() {
    assertEquals(2, d(Information.entropy(U4, 2.0)), 1e-15);
    assertEquals(Math.log(4), d(Information.entropy(U4, null)), 1e-15);
    assertEquals(0, d(Information.entropy(Tensor.vector(1, 0, 0), 2.0)), 0.0);
    assertEquals(0.4689955935892812, d(Information.entropy(Tensor.vector(0.1, 0.9), 2.0)), 1e-15);
    // one value per row
    Tensor rows = Tensor.matrix(new double[][] {{0.5, 0.5}, {1, 0}, {0.1, 0.9}});
    Tensor h = (Tensor) Information.entropy(rows, 2.0);
    assertArrayEquals(new int[] {3}, h.shape());
    assertArrayEquals(new double[] {1, 0, 0.4689955935892812}, h.toArray(), 1e-15);
    Tensor h3 = (Tensor) Information.entropy(Tensor.wrap(new int[] {2, 2, 4}, new double[16]).map(v -> 0.25), 2.0);
    assertArrayEquals(new int[] {2, 2}, h3.shape());
  }

  @Test
  void klOfBernoullisAndIdentities() {
    // KL(Ber(1/2) ‖ Ber(1/10)) = ½ log2(0.5/0.9) + ½ log2(0.5/0.1) = 0.7369655941662062 bits
    assertEquals(0.7369655941662062, d(Information.kl(Tensor.vector(0.5, 0.5), Tensor.vector(0.9, 0.1), 2.0)), 1e-14);
    assertEquals(0, d(Information.kl(U4, U4, null)), 0.0);
    // KL(p ‖ uniform) = log A − H(p)
    Tensor p = Tensor.vector(0.1, 0.2, 0.3, 0.4);
    assertEquals(2 - d(Information.entropy(p, 2.0)), d(Information.kl(p, U4, 2.0)), 1e-14);
    // q = 0 where p > 0: +inf; p = 0 where q > 0: finite
    assertEquals(Double.POSITIVE_INFINITY, d(Information.kl(Tensor.vector(0.5, 0.5), Tensor.vector(1, 0), null)));
    assertEquals(Math.log(2), d(Information.kl(Tensor.vector(1, 0), Tensor.vector(0.5, 0.5), null)), 1e-15);
  }

  @Test
  void crossEntropyIsEntropyPlusKl() {
    Tensor p = Tensor.matrix(new double[][] {{0.2, 0.3, 0.5}, {0.6, 0.4, 0}});
    Tensor q = Tensor.matrix(new double[][] {{0.1, 0.1, 0.8}, {0.3, 0.3, 0.4}});
    Tensor ce = (Tensor) Losses.crossEntropy(p, q, 2.0);
    Tensor h = (Tensor) Information.entropy(p, 2.0);
    Tensor kl = (Tensor) Information.kl(p, q, 2.0);
    for (int i = 0; i < 2; i++) {
      assertEquals(h.at(i) + kl.at(i), ce.at(i), 1e-14);
    }
    // by hand, row 0: −(0.2 log2 0.1 + 0.3 log2 0.1 + 0.5 log2 0.8)
    assertEquals(-(0.5 * log2(0.1) + 0.5 * log2(0.8)), ce.at(0), 1e-14);
  }

  @Test
  void crossEntropyAndNllOfLabels() {
    Tensor q = Tensor.matrix(new double[][] {{0.5, 0.5}, {0.75, 0.25}});
    Tensor labels = Tensor.vector(0, 1);
    assertArrayEquals(new double[] {1, 2}, ((Tensor) Losses.nll(labels, q, 2.0)).toArray(), 1e-15);
    assertEquals(1.5, d(Losses.crossEntropy(labels, q, 2.0)), 1e-15);
    assertEquals(1.5 * Math.log(2), d(Losses.crossEntropy(labels, q, null)), 1e-15);
    assertEquals(Math.exp(1.5 * Math.log(2)), d(Losses.perplexity(labels, q)), 1e-13);
    assertEquals(Math.log(4), d(Losses.nll(Tensor.scalar(1), Tensor.vector(0.5, 0.25, 0.25), null)), 1e-15);
    // zero probability at the label: +inf
    assertEquals(Double.POSITIVE_INFINITY, d(Losses.crossEntropy(Tensor.vector(1), Tensor.matrix(new double[][] {{1, 0}}), null)));
  }

  @Test
  void perplexityOfUniformIsAlphabetSize() {
    Tensor q = Tensor.full(new int[] {5, 7}, 1.0 / 7);
    assertEquals(7, d(Losses.perplexity(Tensor.vector(0, 6, 3, 3, 1), q)), 1e-12);
    assertEquals(4, d(Losses.perplexity(U4, U4)), 1e-13);
  }

  @Test
  void jsTvAndChi2ByHand() {
    assertEquals(1, d(Information.js(Tensor.vector(1, 0), Tensor.vector(0, 1), 2.0)), 1e-15);
    // m = (0.75, 0.25): ½ log2(4/3) + ½ (½ log2(2/3) + ½ log2 2)
    double expected = 0.5 * log2(4.0 / 3) + 0.5 * (0.5 * log2(2.0 / 3) + 0.5);
    Tensor a = Tensor.vector(1, 0);
    Tensor b = Tensor.vector(0.5, 0.5);
    assertEquals(expected, d(Information.js(a, b, 2.0)), 1e-15);
    assertEquals(d(Information.js(a, b, 2.0)), d(Information.js(b, a, 2.0)), 1e-15);
    assertEquals(0.3, d(Information.tv(Tensor.vector(0.5, 0.5), Tensor.vector(0.8, 0.2))), 1e-15);
    assertEquals(1, d(Information.tv(Tensor.vector(1, 0), Tensor.vector(0, 1))), 0.0);
    assertEquals(1.0 / 3, d(Information.chi2(Tensor.vector(0.5, 0.5), Tensor.vector(0.25, 0.75))), 1e-15);
    assertEquals(Double.POSITIVE_INFINITY, d(Information.chi2(Tensor.vector(0.5, 0.5), Tensor.vector(1, 0))));
  }

  @Test
  void regressionAndClassificationErrors() {
    assertEquals(2, Losses.mse(Tensor.vector(1, 2), Tensor.vector(1, 4)), 0.0);
    assertEquals(Math.sqrt(12.5), Losses.rmse(Tensor.vector(0, 0), Tensor.vector(3, 4)), 1e-15);
    assertEquals(1.5, Losses.mae(Tensor.vector(1, 2), Tensor.vector(2, 0)), 0.0);
    assertTrue(Double.isNaN(Losses.mse(Tensor.vector(Double.NaN, 1), Tensor.vector(0, 1))));
    Tensor scores = Tensor.matrix(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.5, 0.5}});
    assertEquals(2.0 / 3, Losses.accuracy(scores, Tensor.vector(0, 0, 0)), 1e-15); // tie -> first maximum (0)
    assertEquals(1.0 / 3, Losses.errorRate(scores, Tensor.vector(0, 0, 0)), 1e-15);
    assertEquals(2.0 / 3, Losses.accuracy(Tensor.vector(1, -1, 1), Tensor.vector(1, 1, 1)), 1e-15);
    assertThrows(KernelException.class, () -> Losses.mse(Tensor.vector(1, 2), Tensor.vector(1, 2, 3)));
    assertThrows(KernelException.class, () -> Losses.accuracy(scores, Tensor.vector(0, 1)));
  }

  @Test
  void invalidDistributionsAreClearErrors() {
    Tensor bad = Tensor.matrix(new double[][] {{0.5, 0.5}, {0.7, 0.7}});
    KernelException e = assertThrows(KernelException.class, () -> Information.entropy(bad, null));
    assertTrue(e.getMessage().contains("metrics.entropy") && e.getMessage().contains("row 1"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Information.kl(Tensor.vector(0.5, 0.5), Tensor.vector(1.5, -0.5), null));
    assertTrue(e.getMessage().contains("q") && e.getMessage().contains("-0.5"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Information.kl(Tensor.vector(Double.NaN, 1), Tensor.vector(0.5, 0.5), null));
    assertTrue(e.getMessage().contains("p contains nan"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Information.entropy(Tensor.vector(Double.NaN, 1), null));
    assertTrue(e.getMessage().contains("nan"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Information.kl(U4, Tensor.vector(0.5, 0.5), null));
    assertTrue(e.getMessage().contains("shape"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Information.entropy(U4, 1.0));
    assertTrue(e.getMessage().contains("base"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Losses.crossEntropy(Tensor.vector(0, 2), Tensor.full(new int[] {2, 2}, 0.5), null));
    assertTrue(e.getMessage().contains("labels[1] = 2"), e.getMessage());
    e = assertThrows(KernelException.class, () -> Losses.crossEntropy(Tensor.vector(0, 1, 1), Tensor.full(new int[] {2, 2}, 0.5), null));
    assertTrue(e.getMessage().contains("labels.shape + [A]"), e.getMessage());
    // 1e-9 tolerance on the sum
    assertEquals(1, d(Information.entropy(Tensor.vector(0.5, 0.5 + 5e-10), 2.0)), 1e-8);
  }
}
