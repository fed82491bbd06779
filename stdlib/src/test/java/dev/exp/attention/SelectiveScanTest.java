package dev.exp.attention;

import static dev.exp.attention.LinearFixtures.fails;
import static dev.exp.attention.LinearFixtures.near;
import static dev.exp.attention.LinearFixtures.out;
import static dev.exp.attention.LinearFixtures.randn;
import static dev.exp.attention.LinearFixtures.state;
import static dev.exp.attention.LinearFixtures.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.kernel.Parallel;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SelectiveScanTest {
  static Object scan(Tensor a, Tensor b, Tensor c, Tensor x, Tensor h0, String range, String form) {
    return SelectiveScan.scan(a, b, c, x, h0, range, form, true);
  }

  @Test
  void constantTransitionGivesGeometricSums() {
    int n = 1000; // several parallel blocks
    double a = 0.97;
    Tensor as = Tensor.full(new int[] {n}, a);
    Tensor bs = Tensor.full(new int[] {n}, 1);
    for (String form : new String[] {"sequential", "parallel"}) {
      Tensor h = out(scan(as, bs, null, null, null, "unit", form));
      assertArrayEquals(new int[] {n}, h.shape());
      for (int t = 0; t < n; t++) {
        assertEquals((1 - Math.pow(a, t + 1)) / (1 - a), h.at(t), 1e-12, form + " step " + t);
      }
    }
    // with h0 and no input: h_t = a^(t+1) h0
    Tensor h = out(scan(as, Tensor.zeros(n), null, null, Tensor.scalar(2), "unit", "parallel"));
    for (int t = 0; t < n; t += 37) {
      assertEquals(2 * Math.pow(a, t + 1), h.at(t), 1e-14);
    }
  }

  /** y_t = Σ_i c_ti (Π_{r≤t} a_ri h0_i + Σ_{s≤t} Π_{s<r≤t} a_ri b_si x_s). */
  static double[] brute(double[][] a, double[][] b, double[][] c, double[] x, double[] h0) {
    int n = a.length;
    int ns = a[0].length;
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      for (int i = 0; i < ns; i++) {
        double p = h0[i];
        for (int r = 0; r <= t; r++) {
          p *= a[r][i];
        }
        double h = p;
        for (int s = 0; s <= t; s++) {
          double q = b[s][i] * x[s];
          for (int r = s + 1; r <= t; r++) {
            q *= a[r][i];
          }
          h += q;
        }
        y[t] += c[t][i] * h;
      }
    }
    return y;
  }

  @Test
  void readoutMatchesTheUnrolledSum() {
    Rng rng = new Rng(41);
    int n = 300;
    int ns = 3;
    for (String range : new String[] {"unit", "signed"}) {
      Tensor a = uniform(rng, range.equals("unit") ? 0 : -1, 1, n, ns);
      Tensor b = randn(rng, 1, n, ns);
      Tensor c = randn(rng, 1, n, ns);
      Tensor x = randn(rng, 1, n);
      Tensor h0 = randn(rng, 1, ns);
      double[] y = brute(a.toMatrix(), b.toMatrix(), c.toMatrix(), x.toArray(), h0.toArray());
      for (String form : new String[] {"sequential", "parallel"}) {
        Object r = scan(a, b, c, x, h0, range, form);
        near(Tensor.vector(y), out(r), 1e-12, range + " " + form);
        assertArrayEquals(new int[] {ns}, state(r).shape());
      }
    }
  }

  @Test
  void elementwiseInputsAndFinalState() {
    Rng rng = new Rng(42);
    Tensor a = uniform(rng, 0, 1, 5, 2);
    Tensor b = randn(rng, 1, 5, 2);
    Tensor x = randn(rng, 1, 5, 2);
    Object r = scan(a, b, null, x, null, "unit", "sequential");
    double[][] aa = a.toMatrix();
    double[][] bb = b.toMatrix();
    double[][] xx = x.toMatrix();
    double[] h = new double[2];
    for (int t = 0; t < 5; t++) {
      for (int i = 0; i < 2; i++) {
        h[i] = aa[t][i] * h[i] + bb[t][i] * xx[t][i];
        assertEquals(h[i], out(r).get(t, i), 1e-15);
      }
    }
    assertArrayEquals(h, state(r).toArray(), 1e-15);
  }

  @Test
  void parallelEqualsSequentialOnLongSignedSequencesAndIgnoresThreadCount() {
    Rng rng = new Rng(43);
    int n = 5000;
    Tensor a = uniform(rng, -1, 1, n, 4);
    Tensor b = randn(rng, 1, n, 4);
    Tensor seq = out(scan(a, b, null, null, null, "signed", "sequential"));
    Tensor one = Parallel.withThreads(1, () -> out(scan(a, b, null, null, null, "signed", "parallel")));
    Tensor four = Parallel.withThreads(4, () -> out(scan(a, b, null, null, null, "signed", "parallel")));
    near(seq, one, 1e-12, "parallel vs sequential");
    LinearFixtures.sameExactly(one, four);
  }

  @Test
  void negativeTransitionsTrackParityExactly() {
    Rng rng = new Rng(44);
    int n = 4096;
    double[] a = new double[n];
    int ones = 0;
    for (int t = 0; t < n; t++) {
      int bit = rng.nextInt(2);
      ones += bit;
      a[t] = bit == 1 ? -1 : 1;
    }
    for (String form : new String[] {"sequential", "parallel"}) {
      Object r = scan(Tensor.vector(a), Tensor.zeros(n), null, null, Tensor.scalar(1), "signed", form);
      assertEquals(ones % 2 == 0 ? 1 : -1, state(r).item(), 0, form);
      assertEquals(0, state(r).rank());
    }
  }

  @Test
  void clearErrors() {
    Tensor a = Tensor.full(new int[] {4, 2}, 0.5);
    Tensor b = Tensor.zeros(4, 2);
    Tensor neg = Tensor.full(new int[] {4, 2}, -0.5);
    fails(() -> scan(neg, b, null, null, null, "unit", "sequential"), "attention.scan", "[0, 1]", "-0.5",
        "range: \"signed\"");
    fails(() -> scan(Tensor.full(new int[] {4, 2}, 1.5), b, null, null, null, "signed", "sequential"), "[-1, 1]", "1.5");
    fails(() -> scan(a, Tensor.zeros(4, 3), null, null, null, "unit", "sequential"), "b has shape [4, 3]", "[4, 2]");
    fails(() -> scan(a, b, Tensor.zeros(4), null, null, "unit", "sequential"), "c has shape [4]");
    fails(() -> scan(a, b, null, Tensor.zeros(3), null, "unit", "sequential"), "x has shape [3]");
    fails(() -> scan(a, b, null, null, Tensor.zeros(3), "unit", "sequential"), "h0 must have shape [2]");
    fails(() -> scan(a, b, null, null, null, "real", "sequential"), "unknown range");
    fails(() -> scan(a, b, null, null, null, "unit", "tree"), "unknown form");
    Tensor nan = Tensor.full(new int[] {4, 2}, Double.NaN);
    fails(() -> scan(nan, b, null, null, null, "unit", "sequential"), "a contains nan");
  }
}
