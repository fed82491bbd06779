package dev.exp.attention;

import static dev.exp.attention.LinearFixtures.fails;
import static dev.exp.attention.LinearFixtures.near;
import static dev.exp.attention.LinearFixtures.out;
import static dev.exp.attention.LinearFixtures.randn;
import static dev.exp.attention.LinearFixtures.state;
import static dev.exp.attention.LinearFixtures.uniform;
import static dev.exp.attention.LinearFixtures.unitRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaRuleTest {
  static Object delta(Tensor q, Tensor k, Tensor v, Tensor beta, String form, int chunk, Tensor s0) {
    return DeltaRule.delta(q, k, v, beta, form, chunk, s0, true, false);
  }

  static Tensor row(Tensor t, int i) {
    int w = t.dim(1);
    return Tensor.wrap(new int[] {1, w}, java.util.Arrays.copyOfRange(t.raw(), i * w, (i + 1) * w));
  }

  static double[][] mul(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int l = 0; l < b.length; l++) {
        for (int j = 0; j < b[0].length; j++) {
          c[i][j] += a[i][l] * b[l][j];
        }
      }
    }
    return c;
  }

  /** The generalized Householder transition I − β k kᵀ as a matrix. */
  static double[][] householder(double[] k, double beta) {
    int d = k.length;
    double[][] h = new double[d][d];
    for (int i = 0; i < d; i++) {
      h[i][i] = 1;
      for (int j = 0; j < d; j++) {
        h[i][j] -= beta * k[i] * k[j];
      }
    }
    return h;
  }

  @Test
  void writingWithBetaOneThenReadingTheKeyReturnsTheValue() {
    Rng rng = new Rng(31);
    int d = 8;
    Tensor k = unitRows(randn(rng, 1, 6, d));
    Tensor v = randn(rng, 1, 6, 3);
    Tensor s0 = randn(rng, 1, 3, d);
    // the query of each step is its own key: o_t = S_t k_t = v_t whatever was stored before
    for (String form : new String[] {"recurrent", "chunked"}) {
      Tensor o = out(delta(k, k, v, Tensor.scalar(1), form, 4, s0));
      near(v, o, 1e-12, form);
    }
  }

  @Test
  void overwriteReplacesWhereAdditiveMemoryAccumulates() {
    Tensor k1 = Tensor.matrix(new double[][] {{0.6, 0.8, 0}});
    Tensor keys = Tensor.matrix(new double[][] {{0.6, 0.8, 0}, {0.6, 0.8, 0}});
    Tensor vals = Tensor.matrix(new double[][] {{1, 2}, {-3, 5}});
    Tensor s = state(delta(keys, keys, vals, Tensor.scalar(1), "recurrent", 16, null));
    Tensor read = out(delta(k1, k1, Tensor.zeros(1, 2), Tensor.scalar(0), "recurrent", 16, s));
    near(new double[][] {{-3, 5}}, read, 1e-15, "delta rule returns the new value");
    // additive memory (linear attention without denominator, identity map): v1 + v1'
    Tensor add = LinearAttention.linear(keys, keys, vals, "identity", true, "recurrent", false, null, 64);
    near(new double[][] {{-2, 7}}, row(add, 1), 1e-15, "additive returns the sum");
  }

  @Test
  void stateIsTheProductOfHouseholderTransitions() {
    Rng rng = new Rng(32);
    int n = 9;
    int d = 4;
    int dv = 2;
    Tensor k = unitRows(randn(rng, 1, n, d));
    Tensor v = randn(rng, 1, n, dv);
    Tensor beta = uniform(rng, 0, 2, n);
    Tensor s0 = randn(rng, 1, dv, d);
    // S_n = S_0 P_1···P_n + Σ_t β_t v_t k_tᵀ P_{t+1}···P_n
    double[][] kk = k.toMatrix();
    double[][] vv = v.toMatrix();
    double[][] s = s0.toMatrix();
    for (int t = 0; t < n; t++) {
      s = mul(s, householder(kk[t], beta.at(t)));
      for (int e = 0; e < dv; e++) {
        for (int c = 0; c < d; c++) {
          s[e][c] += beta.at(t) * vv[t][e] * kk[t][c];
        }
      }
    }
    for (String form : new String[] {"recurrent", "chunked"}) {
      Object r = delta(k, k, v, beta, form, 4, s0);
      near(s, state(r), 1e-12, form + " state");
    }
    // and o_t = S_t q_t, checked at the last step
    Tensor q = randn(rng, 1, n, d);
    Tensor o = out(delta(q, k, v, beta, "recurrent", 16, s0));
    for (int e = 0; e < dv; e++) {
      double x = 0;
      for (int c = 0; c < d; c++) {
        x += s[e][c] * q.get(n - 1, c);
      }
      assertEquals(x, o.get(n - 1, e), 1e-12);
    }
  }

  @Test
  void wyChunkFormEqualsRecurrenceIncludingFinalStateAndInitialState() {
    Rng rng = new Rng(33);
    int n = 64;
    int dk = 16;
    int dv = 8;
    Tensor q = randn(rng, 1, n, dk);
    Tensor k = unitRows(randn(rng, 1, n, dk));
    Tensor v = randn(rng, 1, n, dv);
    for (Tensor beta : new Tensor[] {uniform(rng, 0, 1, n), uniform(rng, 0, 2, n), Tensor.scalar(1)}) {
      for (Tensor s0 : new Tensor[] {null, randn(rng, 1, dv, dk)}) {
        Object rec = delta(q, k, v, beta, "recurrent", 16, s0);
        for (int chunk : new int[] {1, 5, 16, 23, 64, 100}) {
          Object ch = delta(q, k, v, beta, "chunked", chunk, s0);
          near(out(rec), out(ch), 1e-12, "out, chunk " + chunk);
          near(state(rec), state(ch), 1e-12, "state, chunk " + chunk);
        }
      }
    }
  }

  @Test
  void betaTwoOnAOneDimensionalKeyFlipsTheSign() {
    // parity: β_t = 2 for bit 1 (transition −1), β_t = 0 for bit 0 (transition +1); with v = 0 the state is (−1)^ones
    Rng rng = new Rng(34);
    int n = 301;
    double[] bits = new double[n];
    int ones = 0;
    for (int t = 0; t < n; t++) {
      bits[t] = rng.nextInt(2);
      ones += (int) bits[t];
    }
    Tensor beta = Tensor.vector(bits).map(b -> 2 * b);
    Tensor k = Tensor.full(new int[] {n, 1}, 1);
    Tensor v = Tensor.zeros(n, 1);
    for (String form : new String[] {"recurrent", "chunked"}) {
      Object r = delta(k, k, v, beta, form, 16, Tensor.matrix(new double[][] {{1}}));
      assertEquals(ones % 2 == 0 ? 1 : -1, state(r).item(), 0, form);
      int running = 0;
      for (int t = 0; t < n; t++) {
        running += (int) bits[t];
        assertEquals(running % 2 == 0 ? 1 : -1, out(r).get(t, 0), 0, form + " step " + t);
      }
    }
  }

  @Test
  void repeatedPassesConvergeToAnInterpolatingMemory() {
    // Kaczmarz: with N ≤ d linearly independent unit keys, cycling the delta rule with β = 1 interpolates
    Rng rng = new Rng(35);
    int d = 16;
    int nKeys = 8;
    Tensor k = unitRows(randn(rng, 1, nKeys, d));
    Tensor v = randn(rng, 1, nKeys, 4);
    Tensor s = null;
    for (int pass = 0; pass < 50; pass++) {
      s = state(delta(k, k, v, Tensor.scalar(1), "chunked", 16, s));
    }
    Tensor recall = out(delta(k, k, Tensor.zeros(nKeys, 4), Tensor.scalar(0), "recurrent", 16, s));
    double mse = 0;
    for (int i = 0; i < v.size(); i++) {
      mse += Math.pow(recall.at(i) - v.at(i), 2) / v.size();
    }
    assertTrue(mse < 1e-10, "recall mse " + mse);
  }

  @Test
  void normalizeKeysDividesByTheNorm() {
    Rng rng = new Rng(36);
    Tensor q = randn(rng, 1, 5, 3);
    Tensor k = randn(rng, 3, 5, 3);
    Tensor v = randn(rng, 1, 5, 2);
    Tensor a = (Tensor) DeltaRule.delta(q, k, v, Tensor.scalar(0.5), "recurrent", 16, null, false, true);
    Tensor b = (Tensor) DeltaRule.delta(q, unitRows(k), v, Tensor.scalar(0.5), "recurrent", 16, null, false, false);
    near(b, a, 1e-15, "normalize_keys");
    fails(() -> DeltaRule.delta(q, Tensor.zeros(5, 3), v, Tensor.scalar(1), "recurrent", 16, null, false, true),
        "key 0 is zero");
  }

  @Test
  void householderWyRepresentsTheProduct() {
    Rng rng = new Rng(37);
    int n = 6;
    int d = 4;
    Tensor k = randn(rng, 1, n, d);
    Tensor beta = uniform(rng, 0, 2, n);
    Map<String, Object> r = DeltaRuleChunkwise.householderWy(k, beta);
    double[][] kk = k.toMatrix();
    double[][] p = householder(kk[0], beta.at(0));
    for (int t = 1; t < n; t++) {
      p = mul(p, householder(kk[t], beta.at(t)));
    }
    near(p, (Tensor) r.get("P"), 1e-12, "P");
    double[][] t = ((Tensor) r.get("T")).toMatrix();
    for (int i = 0; i < n; i++) {
      assertEquals(beta.at(i), t[i][i], 1e-15);
      for (int j = i + 1; j < n; j++) {
        assertEquals(0, t[i][j], 0);
      }
    }
    near(mul(t, kk), (Tensor) r.get("W"), 1e-12, "W = T K");
    // T (I + tril(diag(β) K Kᵀ, −1)) ... check (I + A) T = diag(β)
    double[][] ia = new double[n][n];
    for (int i = 0; i < n; i++) {
      ia[i][i] = 1;
      for (int j = 0; j < i; j++) {
        for (int c = 0; c < d; c++) {
          ia[i][j] += beta.at(i) * kk[i][c] * kk[j][c];
        }
      }
    }
    double[][] prod = mul(ia, t);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertEquals(i == j ? beta.at(i) : 0, prod[i][j], 1e-12);
      }
    }
    // with unit keys and β = 2 every factor is a reflection, so P is orthogonal
    Tensor u = unitRows(k);
    double[][] pr = ((Tensor) DeltaRuleChunkwise.householderWy(u, Tensor.scalar(2)).get("P")).toMatrix();
    double[][] ptp = mul(transpose(pr), pr);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertEquals(i == j ? 1 : 0, ptp[i][j], 1e-12);
      }
    }
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  @Test
  void clearErrors() {
    Tensor q = Tensor.zeros(4, 3);
    Tensor v = Tensor.zeros(4, 2);
    fails(() -> DeltaRule.delta(q, q, v, Tensor.scalar(2.5), "recurrent", 16, null, false, false),
        "attention.delta", "beta must be in [0, 2]", "2.5");
    fails(() -> DeltaRule.delta(q, q, v, Tensor.vector(1, 1), "recurrent", 16, null, false, false),
        "beta has shape [2]", "[4]");
    fails(() -> DeltaRule.delta(q, q, v, Tensor.scalar(1), "recurrent", 16, Tensor.zeros(3, 2), false, false),
        "state must have shape [2, 3]", "[dv, dk]");
    fails(() -> DeltaRule.delta(q, Tensor.zeros(5, 3), v, Tensor.scalar(1), "recurrent", 16, null, false, false),
        "one row per step", "[5, 3]");
    fails(() -> DeltaRule.delta(q, q, v, Tensor.scalar(1), "chunked", 0, null, false, false), "chunk");
    fails(() -> DeltaRuleChunkwise.householderWy(Tensor.zeros(3, 2), Tensor.scalar(-1)), "attention.householder_wy",
        "beta");
  }
}
