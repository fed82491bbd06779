package dev.exp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class KGramTest {
  @Test
  void ktOrderZeroByHand() {
    // "0 0 1": (0 + 1/2)/(0 + 1) ... P(x1 = 0) = (1 + 1/2)/(1 + 1), P(x2 = 1) = (0 + 1/2)/(2 + 1)
    double[][] q = KGram.kgramPredict(Tensor.vector(0, 0, 1), 0, 2, 0.5).toMatrix();
    assertArrayEquals(new double[] {0.5, 0.5}, q[0], 1e-15);
    assertArrayEquals(new double[] {0.75, 0.25}, q[1], 1e-15);
    assertArrayEquals(new double[] {5.0 / 6, 1.0 / 6}, q[2], 1e-15);
  }

  @Test
  void ktSequenceProbabilityMatchesClosedForm() {
    // KT probability of a binary string with a zeros and b ones: Γ(a+½)Γ(b+½) / (π Γ(a+b+1))
    double[] x = new double[60];
    Rng rng = new Rng(3);
    int ones = 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() < 0.3 ? 1 : 0;
      ones += (int) x[i];
    }
    double[][] q = KGram.kgramPredict(Tensor.vector(x), 0, 2, 0.5).toMatrix();
    double logP = 0;
    for (int t = 0; t < x.length; t++) {
      logP += Math.log(q[t][(int) x[t]]);
    }
    int zeros = x.length - ones;
    double expected = Gamma.logGamma(zeros + 0.5) + Gamma.logGamma(ones + 0.5) - Math.log(Math.PI)
        - Gamma.logGamma(x.length + 1);
    assertEquals(expected, logP, 1e-10);
  }

  @Test
  void ktOrderOneByHand() {
    double[][] q = KGram.kgramPredict(Tensor.vector(0, 1, 0, 1, 1), 1, 2, 0.5).toMatrix();
    assertArrayEquals(new double[] {0.5, 0.5}, q[0], 1e-15); // no context yet
    assertArrayEquals(new double[] {0.5, 0.5}, q[1], 1e-15); // context 0 unseen
    assertArrayEquals(new double[] {0.5, 0.5}, q[2], 1e-15); // context 1 unseen
    assertArrayEquals(new double[] {0.25, 0.75}, q[3], 1e-15); // after 0 -> 1 once
    assertArrayEquals(new double[] {0.75, 0.25}, q[4], 1e-15); // after 1 -> 0 once
  }

  /** Add-β prediction of x[t] by rescanning the prefix for earlier occurrences of the same k symbols. */
  static double[] bruteForce(int[] x, int t, int k, int alphabet, double beta) {
    double[] out = new double[alphabet];
    if (t < k) {
      Arrays.fill(out, 1.0 / alphabet);
      return out;
    }
    int[] ctx = Arrays.copyOfRange(x, t - k, t);
    double total = 0;
    for (int u = k; u < t; u++) {
      if (Arrays.equals(Arrays.copyOfRange(x, u - k, u), ctx)) {
        out[x[u]]++;
        total++;
      }
    }
    for (int s = 0; s < alphabet; s++) {
      out[s] = total + alphabet * beta > 0 ? (out[s] + beta) / (total + alphabet * beta) : 1.0 / alphabet;
    }
    return out;
  }

  @Test
  void onlinePredictionsMatchBruteForce() {
    int n = 200;
    int a = 3;
    int[] x = new int[n];
    double[] xd = new double[n];
    Rng rng = new Rng(4);
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextInt(a);
      xd[i] = x[i];
    }
    for (int k = 0; k <= 3; k++) {
      for (double beta : new double[] {0, 0.5, 1}) {
        double[][] q = KGram.kgramPredict(Tensor.vector(xd), k, a, beta).toMatrix();
        for (int t = 0; t < n; t++) {
          assertArrayEquals(bruteForce(x, t, k, a, beta), q[t], 1e-13, "k " + k + " beta " + beta + " t " + t);
        }
        // the fitted table = the prediction after the whole sequence, for each context seen last
        double[][] fit = KGram.kgram(Tensor.vector(xd), k, a, beta).toMatrix();
        int[] extended = Arrays.copyOf(x, n + 1);
        double[] last = bruteForce(extended, n, k, a, beta);
        int c = 0;
        for (int i = n - k; i < n; i++) {
          c = c * a + x[i];
        }
        assertArrayEquals(last, fit[c], 1e-13);
      }
    }
  }

  @Test
  void countsByHandAndUnseenContexts() {
    Tensor seq = Tensor.vector(0, 0, 1, 1, 0);
    assertArrayEquals(new double[] {1, 1, 1, 1}, KGram.kgramCounts(seq, 1, 2).toArray());
    // order 2: contexts (0,0)->1, (0,1)->1, (1,1)->0; context index 2 x[t-2] + x[t-1]
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0, 1, 0}, KGram.kgramCounts(seq, 2, 2).toArray());
    double[][] t = KGram.kgram(seq, 2, 2, 0).toMatrix();
    assertArrayEquals(new double[] {0, 1}, t[0]);
    assertArrayEquals(new double[] {0.5, 0.5}, t[2]); // context (1, 0) never seen: uniform
    assertArrayEquals(new double[] {1, 0}, t[3]);
    double[][] lap = KGram.kgram(seq, 2, 2, 1).toMatrix();
    assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, lap[0], 1e-15);
  }

  @Test
  void batchRowsAreIndependent() {
    double[] a = {0, 1, 1, 0, 1};
    double[] b = {1, 1, 1, 1, 0};
    Tensor batch = Tensor.matrix(new double[][] {a, b});
    Tensor q = KGram.kgramPredict(batch, 1, 2, 0.5);
    assertArrayEquals(new int[] {2, 5, 2}, q.shape());
    double[] qa = KGram.kgramPredict(Tensor.vector(a), 1, 2, 0.5).toArray();
    double[] qb = KGram.kgramPredict(Tensor.vector(b), 1, 2, 0.5).toArray();
    assertArrayEquals(qa, Arrays.copyOfRange(q.toArray(), 0, 10));
    assertArrayEquals(qb, Arrays.copyOfRange(q.toArray(), 10, 20));
    // pooled counts do not include the transition across the row boundary (a[4] -> b[0])
    double[] pooled = KGram.kgramCounts(batch, 1, 2).toArray();
    double[] sum = new double[4];
    double[] ca = KGram.kgramCounts(Tensor.vector(a), 1, 2).toArray();
    double[] cb = KGram.kgramCounts(Tensor.vector(b), 1, 2).toArray();
    for (int i = 0; i < 4; i++) {
      sum[i] = ca[i] + cb[i];
    }
    assertArrayEquals(sum, pooled);
  }

  @Test
  void badArgumentsAreErrors() {
    KernelException e = assertThrows(KernelException.class, () -> KGram.kgram(Tensor.vector(0, 3), 1, 2, 0.5));
    assertTrue(e.getMessage().contains("seq[1] = 3") && e.getMessage().contains("alphabet"), e.getMessage());
    assertThrows(KernelException.class, () -> KGram.kgramPredict(Tensor.vector(0, 0.5), 1, 2, 0.5));
    assertThrows(KernelException.class, () -> KGram.kgramPredict(Tensor.vector(0, 1), 1, 2, -1));
    assertThrows(KernelException.class, () -> KGram.kgramPredict(Tensor.vector(0, 1), -1, 2, 0.5));
    assertThrows(KernelException.class, () -> KGram.kgramPredict(Tensor.zeros(2, 2, 2), 1, 2, 0.5));
  }
}
