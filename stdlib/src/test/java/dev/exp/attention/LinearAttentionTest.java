package dev.exp.attention;

import static dev.exp.attention.LinearFixtures.fails;
import static dev.exp.attention.LinearFixtures.near;
import static dev.exp.attention.LinearFixtures.randn;
import static dev.exp.attention.LinearFixtures.sameExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.Parallel;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class LinearAttentionTest {
  static final DoubleUnaryOperator ELU1 = x -> x > 0 ? x + 1 : Math.exp(x);
  static final DoubleUnaryOperator RELU = x -> Math.max(0, x);
  static final DoubleUnaryOperator ID = x -> x;

  /** Brute force: o_i = Σ_j λ^(i−j) φ(q_i)·φ(k_j) v_j over visible j, optionally divided by the weight sum. */
  static double[][] brute(Tensor q, Tensor k, Tensor v, DoubleUnaryOperator phi, boolean causal, boolean normalize,
      double lam) {
    double[][] qq = q.toMatrix();
    double[][] kk = k.toMatrix();
    double[][] vv = v.toMatrix();
    int n = qq.length;
    int dv = vv[0].length;
    double[][] o = new double[n][dv];
    for (int i = 0; i < n; i++) {
      double den = 0;
      for (int j = 0; j < kk.length; j++) {
        if (causal && j > i) {
          continue;
        }
        double w = 0;
        for (int c = 0; c < qq[i].length; c++) {
          w += phi.applyAsDouble(qq[i][c]) * phi.applyAsDouble(kk[j][c]);
        }
        if (causal) {
          w *= Math.pow(lam, i - j);
        }
        den += w;
        for (int e = 0; e < dv; e++) {
          o[i][e] += w * vv[j][e];
        }
      }
      if (normalize) {
        for (int e = 0; e < dv; e++) {
          o[i][e] /= den;
        }
      }
    }
    return o;
  }

  @Test
  void causalFormsAgreeWithBruteForceWithAndWithoutDecayAndDenominator() {
    Rng rng = new Rng(1);
    int n = 37;
    Tensor q = randn(rng, 1, n, 5);
    Tensor k = randn(rng, 1, n, 5);
    Tensor v = randn(rng, 1, n, 3);
    for (Double decay : new Double[] {null, 0.9, 0.5}) {
      for (boolean normalize : new boolean[] {true, false}) {
        double lam = decay == null ? 1 : decay;
        Tensor expected = Tensor.matrix(brute(q, k, v, ELU1, true, normalize, lam));
        String what = "decay " + decay + " normalize " + normalize;
        for (String form : new String[] {"parallel", "recurrent"}) {
          near(expected, LinearAttention.linear(q, k, v, "elu1", true, form, normalize, decay, 64), 1e-11, what + form);
        }
        for (int chunk : new int[] {1, 4, 5, 16, 37, 64}) {
          near(expected, LinearAttention.linear(q, k, v, "elu1", true, "chunked", normalize, decay, chunk), 1e-11,
              what + " chunked " + chunk);
          near(expected, ChunkwiseLinearAttention.linearChunked(q, k, v, chunk, "elu1", normalize, decay), 1e-11,
              what + " linear_chunked " + chunk);
        }
      }
    }
  }

  @Test
  void longerSequenceFormsAgreeTo1e9() {
    Rng rng = new Rng(2);
    int n = 700;
    Tensor q = randn(rng, 1, n, 8);
    Tensor k = randn(rng, 1, n, 8);
    Tensor v = randn(rng, 1, n, 4);
    for (Double decay : new Double[] {null, 0.99}) {
      for (boolean normalize : new boolean[] {true, false}) {
        Tensor rec = LinearAttention.linear(q, k, v, "elu1", true, "recurrent", normalize, decay, 64);
        Tensor par = LinearAttention.linear(q, k, v, "elu1", true, "parallel", normalize, decay, 64);
        Tensor chk = ChunkwiseLinearAttention.linearChunked(q, k, v, 64, "elu1", normalize, decay);
        near(par, rec, 1e-9, "recurrent vs parallel");
        near(par, chk, 1e-9, "chunked vs parallel");
      }
    }
  }

  @Test
  void nonCausalFormsAgreeWithBruteForceForDifferentLengths() {
    Rng rng = new Rng(3);
    Tensor q = randn(rng, 1, 6, 4);
    Tensor k = randn(rng, 1, 11, 4);
    Tensor v = randn(rng, 1, 11, 2);
    for (boolean normalize : new boolean[] {true, false}) {
      Tensor expected = Tensor.matrix(brute(q, k, v, ELU1, false, normalize, 1));
      near(expected, LinearAttention.linear(q, k, v, "elu1", false, "parallel", normalize, null, 64), 1e-12, "parallel");
      near(expected, LinearAttention.linear(q, k, v, "elu1", false, "recurrent", normalize, null, 64), 1e-12, "recurrent");
    }
  }

  @Test
  void identityMapWithoutDenominatorIsMaskedQkTimesV() {
    Rng rng = new Rng(4);
    int n = 9;
    Tensor q = randn(rng, 1, n, 3);
    Tensor k = randn(rng, 1, n, 3);
    Tensor v = randn(rng, 1, n, 2);
    double[][] qq = q.toMatrix();
    double[][] kk = k.toMatrix();
    double[][] vv = v.toMatrix();
    double[][] expected = new double[n][2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = qq[i][0] * kk[j][0] + qq[i][1] * kk[j][1] + qq[i][2] * kk[j][2];
        expected[i][0] += s * vv[j][0];
        expected[i][1] += s * vv[j][1];
      }
    }
    for (String form : new String[] {"parallel", "recurrent", "chunked"}) {
      near(expected, LinearAttention.linear(q, k, v, "identity", true, form, false, null, 4), 1e-12, form);
    }
  }

  @Test
  void zeroDecayKeepsOnlyTheDiagonal() {
    Rng rng = new Rng(5);
    Tensor q = randn(rng, 1, 10, 3);
    Tensor k = randn(rng, 1, 10, 3);
    Tensor v = randn(rng, 1, 10, 2);
    for (String form : new String[] {"parallel", "recurrent", "chunked"}) {
      // normalised, positive features: o_t = v_t exactly
      near(v, LinearAttention.linear(q, k, v, "elu1", true, form, true, 0.0, 3), 1e-14, form);
    }
  }

  @Test
  void weightsRowsSumToOneAndReproduceTheOutput() {
    Rng rng = new Rng(6);
    Tensor q = randn(rng, 1, 12, 4);
    Tensor k = randn(rng, 1, 12, 4);
    Tensor v = randn(rng, 1, 12, 3);
    for (boolean causal : new boolean[] {false, true}) {
      Tensor w = LinearAttention.linearWeights(q, k, "elu1", causal, true, causal ? 0.8 : null);
      double[][] ww = w.toMatrix();
      for (int i = 0; i < 12; i++) {
        double s = 0;
        for (int j = 0; j < 12; j++) {
          s += ww[i][j];
          assertTrue(ww[i][j] > 0 || causal && j > i && ww[i][j] == 0, "entry " + i + "," + j);
        }
        assertEquals(1, s, 1e-14, "row " + i);
      }
      Tensor o = LinearAttention.linear(q, k, v, "elu1", causal, "parallel", true, causal ? 0.8 : null, 64);
      near(dev.exp.tensor.MatMul.matmul(w, v), o, 1e-13, "weights @ v");
    }
  }

  @Test
  void unnormalisedWeightsAreFeatureDotProducts() {
    Tensor q = Tensor.matrix(new double[][] {{1, -2}, {0.5, 0}});
    Tensor k = Tensor.matrix(new double[][] {{-1, 3}, {2, 2}});
    Tensor w = LinearAttention.linearWeights(q, k, "relu", false, false, null);
    // relu(q0) = [1, 0], relu(q1) = [0.5, 0]; relu(k0) = [0, 3], relu(k1) = [2, 2]
    near(new double[][] {{0, 2}, {0, 1}}, w, 0, "relu weights");
  }

  @Test
  void reluLinearAttentionIsNotInjectiveButSoftmaxIs() {
    Rng rng = new Rng(7);
    int n = 16;
    Tensor q = randn(rng, 1, n, 4);
    Tensor k = randn(rng, 1, n, 4);
    Tensor v = randn(rng, 1, n, 4);
    Tensor q2 = q.map(x -> 2 * x);
    for (String form : new String[] {"parallel", "recurrent"}) {
      sameExactly(LinearAttention.linear(q, k, v, "relu", false, form, true, null, 64),
          LinearAttention.linear(q2, k, v, "relu", false, form, true, null, 64));
    }
    double[][] s1 = softmaxAttention(q.toMatrix(), k.toMatrix(), v.toMatrix());
    double[][] s2 = softmaxAttention(q2.toMatrix(), k.toMatrix(), v.toMatrix());
    double diff = LinearFixtures.maxDiff(Tensor.matrix(s1), Tensor.matrix(s2));
    assertTrue(diff > 1e-3, "softmax output changed by only " + diff);
  }

  static double[][] softmaxAttention(double[][] q, double[][] k, double[][] v) {
    int n = q.length;
    double[][] o = new double[n][v[0].length];
    for (int i = 0; i < n; i++) {
      double[] s = new double[k.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k.length; j++) {
        for (int c = 0; c < q[i].length; c++) {
          s[j] += q[i][c] * k[j][c] / Math.sqrt(q[i].length);
        }
        max = Math.max(max, s[j]);
      }
      double z = 0;
      for (int j = 0; j < k.length; j++) {
        s[j] = Math.exp(s[j] - max);
        z += s[j];
      }
      for (int j = 0; j < k.length; j++) {
        for (int e = 0; e < v[0].length; e++) {
          o[i][e] += s[j] / z * v[j][e];
        }
      }
    }
    return o;
  }

  @Test
  void taylorFeatureMapGivesPolynomialKernelWeights() {
    Rng rng = new Rng(8);
    Tensor q = randn(rng, 0.5, 5, 3);
    Tensor k = randn(rng, 0.5, 7, 3);
    Tensor w = LinearAttention.linearWeights(q, k, "taylor2", false, false, null);
    double[][] qq = q.toMatrix();
    double[][] kk = k.toMatrix();
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 7; j++) {
        double s = qq[i][0] * kk[j][0] + qq[i][1] * kk[j][1] + qq[i][2] * kk[j][2];
        assertEquals(1 + s + s * s / 2, w.get(i, j), 1e-14);
      }
    }
  }

  @Test
  void zeroDenominatorGivesZeroRow() {
    Tensor q = Tensor.matrix(new double[][] {{-1, -2}, {1, 1}});
    Tensor k = Tensor.matrix(new double[][] {{1, 1}, {2, 0}});
    Tensor v = Tensor.matrix(new double[][] {{3}, {5}});
    Tensor o = LinearAttention.linear(q, k, v, "relu", false, "parallel", true, null, 64);
    assertEquals(0, o.get(0, 0), 0);
    assertEquals((2 * 3 + 2 * 5) / 4.0, o.get(1, 0), 1e-15);
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Rng rng = new Rng(9);
    Tensor q = randn(rng, 1, 300, 6);
    Tensor k = randn(rng, 1, 300, 6);
    Tensor v = randn(rng, 1, 300, 3);
    for (String form : new String[] {"parallel", "chunked"}) {
      Tensor one = Parallel.withThreads(1, () -> LinearAttention.linear(q, k, v, "elu1", true, form, true, 0.95, 32));
      Tensor four = Parallel.withThreads(4, () -> LinearAttention.linear(q, k, v, "elu1", true, form, true, 0.95, 32));
      sameExactly(one, four);
    }
  }

  @Test
  void chunkedGroupsOfBlocksGiveIdenticalResults() {
    Rng rng = new Rng(10);
    Tensor q = randn(rng, 1, 100, 3);
    Tensor k = randn(rng, 1, 100, 3);
    Tensor v = randn(rng, 1, 100, 2);
    LinearAttention.Mapped x = LinearAttention.Mapped.of(q, k, v, "elu1", "test");
    double[] all = ChunkwiseLinearAttention.compute(x, 7, 0.9, true, 1L << 24);
    double[] oneAtATime = ChunkwiseLinearAttention.compute(x, 7, 0.9, true, 1);
    double[] threes = ChunkwiseLinearAttention.compute(x, 7, 0.9, true, 3 * 3 * 2);
    org.junit.jupiter.api.Assertions.assertArrayEquals(all, oneAtATime, 0);
    org.junit.jupiter.api.Assertions.assertArrayEquals(all, threes, 0);
  }

  @Test
  void emptySequences() {
    Tensor e = Tensor.zeros(0, 3);
    Tensor o = LinearAttention.linear(e, e, Tensor.zeros(0, 2), "elu1", true, "chunked", true, null, 4);
    assertEquals(0, o.dim(0));
    assertEquals(2, o.dim(1));
  }

  @Test
  void clearErrors() {
    Tensor q = Tensor.zeros(4, 3);
    Tensor v = Tensor.zeros(4, 2);
    fails(() -> LinearAttention.linear(q, Tensor.zeros(4, 2), v, "elu1", false, "parallel", true, null, 64),
        "attention.linear", "[4, 3]", "[4, 2]", "last dimensions");
    fails(() -> LinearAttention.linear(q, q, Tensor.zeros(5, 2), "elu1", false, "parallel", true, null, 64),
        "k has shape [4, 3] but v has shape [5, 2]");
    fails(() -> LinearAttention.linear(Tensor.zeros(3, 3), q, v, "elu1", true, "parallel", true, null, 64),
        "causal", "[3, 3]", "[4, 3]");
    fails(() -> LinearAttention.linear(q, q, v, "elu1", false, "parallel", true, 0.9, 64), "causal: true");
    fails(() -> LinearAttention.linear(q, q, v, "elu1", true, "parallel", true, 1.5, 64), "decay", "1.5");
    fails(() -> LinearAttention.linear(q, q, v, "elu1", true, "tiled", true, null, 64), "unknown form \"tiled\"");
    fails(() -> LinearAttention.linear(q, q, v, "elu1", true, "chunked", true, null, 0), "chunk");
    fails(() -> LinearAttention.linear(q, q, v, "softplus", true, "parallel", true, null, 64), "unknown feature map");
    fails(() -> LinearAttention.linear(q, q, v, "favor+", true, "parallel", true, null, 64), "random_features");
    Tensor bad = Tensor.matrix(new double[][] {{1, Double.NaN, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}});
    fails(() -> LinearAttention.linear(bad, q, v, "elu1", false, "parallel", true, null, 64), "q", "nan");
    fails(() -> LinearAttention.linear(Tensor.zeros(3), q, v, "elu1", false, "parallel", true, null, 64),
        "q must be a matrix");
  }
}
