package dev.exp.attention;

import static dev.exp.attention.LinearFixtures.fails;
import static dev.exp.attention.LinearFixtures.near;
import static dev.exp.attention.LinearFixtures.out;
import static dev.exp.attention.LinearFixtures.randn;
import static dev.exp.attention.LinearFixtures.state;
import static dev.exp.attention.LinearFixtures.uniform;

import dev.exp.kernel.Parallel;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GatedRecurrenceTest {
  /**
   * Unrolled closed form: o_t = Σ_{s≤t} v_s Σ_c q_tc k_sc Π_{r=s+1..t} α_rc + Σ_c q_tc (Π_{r=0..t} α_rc) S0[c,:],
   * and the final state S = Σ_s diag(Π_{r=s+1..n−1} α_r) k_s v_sᵀ + diag(Π_r α_r) S0.
   */
  static Tensor[] brute(Tensor q, Tensor k, Tensor v, double[][] g, double[][] s0) {
    double[][] qq = q.toMatrix();
    double[][] kk = k.toMatrix();
    double[][] vv = v.toMatrix();
    int n = qq.length;
    int dk = qq[0].length;
    int dv = vv[0].length;
    double[][] o = new double[n][dv];
    for (int t = 0; t < n; t++) {
      for (int c = 0; c < dk; c++) {
        double p = 1;
        for (int r = 0; r <= t; r++) {
          p *= g[r][c];
        }
        for (int e = 0; e < dv; e++) {
          o[t][e] += qq[t][c] * p * s0[c][e];
        }
      }
      for (int s = 0; s <= t; s++) {
        double w = 0;
        for (int c = 0; c < dk; c++) {
          double p = 1;
          for (int r = s + 1; r <= t; r++) {
            p *= g[r][c];
          }
          w += qq[t][c] * kk[s][c] * p;
        }
        for (int e = 0; e < dv; e++) {
          o[t][e] += w * vv[s][e];
        }
      }
    }
    double[][] st = new double[dk][dv];
    for (int c = 0; c < dk; c++) {
      double p = 1;
      for (int r = 0; r < n; r++) {
        p *= g[r][c];
      }
      for (int e = 0; e < dv; e++) {
        st[c][e] = p * s0[c][e];
      }
      for (int s = 0; s < n; s++) {
        double ps = 1;
        for (int r = s + 1; r < n; r++) {
          ps *= g[r][c];
        }
        for (int e = 0; e < dv; e++) {
          st[c][e] += ps * kk[s][c] * vv[s][e];
        }
      }
    }
    return new Tensor[] {Tensor.matrix(o), Tensor.matrix(st)};
  }

  @Test
  void bothFormsMatchTheUnrolledSumWithPerDimensionGatesAndInitialState() {
    Rng rng = new Rng(21);
    int n = 29;
    int dk = 4;
    int dv = 3;
    Tensor q = randn(rng, 1, n, dk);
    Tensor k = randn(rng, 1, n, dk);
    Tensor v = randn(rng, 1, n, dv);
    Tensor alpha = uniform(rng, 0.5, 1, n, dk);
    alpha.raw()[7 * dk + 1] = 0; // a reset of key dimension 1 at step 7
    alpha.raw()[20 * dk + 3] = 1;
    Tensor s0 = randn(rng, 1, dk, dv);
    Tensor[] expected = brute(q, k, v, alpha.toMatrix(), s0.toMatrix());
    Object rec = GatedRecurrence.gated(q, k, v, alpha, "recurrent", 64, s0, true);
    near(expected[0], out(rec), 1e-12, "recurrent out");
    near(expected[1], state(rec), 1e-12, "recurrent state");
    for (int chunk : new int[] {1, 3, 7, 8, 29, 64}) {
      Object ch = GatedRecurrence.gated(q, k, v, alpha, "chunked", chunk, s0, true);
      near(expected[0], out(ch), 1e-12, "chunked out " + chunk);
      near(expected[1], state(ch), 1e-12, "chunked state " + chunk);
    }
  }

  @Test
  void perStepScalarGatesAndConstantGamma() {
    Rng rng = new Rng(22);
    int n = 17;
    Tensor q = randn(rng, 1, n, 3);
    Tensor k = randn(rng, 1, n, 3);
    Tensor v = randn(rng, 1, n, 2);
    Tensor perStep = uniform(rng, 0.2, 1, n);
    double[][] g = new double[n][3];
    for (int t = 0; t < n; t++) {
      java.util.Arrays.fill(g[t], perStep.at(t));
    }
    double[][] zero = new double[3][2];
    Tensor expected = brute(q, k, v, g, zero)[0];
    for (String form : new String[] {"recurrent", "chunked"}) {
      near(expected, (Tensor) GatedRecurrence.gated(q, k, v, perStep, form, 5, null, false), 1e-12, form);
    }
    // constant γ (RetNet): equals linear attention with identity map, no denominator, decay γ
    Tensor gamma = Tensor.scalar(0.9);
    for (double[] row : g) {
      java.util.Arrays.fill(row, 0.9);
    }
    Tensor retnet = brute(q, k, v, g, zero)[0];
    near(retnet, LinearAttention.linear(q, k, v, "identity", true, "parallel", false, 0.9, 64), 1e-12, "linear");
    for (String form : new String[] {"recurrent", "chunked"}) {
      near(retnet, (Tensor) GatedRecurrence.gated(q, k, v, gamma, form, 4, null, false), 1e-12, form + " gamma");
    }
  }

  @Test
  void stateCarriesAcrossSplitSequences() {
    Rng rng = new Rng(23);
    int n = 20;
    Tensor q = randn(rng, 1, n, 3);
    Tensor k = randn(rng, 1, n, 3);
    Tensor v = randn(rng, 1, n, 2);
    Tensor a = uniform(rng, 0.5, 1, n, 3);
    Object whole = GatedRecurrence.gated(q, k, v, a, "recurrent", 64, null, true);
    Object first = GatedRecurrence.gated(rows(q, 0, 12), rows(k, 0, 12), rows(v, 0, 12), rows(a, 0, 12), "chunked", 5,
        null, true);
    Object second = GatedRecurrence.gated(rows(q, 12, n), rows(k, 12, n), rows(v, 12, n), rows(a, 12, n), "chunked", 5,
        state(first), true);
    near(rows(out(whole), 12, n), out(second), 1e-12, "second half");
    near(state(whole), state(second), 1e-12, "final state");
  }

  static Tensor rows(Tensor t, int from, int to) {
    int w = t.size() / t.dim(0);
    double[] d = java.util.Arrays.copyOfRange(t.raw(), from * w, to * w);
    int[] s = t.shape().clone();
    s[0] = to - from;
    return Tensor.wrap(s, d);
  }

  @Test
  void chunkedDoesNotDependOnThreadCount() {
    Rng rng = new Rng(24);
    Tensor q = randn(rng, 1, 200, 4);
    Tensor k = randn(rng, 1, 200, 4);
    Tensor v = randn(rng, 1, 200, 4);
    Tensor a = uniform(rng, 0.8, 1, 200, 4);
    Tensor one = Parallel.withThreads(1, () -> (Tensor) GatedRecurrence.gated(q, k, v, a, "chunked", 16, null, false));
    Tensor four = Parallel.withThreads(4, () -> (Tensor) GatedRecurrence.gated(q, k, v, a, "chunked", 16, null, false));
    LinearFixtures.sameExactly(one, four);
  }

  @Test
  void clearErrors() {
    Tensor q = Tensor.zeros(4, 3);
    Tensor v = Tensor.zeros(4, 2);
    fails(() -> GatedRecurrence.gated(q, q, v, Tensor.scalar(1.2), "recurrent", 64, null, false),
        "attention.gated", "[0, 1]", "1.2");
    fails(() -> GatedRecurrence.gated(q, q, v, Tensor.zeros(4, 2), "recurrent", 64, null, false),
        "alpha has shape [4, 2]", "[4, 3]");
    fails(() -> GatedRecurrence.gated(q, q, v, Tensor.scalar(1), "recurrent", 64, Tensor.zeros(2, 3), false),
        "state must have shape [3, 2]");
    fails(() -> GatedRecurrence.gated(q, q, v, Tensor.scalar(1), "parallel", 64, null, false), "unknown form");
    fails(() -> GatedRecurrence.gated(q, q, v, Tensor.scalar(Double.NaN), "recurrent", 64, null, false), "alpha", "nan");
  }
}
