package dev.exp.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Parallel;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class SoftmaxAttentionTest {

  static Tensor attn(Tensor q, Tensor k, Tensor v, Object mask, Integer window, Integer prefix, Integer block,
      Tensor bias) {
    return (Tensor) SoftmaxAttention.softmax(q, k, v, mask, null, window, prefix, block, bias, false);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> withWeights(Tensor q, Tensor k, Tensor v, Object mask, Integer window, Integer prefix,
      Integer block, Tensor bias) {
    return (Map<String, Object>) SoftmaxAttention.softmax(q, k, v, mask, null, window, prefix, block, bias, true);
  }

  static Tensor tiled(Tensor q, Tensor k, Tensor v, String mask, Integer param, int tile) {
    return SoftmaxAttention.softmaxTiled(q, k, v, mask, null, "sliding".equals(mask) ? param : null,
        "prefix".equals(mask) ? param : null, "block".equals(mask) ? param : null, null, tile);
  }

  /** Mask kinds with a parameter where one is needed; every one leaves each row a visible key when n <= m. */
  static final Object[][] KINDS = {{"none", null}, {"causal", null}, {"sliding", 3}, {"sliding", 1},
      {"prefix", 4}, {"prefix", 0}, {"block", 4}, {"block", 1}};

  @Test
  void tiledMatchesBruteForceForEveryMaskTileAndShape() {
    Rng rng = new Rng(7);
    int[][] shapes = {{9, 9}, {7, 13}, {70, 70}, {67, 150}, {130, 61}, {1, 5}, {5, 1}};
    int[] tiles = {1, 3, 16, 64, 200};
    for (int[] nm : shapes) {
      int n = nm[0];
      int m = nm[1];
      Tensor q = Ref.randn(rng, 1, n, 5);
      Tensor k = Ref.randn(rng, 1, m, 5);
      Tensor v = Ref.randn(rng, 1, m, 3);
      for (Object[] kind : KINDS) {
        String name = (String) kind[0];
        int param = kind[1] == null ? 0 : (Integer) kind[1];
        BiPredicate<Integer, Integer> vis = Ref.visible(name, param);
        if (!everyRowSeesAKey(vis, n, m)) {
          continue;
        }
        double[][] ref = Ref.attention(Ref.mat(q), Ref.mat(k), Ref.mat(v), 1 / Math.sqrt(5), vis, null)[0];
        for (int tile : tiles) {
          Ref.close(ref, tiled(q, k, v, name, (Integer) kind[1], tile), 1e-12);
        }
        Map<String, Object> r = withWeights(q, k, v, name, "sliding".equals(name) ? (Integer) kind[1] : null,
            "prefix".equals(name) ? (Integer) kind[1] : null, "block".equals(name) ? (Integer) kind[1] : null, null);
        Ref.close(ref, (Tensor) r.get("out"), 1e-12);
      }
    }
  }

  static boolean everyRowSeesAKey(BiPredicate<Integer, Integer> vis, int n, int m) {
    for (int i = 0; i < n; i++) {
      boolean any = false;
      for (int j = 0; j < m; j++) {
        any |= vis.test(i, j);
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  @Test
  void explicitMaskAndBiasMatchBruteForce() {
    Rng rng = new Rng(11);
    int n = 37;
    int m = 53;
    Tensor q = Ref.randn(rng, 1, n, 4);
    Tensor k = Ref.randn(rng, 1, m, 4);
    Tensor v = Ref.randn(rng, 1, m, 6);
    double[][] allowed = new double[n][m];
    double[][] bias = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        allowed[i][j] = rng.nextDouble() < 0.6 ? 1 : 0;
        bias[i][j] = rng.nextDouble() < 0.2 ? Double.NEGATIVE_INFINITY : 3 * rng.nextGaussian();
      }
      allowed[i][(7 * i) % m] = 1;
      bias[i][(7 * i) % m] = 0.5;
    }
    double[][] a = allowed;
    double scale = 1 / Math.sqrt(4);
    double[][] refMask = Ref.attention(Ref.mat(q), Ref.mat(k), Ref.mat(v), scale, (i, j) -> a[i][j] == 1, null)[0];
    double[][] refBias = Ref.attention(Ref.mat(q), Ref.mat(k), Ref.mat(v), scale, (i, j) -> true, bias)[0];
    double[][] refCausalBias = Ref.attention(Ref.mat(q), Ref.mat(k), Ref.mat(v), scale, (i, j) -> j <= i, bias)[0];
    Ref.close(refMask, attn(q, k, v, Ref.tensor(allowed), null, null, null, null), 1e-12);
    Ref.close(refBias, attn(q, k, v, "none", null, null, null, Ref.tensor(bias)), 1e-12);
    Ref.close(refCausalBias, attn(q, k, v, "causal", null, null, null, Ref.tensor(bias)), 1e-12);
    Ref.close(refMask, (Tensor) withWeights(q, k, v, Ref.tensor(allowed), null, null, null, null).get("out"), 1e-12);
    Ref.close(refBias, (Tensor) withWeights(q, k, v, "none", null, null, null, Ref.tensor(bias)).get("out"), 1e-12);
    for (int tile : new int[] {1, 5, 64}) {
      Ref.close(refMask, SoftmaxAttention.softmaxTiled(q, k, v, Ref.tensor(allowed), null, null, null, null, null, tile),
          1e-12);
      Ref.close(refBias, SoftmaxAttention.softmaxTiled(q, k, v, "none", null, null, null, null, Ref.tensor(bias), tile),
          1e-12);
    }
  }

  @Test
  void weightRowsSumToOneAndMaskedEntriesAreZero() {
    Rng rng = new Rng(3);
    int n = 20;
    int m = 20;
    Tensor q = Ref.randn(rng, 2, n, 8);
    Tensor k = Ref.randn(rng, 2, m, 8);
    Tensor v = Ref.randn(rng, 1, m, 2);
    for (Object[] kind : KINDS) {
      String name = (String) kind[0];
      Integer param = (Integer) kind[1];
      Map<String, Object> r = withWeights(q, k, v, name, "sliding".equals(name) ? param : null,
          "prefix".equals(name) ? param : null, "block".equals(name) ? param : null, null);
      Tensor w = (Tensor) r.get("weights");
      assertArrayEquals(new int[] {n, m}, w.shape());
      BiPredicate<Integer, Integer> vis = Ref.visible(name, param == null ? 0 : param);
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
          sum += w.get(i, j);
          if (!vis.test(i, j)) {
            assertEquals(0.0, w.get(i, j), name + " [" + i + ", " + j + "]");
          } else {
            assertTrue(w.get(i, j) > 0);
          }
        }
        assertEquals(1.0, sum, 1e-14, name + " row " + i);
      }
    }
  }

  @Test
  void singleKeyReturnsItsValueExactly() {
    Rng rng = new Rng(5);
    Tensor q = Ref.randn(rng, 3, 6, 4);
    Tensor k = Ref.randn(rng, 3, 1, 4);
    Tensor v = Tensor.matrix(new double[][] {{0.1, -7.25, 1e-300}});
    for (Tensor out : new Tensor[] {attn(q, k, v, "none", null, null, null, null),
        attn(q, k, v, "causal", null, null, null, null),
        (Tensor) withWeights(q, k, v, "none", null, null, null, null).get("out")}) {
      for (int i = 0; i < 6; i++) {
        for (int c = 0; c < 3; c++) {
          assertEquals(v.get(0, c), out.get(i, c));
        }
      }
    }
  }

  @Test
  void addingAConstantToARowOfLogitsChangesNothing() {
    Rng rng = new Rng(9);
    int n = 12;
    int m = 17;
    Tensor q = Ref.randn(rng, 1, n, 4);
    Tensor k = Ref.randn(rng, 1, m, 4);
    Tensor v = Ref.randn(rng, 1, m, 3);
    double[][] shift = new double[n][m];
    for (int i = 0; i < n; i++) {
      double c = 200 * rng.nextGaussian();
      for (int j = 0; j < m; j++) {
        shift[i][j] = c;
      }
    }
    Tensor plain = attn(q, k, v, "causal", null, null, null, null);
    Tensor shifted = attn(q, k, v, "causal", null, null, null, Ref.tensor(shift));
    Ref.close(plain.toMatrix(), shifted, 1e-13);
    Tensor plainW = (Tensor) withWeights(q, k, v, "none", null, null, null, null).get("weights");
    Tensor shiftedW = (Tensor) withWeights(q, k, v, "none", null, null, null, Ref.tensor(shift)).get("weights");
    Ref.close(plainW.toMatrix(), shiftedW, 1e-13);
  }

  @Test
  void causalOutputAtTDoesNotDependOnLaterTokens() {
    Rng rng = new Rng(13);
    int n = 150;
    int t = 77;
    Tensor q = Ref.randn(rng, 1, n, 8);
    Tensor k = Ref.randn(rng, 1, n, 8);
    Tensor v = Ref.randn(rng, 1, n, 8);
    double[] q2 = q.raw().clone();
    double[] k2 = k.raw().clone();
    double[] v2 = v.raw().clone();
    for (int i = (t + 1) * 8; i < n * 8; i++) {
      q2[i] += 5 * rng.nextGaussian();
      k2[i] += 5 * rng.nextGaussian();
      v2[i] += 5 * rng.nextGaussian();
    }
    int[] s = {n, 8};
    for (String kind : new String[] {"causal", "sliding"}) {
      Integer w = kind.equals("sliding") ? 20 : null;
      Tensor a = attn(q, k, v, kind, w, null, null, null);
      Tensor b = attn(Tensor.wrap(s, q2), Tensor.wrap(s, k2), Tensor.wrap(s, v2), kind, w, null, null, null);
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 8; c++) {
          if (i <= t) {
            assertEquals(a.get(i, c), b.get(i, c), kind + " row " + i);
          }
        }
      }
      // and the rows after t did change
      assertTrue(Math.abs(a.get(n - 1, 0) - b.get(n - 1, 0)) > 1e-6);
    }
  }

  @Test
  void hugeLogitsGiveTheOneHotLimitWithoutNaN() {
    // d = 1, scale 1: logits 1000, 500, 900, 999.9 -> weights e^0, e^-500, e^-100, e^-0.1 (normalised)
    Tensor q = Tensor.matrix(new double[][] {{1000}, {-1000}});
    Tensor k = Tensor.matrix(new double[][] {{1}, {0.5}, {0.9}, {0.9999}});
    Tensor v = Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {2, 2}, {3, 4}});
    Tensor out = (Tensor) SoftmaxAttention.softmax(q, k, v, "none", 1.0, null, null, null, null, false);
    double g = Math.exp(1000 * 0.9999 - 1000); // e^-0.1, from the logit as a double
    double w0 = 1 / (1 + g);
    double w3 = g / (1 + g);
    assertEquals(w0 * 1 + w3 * 3, out.get(0, 0), 1e-15);
    assertEquals(w3 * 4, out.get(0, 1), 1e-15);
    // row 1: logits -1000, -500, -900, -999.9: key 1 wins by 400 nats, so the output is v[1]
    assertEquals(0.0, out.get(1, 0), 1e-170);
    assertEquals(1.0, out.get(1, 1), 1e-15);
    // the same on large random inputs: no NaN, and equal to the argmax row when the gap is large
    Rng rng = new Rng(1);
    Tensor qs = Ref.randn(rng, 40, 30, 16);
    Tensor ks = Ref.randn(rng, 40, 30, 16);
    Tensor vs = Ref.randn(rng, 1, 30, 2);
    Tensor o = attn(qs, ks, vs, "none", null, null, null, null);
    double[][] qm = qs.toMatrix();
    double[][] km = ks.toMatrix();
    for (int i = 0; i < 30; i++) {
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      int arg = -1;
      for (int j = 0; j < 30; j++) {
        double s = 0;
        for (int c = 0; c < 16; c++) {
          s += qm[i][c] * km[j][c];
        }
        s /= 4;
        if (s > best) {
          second = best;
          best = s;
          arg = j;
        } else if (s > second) {
          second = s;
        }
      }
      assertTrue(Double.isFinite(o.get(i, 0)) && Double.isFinite(o.get(i, 1)));
      if (best - second > 50) {
        assertEquals(vs.get(arg, 0), o.get(i, 0), 1e-15);
        assertEquals(vs.get(arg, 1), o.get(i, 1), 1e-15);
      }
    }
  }

  @Test
  void handComputedTwoByTwo() {
    // q = k = I, scale 1: row 0 has logits (1, 0), row 1 (0, 1); e = Euler's number
    Tensor eye = Tensor.matrix(new double[][] {{1, 0}, {0, 1}});
    Tensor v = Tensor.matrix(new double[][] {{1, 2}, {3, 4}});
    Tensor out = (Tensor) SoftmaxAttention.softmax(eye, eye, v, "none", 1.0, null, null, null, null, false);
    double e = Math.E;
    double[][] expected = {{(e * 1 + 3) / (e + 1), (e * 2 + 4) / (e + 1)}, {(1 + 3 * e) / (e + 1), (2 + 4 * e) / (e + 1)}};
    Ref.close(expected, out, 1e-15);
    // causal: row 0 sees only key 0 and returns v[0]
    Tensor causal = (Tensor) SoftmaxAttention.softmax(eye, eye, v, "causal", 1.0, null, null, null, null, false);
    Ref.close(new double[][] {{1, 2}, expected[1]}, causal, 1e-15);
    // default scale 1/sqrt(2)
    Tensor scaled = attn(eye, eye, v, "none", null, null, null, null);
    double a = Math.exp(1 / Math.sqrt(2));
    assertEquals((a * 1 + 3) / (a + 1), scaled.get(0, 0), 1e-15);
  }

  /**
   * The reference implementation of torch.nn.functional.scaled_dot_product_attention from the PyTorch
   * documentation, written out with loops: attn_bias = zeros(L, S); if is_causal, positions where
   * ones(L, S).tril(diagonal=0) is False get -inf; a bool attn_mask fills -inf where False, a float one
   * is added; then softmax(q @ k.T * scale + attn_bias, dim=-1) @ v.
   */
  static double[][] torchReference(double[][] q, double[][] k, double[][] v, boolean isCausal, boolean[][] boolMask,
      double[][] floatMask, Double scale) {
    int bigL = q.length;
    int bigS = k.length;
    double scaleFactor = scale == null ? 1 / Math.sqrt(q[0].length) : scale;
    double[][] attnBias = new double[bigL][bigS];
    if (isCausal) {
      for (int i = 0; i < bigL; i++) {
        for (int j = 0; j < bigS; j++) {
          boolean tril = j - i <= 0; // torch.ones(L, S).tril(diagonal=0)[i, j]
          if (!tril) {
            attnBias[i][j] = Double.NEGATIVE_INFINITY;
          }
        }
      }
    }
    if (boolMask != null) {
      for (int i = 0; i < bigL; i++) {
        for (int j = 0; j < bigS; j++) {
          if (!boolMask[i][j]) {
            attnBias[i][j] = Double.NEGATIVE_INFINITY;
          }
        }
      }
    }
    if (floatMask != null) {
      for (int i = 0; i < bigL; i++) {
        for (int j = 0; j < bigS; j++) {
          attnBias[i][j] += floatMask[i][j];
        }
      }
    }
    double[][] out = new double[bigL][v[0].length];
    for (int i = 0; i < bigL; i++) {
      double[] w = new double[bigS];
      for (int j = 0; j < bigS; j++) {
        double s = 0;
        for (int c = 0; c < q[0].length; c++) {
          s += q[i][c] * k[j][c];
        }
        w[j] = s * scaleFactor + attnBias[i][j];
      }
      double max = Double.NEGATIVE_INFINITY;
      for (double x : w) {
        max = Math.max(max, x);
      }
      double z = 0;
      for (int j = 0; j < bigS; j++) {
        w[j] = Math.exp(w[j] - max);
        z += w[j];
      }
      for (int j = 0; j < bigS; j++) {
        for (int c = 0; c < v[0].length; c++) {
          out[i][c] += w[j] / z * v[j][c];
        }
      }
    }
    return out;
  }

  @Test
  void matchesPyTorchReferenceIncludingCausalWithLNotEqualS() {
    Rng rng = new Rng(21);
    for (int[] ls : new int[][] {{5, 8}, {8, 5}, {6, 6}}) {
      Tensor q = Ref.randn(rng, 1, ls[0], 3);
      Tensor k = Ref.randn(rng, 1, ls[1], 3);
      Tensor v = Ref.randn(rng, 1, ls[1], 4);
      double[][] qm = q.toMatrix();
      double[][] km = k.toMatrix();
      double[][] vm = v.toMatrix();
      Ref.close(torchReference(qm, km, vm, false, null, null, null), attn(q, k, v, "none", null, null, null, null), 1e-13);
      Ref.close(torchReference(qm, km, vm, true, null, null, null), attn(q, k, v, "causal", null, null, null, null), 1e-13);
      Ref.close(torchReference(qm, km, vm, true, null, null, 0.3),
          (Tensor) SoftmaxAttention.softmax(q, k, v, "causal", 0.3, null, null, null, null, false), 1e-13);
      boolean[][] bm = new boolean[ls[0]][ls[1]];
      double[][] mask01 = new double[ls[0]][ls[1]];
      double[][] fm = new double[ls[0]][ls[1]];
      for (int i = 0; i < ls[0]; i++) {
        for (int j = 0; j < ls[1]; j++) {
          bm[i][j] = j == i % ls[1] || rng.nextDouble() < 0.5;
          mask01[i][j] = bm[i][j] ? 1 : 0;
          fm[i][j] = rng.nextGaussian();
        }
      }
      Ref.close(torchReference(qm, km, vm, false, bm, null, null),
          attn(q, k, v, Ref.tensor(mask01), null, null, null, null), 1e-13);
      Ref.close(torchReference(qm, km, vm, false, null, fm, null),
          attn(q, k, v, "none", null, null, null, Ref.tensor(fm)), 1e-13);
    }
  }

  @Test
  void batchedHeadsBroadcastAndSingleQuery() {
    Rng rng = new Rng(17);
    int h = 3;
    Tensor q = Ref.randn(rng, 1, h, 10, 4);
    Tensor k = Ref.randn(rng, 1, 12, 4); // shared by the heads
    Tensor v = Ref.randn(rng, 1, h, 12, 5);
    Tensor out = attn(q, k, v, "causal", null, null, null, null);
    assertArrayEquals(new int[] {h, 10, 5}, out.shape());
    Tensor w = (Tensor) withWeights(q, k, v, "causal", null, null, null, null).get("weights");
    assertArrayEquals(new int[] {h, 10, 12}, w.shape());
    for (int b = 0; b < h; b++) {
      double[][] ref = Ref.attention(Ref.slice(q, b), k.toMatrix(), Ref.slice(v, b), 0.5, (i, j) -> j <= i, null)[0];
      Ref.close(ref, Ref.tensor(Ref.slice(out, b)), 1e-12);
    }
    // per-head bias [h, n, m] broadcasts against 2-d q, k, v
    Tensor q2 = Ref.randn(rng, 1, 4, 3);
    Tensor k2 = Ref.randn(rng, 1, 6, 3);
    Tensor v2 = Ref.randn(rng, 1, 6, 2);
    Tensor bias = Ref.randn(rng, 1, 2, 4, 6);
    Tensor ob = attn(q2, k2, v2, "none", null, null, null, bias);
    assertArrayEquals(new int[] {2, 4, 2}, ob.shape());
    for (int b = 0; b < 2; b++) {
      double[][] ref = Ref.attention(q2.toMatrix(), k2.toMatrix(), v2.toMatrix(), 1 / Math.sqrt(3), (i, j) -> true,
          Ref.slice(bias, b))[0];
      Ref.close(ref, Ref.tensor(Ref.slice(ob, b)), 1e-12);
    }
    // one query vector [d] gives [dv]
    Tensor one = attn(Tensor.vector(q2.get(1, 0), q2.get(1, 1), q2.get(1, 2)), k2, v2, "none", null, null, null, null);
    assertArrayEquals(new int[] {2}, one.shape());
    Tensor all = attn(q2, k2, v2, "none", null, null, null, null);
    assertEquals(all.get(1, 0), one.get(0), 1e-15);
    assertEquals(all.get(1, 1), one.get(1), 1e-15);
  }

  @Test
  void resultDoesNotDependOnThreadCount() {
    Rng rng = new Rng(23);
    Tensor q = Ref.randn(rng, 1, 2, 300, 16);
    Tensor k = Ref.randn(rng, 1, 2, 300, 16);
    Tensor v = Ref.randn(rng, 1, 2, 300, 16);
    Tensor one = Parallel.withThreads(1, () -> attn(q, k, v, "causal", null, null, null, null));
    Tensor three = Parallel.withThreads(3, () -> attn(q, k, v, "causal", null, null, null, null));
    assertArrayEquals(one.raw(), three.raw());
  }

  @Test
  void rowWithEveryKeyMaskedIsAnErrorNamingTheRow() {
    Rng rng = new Rng(2);
    Tensor q = Ref.randn(rng, 1, 6, 2);
    Tensor k = Ref.randn(rng, 1, 4, 2);
    Tensor v = Ref.randn(rng, 1, 4, 2);
    // block-diagonal with block 2 and 6 queries but 4 keys: rows 4 and 5 have no keys
    KernelException e = assertThrows(KernelException.class, () -> attn(q, k, v, "block", null, null, 2, null));
    assertTrue(e.getMessage().contains("query row 4 has every key masked"), e.getMessage());
    double[][] mask = new double[6][4];
    for (double[] row : mask) {
      java.util.Arrays.fill(row, 1);
    }
    mask[3] = new double[4];
    e = assertThrows(KernelException.class, () -> attn(q, k, v, Ref.tensor(mask), null, null, null, null));
    assertTrue(e.getMessage().contains("query row 3"), e.getMessage());
    e = assertThrows(KernelException.class, () -> withWeights(q, k, v, Ref.tensor(mask), null, null, null, null));
    assertTrue(e.getMessage().contains("query row 3"), e.getMessage());
    double[][] bias = new double[6][4];
    java.util.Arrays.fill(bias[2], Double.NEGATIVE_INFINITY);
    e = assertThrows(KernelException.class, () -> attn(q, k, v, "none", null, null, null, Ref.tensor(bias)));
    assertTrue(e.getMessage().contains("query row 2"), e.getMessage());
    // batched: the message names the batch index
    Tensor qb = Ref.randn(rng, 1, 2, 6, 2);
    double[][][] mb = new double[2][6][4];
    for (double[][] mm : mb) {
      for (double[] row : mm) {
        java.util.Arrays.fill(row, 1);
      }
    }
    mb[1][5] = new double[4];
    double[] flat = new double[48];
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < 6; i++) {
        System.arraycopy(mb[b][i], 0, flat, b * 24 + i * 4, 4);
      }
    }
    e = assertThrows(KernelException.class,
        () -> attn(qb, k, v, Tensor.wrap(new int[] {2, 6, 4}, flat), null, null, null, null));
    assertTrue(e.getMessage().contains("query row 5 of batch index [1]"), e.getMessage());
  }

  @Test
  void badArgumentsGiveClearErrors() {
    Tensor q = Tensor.zeros(3, 4);
    Tensor k = Tensor.zeros(5, 4);
    Tensor v = Tensor.zeros(5, 2);
    assertTrue(assertThrows(KernelException.class, () -> attn(q, Tensor.zeros(5, 3), v, "none", null, null, null, null))
        .getMessage().contains("the last dimensions (d) must match"));
    assertTrue(assertThrows(KernelException.class, () -> attn(q, k, Tensor.zeros(4, 2), "none", null, null, null, null))
        .getMessage().contains("same number of rows"));
    assertTrue(assertThrows(KernelException.class, () -> attn(q, k, v, "diagonal", null, null, null, null))
        .getMessage().contains("unknown mask \"diagonal\""));
    assertTrue(assertThrows(KernelException.class, () -> attn(q, k, v, "causal", 3, null, null, null))
        .getMessage().contains("window: 3 is only used with mask: \"sliding\""));
    assertTrue(assertThrows(KernelException.class, () -> attn(q, k, v, "sliding", null, null, null, null))
        .getMessage().contains("needs window"));
    assertTrue(assertThrows(KernelException.class, () -> attn(q, k, v, "sliding", 0, null, null, null))
        .getMessage().contains("window must be >= 1"));
    assertTrue(assertThrows(KernelException.class, () -> attn(q, k, v, Tensor.zeros(3, 4), null, null, null, null))
        .getMessage().contains("mask has shape [3, 4]"));
    assertTrue(assertThrows(KernelException.class,
        () -> attn(q, k, v, Tensor.full(new int[] {3, 5}, 0.5), null, null, null, null))
        .getMessage().contains("must hold 0 (masked) or 1 (attend)"));
    assertTrue(assertThrows(KernelException.class,
        () -> attn(q, k, v, "none", null, null, null, Tensor.full(new int[] {3, 5}, Double.NaN)))
        .getMessage().contains("bias entry 0 is nan"));
    assertTrue(assertThrows(KernelException.class,
        () -> attn(Tensor.full(new int[] {3, 4}, Double.NaN), k, v, "none", null, null, null, null))
        .getMessage().contains("q"));
    assertTrue(assertThrows(KernelException.class,
        () -> attn(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 5, 4), Tensor.zeros(5, 2), "none", null, null, null, null))
        .getMessage().contains("cannot be broadcast"));
    assertTrue(assertThrows(KernelException.class, () -> SoftmaxAttention.softmaxTiled(q, k, v, "none", null, null,
        null, null, null, 0)).getMessage().contains("tile must be"));
  }
}
