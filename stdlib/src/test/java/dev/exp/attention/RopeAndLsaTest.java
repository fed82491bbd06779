package dev.exp.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RopeAndLsaTest {

  static double dot(Tensor a, int ra, Tensor b, int rb) {
    double s = 0;
    for (int c = 0; c < a.dim(1); c++) {
      s += a.get(ra, c) * b.get(rb, c);
    }
    return s;
  }

  @Test
  void ropeAtPositionZeroIsIdentityAndPreservesPairNorms() {
    Rng rng = new Rng(5);
    Tensor x = Ref.randn(rng, 1, 6, 8);
    for (String layout : new String[] {"interleaved", "half"}) {
      Tensor y = Rope.rope(x, null, 10000, layout);
      for (int c = 0; c < 8; c++) {
        assertEquals(x.get(0, c), y.get(0, c), 0.0);
      }
      for (int t = 0; t < 6; t++) {
        for (int i = 0; i < 4; i++) {
          int a = layout.equals("half") ? i : 2 * i;
          int b = layout.equals("half") ? i + 4 : 2 * i + 1;
          double before = Math.hypot(x.get(t, a), x.get(t, b));
          double after = Math.hypot(y.get(t, a), y.get(t, b));
          assertEquals(before, after, 1e-15 * Math.max(1, before));
        }
      }
    }
  }

  @Test
  void ropeInnerProductDependsOnlyOnThePositionDifference() {
    Rng rng = new Rng(6);
    Tensor q = Ref.randn(rng, 1, 1, 16);
    Tensor k = Ref.randn(rng, 1, 1, 16);
    for (String layout : new String[] {"interleaved", "half"}) {
      // <R(m) q, R(n) k> for (m, n) = (7, 3), (104, 100), (4, 0) and (0, -4): all offsets 4
      double[] values = new double[4];
      double[][] pairs = {{7, 3}, {104, 100}, {4, 0}, {0, -4}};
      for (int p = 0; p < 4; p++) {
        Tensor rq = Rope.rope(q, Tensor.vector(pairs[p][0]), 10000, layout);
        Tensor rk = Rope.rope(k, Tensor.vector(pairs[p][1]), 10000, layout);
        values[p] = dot(rq, 0, rk, 0);
      }
      for (int p = 1; p < 4; p++) {
        assertEquals(values[0], values[p], 1e-12);
      }
      // a different offset gives a different value
      Tensor rq = Rope.rope(q, Tensor.vector(5), 10000, layout);
      Tensor rk = Rope.rope(k, Tensor.vector(0), 10000, layout);
      assertTrue(Math.abs(dot(rq, 0, rk, 0) - values[0]) > 1e-6);
    }
  }

  @Test
  void ropeHandValuesAndLayouts() {
    // d = 4, base 100: theta_0 = 1, theta_1 = 100^(-1/2) = 0.1; position 2
    Tensor x = Tensor.matrix(new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 0, 0, 1}});
    Tensor y = Rope.rope(x, null, 100, "interleaved");
    // pair (0,1) = (1, 0) rotated by 2 rad; pair (2,3) = (0, 1) rotated by 0.2 rad
    assertEquals(Math.cos(2), y.get(2, 0), 1e-15);
    assertEquals(Math.sin(2), y.get(2, 1), 1e-15);
    assertEquals(-Math.sin(0.2), y.get(2, 2), 1e-15);
    assertEquals(Math.cos(0.2), y.get(2, 3), 1e-15);
    // half layout pairs (0, 2) and (1, 3): (1, 0) by 2 rad, (0, 1) by 0.2 rad
    Tensor h = Rope.rope(x, null, 100, "half");
    assertEquals(Math.cos(2), h.get(2, 0), 1e-15);
    assertEquals(Math.sin(2), h.get(2, 2), 1e-15);
    assertEquals(-Math.sin(0.2), h.get(2, 1), 1e-15);
    assertEquals(Math.cos(0.2), h.get(2, 3), 1e-15);
    // batched [h, n, d] applies the same positions to every head
    Tensor b = Rope.rope(Tensor.wrap(new int[] {2, 3, 4}, concat(x.raw(), x.raw())), null, 100, "interleaved");
    assertArrayEquals(y.raw(), java.util.Arrays.copyOfRange(b.raw(), 12, 24));
    assertTrue(assertThrows(KernelException.class, () -> Rope.rope(Tensor.zeros(2, 5), null, 10000, "interleaved"))
        .getMessage().contains("must be even"));
    assertTrue(assertThrows(KernelException.class, () -> Rope.rope(Tensor.zeros(2, 4), null, 10000, "neox"))
        .getMessage().contains("unknown layout"));
  }

  static double[] concat(double[] a, double[] b) {
    double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** Tokens (x_i, y_i) for i < n and (x_q, 0). */
  static Tensor tokens(double[][] xs, double[] ys, double[] xq) {
    int n = xs.length;
    int d = xq.length;
    double[][] z = new double[n + 1][d + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(xs[i], 0, z[i], 0, d);
      z[i][d] = ys[i];
    }
    System.arraycopy(xq, 0, z[n], 0, d);
    return Tensor.matrix(z);
  }

  @Test
  void lsaWithGdWeightsIsOneAndTwoGradientDescentSteps() {
    Rng rng = new Rng(8);
    int n = 20;
    int d = 3;
    double eta = 0.3;
    double[] wTrue = {1, -0.5, 2};
    double[][] xs = new double[n][d];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        xs[i][c] = rng.nextGaussian();
        ys[i] += wTrue[c] * xs[i][c];
      }
      ys[i] += 0.1 * rng.nextGaussian();
    }
    double[] xq = {0.3, 1.2, -0.7};
    Map<String, Object> w = LinearSelfAttention.lsaGdWeights(d, eta);
    Tensor wkq = (Tensor) w.get("w_kq");
    Tensor wpv = (Tensor) w.get("w_pv");
    Tensor z = tokens(xs, ys, xq);
    Tensor z1 = LinearSelfAttention.lsa(z, wkq, wpv);
    // closed form: one GD step from w = 0 on (1/2n) Σ (wᵀx_i − y_i)² gives w1 = (eta/n) Σ y_i x_i
    double[] w1 = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        w1[c] += eta / n * ys[i] * xs[i][c];
      }
    }
    double yhat1 = 0;
    for (int c = 0; c < d; c++) {
      yhat1 += w1[c] * xq[c];
    }
    assertEquals(yhat1, -z1.get(n, d), 1e-14);
    // the x parts are untouched
    for (int c = 0; c < d; c++) {
      assertEquals(xq[c], z1.get(n, c), 0.0);
    }
    // second step: w2 = w1 + (eta/n) Σ (y_i − w1ᵀx_i) x_i; a second layer predicts w2ᵀ x_q
    double[] w2 = w1.clone();
    for (int i = 0; i < n; i++) {
      double r = ys[i];
      for (int c = 0; c < d; c++) {
        r -= w1[c] * xs[i][c];
      }
      for (int c = 0; c < d; c++) {
        w2[c] += eta / n * r * xs[i][c];
      }
    }
    double yhat2 = 0;
    for (int c = 0; c < d; c++) {
      yhat2 += w2[c] * xq[c];
    }
    Tensor z2 = LinearSelfAttention.lsa(z1, wkq, wpv);
    assertEquals(yhat2, -z2.get(n, d), 1e-14);
  }

  @Test
  void lsaGeneralFormulaOnASmallExample() {
    // n = 1 context row: z_j' = z_j + (z_0ᵀ W_KQ z_j) W_PV z_0
    Tensor z = Tensor.matrix(new double[][] {{1, 2}, {3, 0}});
    Tensor wkq = Tensor.matrix(new double[][] {{1, 2}, {0, 1}});
    Tensor wpv = Tensor.matrix(new double[][] {{0, 1}, {1, 0}});
    Tensor out = LinearSelfAttention.lsa(z, wkq, wpv);
    // z_0ᵀ W_KQ = [1, 4]; scores: row 0 -> 1 + 8 = 9, row 1 -> 3; W_PV z_0 = [2, 1]
    assertArrayEquals(new double[] {1 + 18, 2 + 9, 3 + 6, 0 + 3}, out.raw(), 0.0);
    assertTrue(assertThrows(KernelException.class, () -> LinearSelfAttention.lsa(z, Tensor.zeros(3, 3), wpv))
        .getMessage().contains("w_kq has shape [3, 3]"));
  }
}
