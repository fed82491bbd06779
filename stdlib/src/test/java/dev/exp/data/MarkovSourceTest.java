package dev.exp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.metrics.Losses;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkovSourceTest {
  /** Binary entropy in bits. */
  static double h2(double p) {
    return p == 0 || p == 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
  }

  static Tensor table(Map<String, Object> src) {
    return (Tensor) src.get("table");
  }

  /** πP computed by walking every context and symbol (context c, symbol s → the last k symbols shifted). */
  static double[] stepOnce(double[] pi, double[][] p, int alphabet, int order) {
    double[] out = new double[pi.length];
    for (int c = 0; c < pi.length; c++) {
      // digits of c, oldest first
      int[] digits = new int[order];
      int rest = c;
      for (int i = order - 1; i >= 0; i--) {
        digits[i] = rest % alphabet;
        rest /= alphabet;
      }
      for (int s = 0; s < alphabet; s++) {
        int next = 0;
        for (int i = 1; i < order; i++) {
          next = next * alphabet + digits[i];
        }
        next = order == 0 ? 0 : next * alphabet + s;
        out[next] += pi[c] * p[c][s];
      }
    }
    return out;
  }

  @Test
  void twoStateChainMatchesClosedForm() {
    double p01 = 0.2;
    double p10 = 0.35;
    Tensor t = Tensor.matrix(new double[][] {{1 - p01, p01}, {p10, 1 - p10}});
    double pi1 = p01 / (p01 + p10);
    double pi0 = 1 - pi1;
    Tensor pi = MarkovKernels.stationary(t);
    assertEquals(pi0, pi.at(0), 1e-14);
    assertEquals(pi1, pi.at(1), 1e-14);
    double h = pi0 * h2(p01) + pi1 * h2(p10);
    assertEquals(h, MarkovKernels.entropyRate(t, 2.0), 1e-14);
    assertEquals(h * Math.log(2), MarkovKernels.entropyRate(t, null), 1e-14);
  }

  @Test
  void flipSourceEntropyRateIsBinaryEntropy() {
    Map<String, Object> src = MarkovKernels.flipSource(0.1);
    assertEquals(2.0, src.get("alphabet"));
    assertEquals(1.0, src.get("order"));
    assertEquals(0.4689955935892812, MarkovKernels.entropyRate(src, 2.0), 1e-15);
    Tensor pi = MarkovKernels.stationary(src);
    assertArrayEquals(new double[] {0.5, 0.5}, pi.toArray(), 1e-15);
    // delta = 1 alternates deterministically: periodic but irreducible, entropy rate 0
    assertEquals(0.0, MarkovKernels.entropyRate(MarkovKernels.flipSource(1.0), 2.0), 1e-15);
  }

  @Test
  void stationaryIsInvariantAndNormalised() {
    // 27 contexts: dense solve; 1024 contexts: power iteration
    int[][] cases = {{3, 3}, {2, 10}, {4, 0}, {5, 1}};
    for (int[] c : cases) {
      int a = c[0];
      int k = c[1];
      Map<String, Object> src = MarkovKernels.markov(a, k, 0.7, new Rng(11 + k));
      double[][] p = table(src).toMatrix();
      double[] pi = MarkovKernels.stationary(src).toArray();
      assertEquals((int) Math.pow(a, k), pi.length);
      double sum = 0;
      for (double v : pi) {
        assertTrue(v >= 0);
        sum += v;
      }
      assertEquals(1, sum, 1e-12);
      double[] step = stepOnce(pi, p, a, k);
      for (int i = 0; i < pi.length; i++) {
        assertEquals(pi[i], step[i], 1e-12, "alphabet " + a + " order " + k + " context " + i);
      }
    }
  }

  @Test
  void transientContextsGetZeroMass() {
    // state 0 leaves for state 1 for ever: the unique stationary law is [0, 1]
    Tensor t = Tensor.matrix(new double[][] {{0.5, 0.5}, {0, 1}});
    assertArrayEquals(new double[] {0, 1}, MarkovKernels.stationary(t).toArray(), 1e-15);
    assertEquals(0, MarkovKernels.entropyRate(t, 2.0), 1e-15);
  }

  @Test
  void reducibleChainHasNoUniqueStationaryLaw() {
    KernelException e = assertThrows(KernelException.class, () -> MarkovKernels.stationary(MarkovKernels.flipSource(0)));
    assertTrue(e.getMessage().contains("not unique"), e.getMessage());
    // but it can be sampled from a given initial context
    Tensor s = MarkovKernels.markovSample(MarkovKernels.flipSource(0), 5, Tensor.vector(1), new Rng(1));
    assertArrayEquals(new double[] {1, 1, 1, 1, 1}, s.toArray());
  }

  @Test
  void dirichletRowsSumToOneWithTheRightMoments() {
    // 3^8 = 6561 rows of Dirichlet(0.5, 0.5, 0.5)
    Tensor t = table(MarkovKernels.markov(3, 8, 0.5, new Rng(5)));
    assertArrayEquals(new int[] {6561, 3}, t.shape());
    double[][] rows = t.toMatrix();
    double mean = 0;
    for (double[] r : rows) {
      assertEquals(1, r[0] + r[1] + r[2], 1e-12);
      mean += r[0];
    }
    mean /= rows.length;
    // component variance a_i (a0 − a_i) / (a0² (a0 + 1)) with a_i = 0.5, a0 = 1.5
    double var = 0.5 * 1.0 / (1.5 * 1.5 * 2.5);
    assertEquals(1.0 / 3, mean, 5 * Math.sqrt(var / rows.length));
    // binary alpha = 1: Beta(1, 1) = uniform, mean 1/2, variance 1/12
    double[][] b = table(MarkovKernels.markov(2, 12, 1, new Rng(6))).toMatrix();
    double m = 0;
    double sq = 0;
    for (double[] r : b) {
      m += r[1];
      sq += r[1] * r[1];
    }
    m /= b.length;
    double v = sq / b.length - m * m;
    assertEquals(0.5, m, 5 * Math.sqrt(1.0 / 12 / b.length));
    assertEquals(1.0 / 12, v, 0.004);
  }

  @Test
  void seedsAreReproducible() {
    assertEquals(table(MarkovKernels.markov(2, 3, 1, new Rng(1))), table(MarkovKernels.markov(2, 3, 1, new Rng(1))));
    assertNotEquals(table(MarkovKernels.markov(2, 3, 1, new Rng(1))), table(MarkovKernels.markov(2, 3, 1, new Rng(2))));
    Map<String, Object> src = MarkovKernels.markov(2, 2, 1, new Rng(3));
    assertEquals(MarkovKernels.markovSample(src, 100, null, new Rng(4)),
        MarkovKernels.markovSample(src, 100, null, new Rng(4)));
    assertNotEquals(MarkovKernels.markovSample(src, 100, null, new Rng(4)),
        MarkovKernels.markovSample(src, 100, null, new Rng(5)));
  }

  @Test
  void longSampleMatchesTheTable() {
    Map<String, Object> src = MarkovKernels.markov(2, 2, 1, new Rng(7));
    double[][] p = table(src).toMatrix();
    int n = 200_000;
    double[] x = MarkovKernels.markovSample(src, n, null, new Rng(8)).toArray();
    // transition counts by explicit context matching (context = (x[t-2], x[t-1]))
    double[][] counts = new double[4][2];
    for (int t = 2; t < n; t++) {
      counts[(int) (2 * x[t - 2] + x[t - 1])][(int) x[t]]++;
    }
    double[][] kt = KGram.kgram(Tensor.vector(x), 2, 2, 0.5).toMatrix();
    for (int c = 0; c < 4; c++) {
      double nc = counts[c][0] + counts[c][1];
      double se = Math.sqrt(p[c][1] * (1 - p[c][1]) / nc);
      assertEquals(p[c][1], counts[c][1] / nc, 5 * se, "context " + c);
      assertEquals(p[c][1], kt[c][1], 5 * se, "kt context " + c);
      assertEquals((counts[c][1] + 0.5) / (nc + 1), kt[c][1], 1e-12);
    }
    // context frequencies approach the stationary law
    double[] pi = MarkovKernels.stationary(src).toArray();
    for (int c = 0; c < 4; c++) {
      double nc = counts[c][0] + counts[c][1];
      assertEquals(pi[c], nc / (n - 2), 0.01, "context " + c);
    }
    // the source's own log-loss approaches the entropy rate
    Tensor seq = Tensor.vector(x);
    double ce = (Double) Losses.crossEntropy(seq, MarkovKernels.markovConditional(src, seq), 2.0);
    assertEquals(MarkovKernels.entropyRate(src, 2.0), ce, 0.01);
  }

  @Test
  void initialContextIsStationary() {
    double p01 = 0.2;
    double p10 = 0.35;
    Tensor t = Tensor.matrix(new double[][] {{1 - p01, p01}, {p10, 1 - p10}});
    Rng rng = new Rng(9);
    int trials = 40_000;
    double ones = 0;
    for (int i = 0; i < trials; i++) {
      ones += MarkovKernels.markovSample(t, 1, null, rng).at(0);
    }
    double pi1 = p01 / (p01 + p10);
    assertEquals(pi1, ones / trials, 5 * Math.sqrt(pi1 * (1 - pi1) / trials));
  }

  @Test
  void initFixesTheFirstSymbols() {
    Map<String, Object> src = MarkovKernels.markov(3, 2, 1, new Rng(1));
    Tensor s = MarkovKernels.markovSample(src, 10, Tensor.vector(2, 1), new Rng(2));
    assertEquals(2, s.at(0));
    assertEquals(1, s.at(1));
    assertEquals(1, MarkovKernels.markovSample(src, 1, Tensor.vector(2, 1), new Rng(2)).size());
    assertThrows(KernelException.class, () -> MarkovKernels.markovSample(src, 10, Tensor.vector(1), new Rng(2)));
    assertThrows(KernelException.class, () -> MarkovKernels.markovSample(src, 10, Tensor.vector(1, 3), new Rng(2)));
  }

  @Test
  void deterministicTableIsFollowed() {
    // order 2, binary: next = x[t-2] XOR x[t-1]; context c = 2 x[t-2] + x[t-1]
    Tensor t = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
    double[] x = MarkovKernels.markovSample(t, 30, Tensor.vector(0, 1), new Rng(1)).toArray();
    for (int i = 2; i < x.length; i++) {
      assertEquals(((int) x[i - 2]) ^ ((int) x[i - 1]), (int) x[i], "position " + i);
    }
  }

  @Test
  void conditionalUsesTableRowsAndStationaryPrefix() {
    Map<String, Object> src = MarkovKernels.markov(2, 2, 1, new Rng(21));
    double[][] p = table(src).toMatrix();
    double[] pi = MarkovKernels.stationary(src).toArray();
    Tensor seq = Tensor.vector(1, 0, 0, 1, 1, 1, 0);
    double[][] q = MarkovKernels.markovConditional(src, seq).toMatrix();
    assertEquals(7, q.length);
    // position 0: marginal of the oldest context digit; contexts 2 x0 + x1
    assertEquals(pi[0] + pi[1], q[0][0], 1e-14);
    assertEquals(pi[2] + pi[3], q[0][1], 1e-14);
    // position 1 given x0 = 1
    assertEquals(pi[2] / (pi[2] + pi[3]), q[1][0], 1e-14);
    assertEquals(pi[3] / (pi[2] + pi[3]), q[1][1], 1e-14);
    double[] x = seq.toArray();
    for (int t = 2; t < 7; t++) {
      int c = (int) (2 * x[t - 2] + x[t - 1]);
      assertArrayEquals(p[c], q[t], 0.0, "position " + t);
    }
    // batched rows agree with single rows
    Tensor batch = Tensor.matrix(new double[][] {x, {0, 0, 0, 0, 0, 0, 0}});
    Tensor qb = MarkovKernels.markovConditional(src, batch);
    assertArrayEquals(new int[] {2, 7, 2}, qb.shape());
    assertArrayEquals(MarkovKernels.markovConditional(src, seq).toArray(),
        java.util.Arrays.copyOf(qb.toArray(), 14), 0.0);
  }

  @Test
  void sourceRecordsAreValidated() {
    Tensor bad = Tensor.matrix(new double[][] {{0.5, 0.5}, {0.6, 0.6}});
    KernelException e = assertThrows(KernelException.class, () -> MarkovKernels.stationary(bad));
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("data.stationary"), e.getMessage());
    Tensor threeRows = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}});
    e = assertThrows(KernelException.class, () -> MarkovKernels.entropyRate(threeRows, 2.0));
    assertTrue(e.getMessage().contains("not a power"), e.getMessage());
    Map<String, Object> rec = new LinkedHashMap<>(MarkovKernels.flipSource(0.2));
    rec.put("order", 2.0);
    e = assertThrows(KernelException.class, () -> MarkovKernels.stationary(rec));
    assertTrue(e.getMessage().contains("order = 2"), e.getMessage());
    e = assertThrows(KernelException.class, () -> MarkovKernels.markovConditional(MarkovKernels.flipSource(0.2),
        Tensor.vector(0, 1, 2)));
    assertTrue(e.getMessage().contains("seq[2] = 2"), e.getMessage());
    assertThrows(KernelException.class, () -> MarkovKernels.markov(2, 1, 0, new Rng(1)));
    assertThrows(KernelException.class, () -> MarkovKernels.markov(2, 40, 1, new Rng(1)));
    assertThrows(KernelException.class, () -> MarkovKernels.flipSource(1.5));
    assertThrows(KernelException.class, () -> MarkovKernels.entropyRate(MarkovKernels.flipSource(0.2), 1.0));
  }
}
