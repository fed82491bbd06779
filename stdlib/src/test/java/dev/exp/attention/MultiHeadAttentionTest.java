package dev.exp.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiHeadAttentionTest {

  static Tensor mha(Tensor x, Tensor wq, Tensor wk, Tensor wv, Tensor wo, int h, String mask, Tensor kv) {
    return (Tensor) MultiHeadAttention.multihead(x, wq, wk, wv, wo, h, mask, kv, null, null, null, null, null, false);
  }

  static Tensor eye(int n) {
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i][i] = 1;
    }
    return Tensor.matrix(a);
  }

  static double[][] matmul(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int k = 0; k < b.length; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  /** Columns [from, to) of a matrix. */
  static double[][] cols(double[][] a, int from, int to) {
    double[][] r = new double[a.length][to - from];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], from, r[i], 0, to - from);
    }
    return r;
  }

  @Test
  void oneHeadWithIdentityWeightsIsPlainAttention() {
    Rng rng = new Rng(1);
    Tensor x = Ref.randn(rng, 1, 9, 6);
    Tensor id = eye(6);
    Tensor out = mha(x, id, id, id, id, 1, "causal", null);
    double[][] xm = x.toMatrix();
    double[][] ref = Ref.attention(xm, xm, xm, 1 / Math.sqrt(6), (i, j) -> j <= i, null)[0];
    Ref.close(ref, out, 1e-13);
  }

  @Test
  void matchesPerHeadBruteForceForSelfAndCrossAttention() {
    Rng rng = new Rng(2);
    int n = 11;
    int m = 7;
    int dModel = 8;
    int h = 2;
    Tensor x = Ref.randn(rng, 1, n, dModel);
    Tensor kv = Ref.randn(rng, 1, m, 5);
    Tensor wq = Ref.randn(rng, 0.5, dModel, 8);
    Tensor wk = Ref.randn(rng, 0.5, dModel, 8);
    Tensor wv = Ref.randn(rng, 0.5, dModel, 6);
    Tensor wo = Ref.randn(rng, 0.5, 6, 4);
    Tensor wkc = Ref.randn(rng, 0.5, 5, 8);
    Tensor wvc = Ref.randn(rng, 0.5, 5, 6);
    for (boolean cross : new boolean[] {false, true}) {
      double[][] src = cross ? kv.toMatrix() : x.toMatrix();
      double[][] q = matmul(x.toMatrix(), wq.toMatrix());
      double[][] k = matmul(src, (cross ? wkc : wk).toMatrix());
      double[][] v = matmul(src, (cross ? wvc : wv).toMatrix());
      int mm = src.length;
      double[][] concat = new double[n][6];
      for (int t = 0; t < h; t++) {
        double[][] o = Ref.attention(cols(q, 4 * t, 4 * t + 4), cols(k, 4 * t, 4 * t + 4), cols(v, 3 * t, 3 * t + 3),
            0.5, (i, j) -> cross || j <= i, null)[0];
        for (int i = 0; i < n; i++) {
          System.arraycopy(o[i], 0, concat[i], 3 * t, 3);
        }
      }
      double[][] ref = matmul(concat, wo.toMatrix());
      Tensor out = cross ? mha(x, wq, wkc, wvc, wo, h, "none", kv) : mha(x, wq, wk, wv, wo, h, "causal", null);
      Ref.close(ref, out, 1e-12);
      assertTrue(mm > 0);
    }
  }

  @Test
  void batchedInputAndWeightsRecord() {
    Rng rng = new Rng(3);
    Tensor x = Ref.randn(rng, 1, 2, 5, 4);
    Tensor w = Ref.randn(rng, 0.5, 4, 4);
    Tensor wo = Ref.randn(rng, 0.5, 4, 4);
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) MultiHeadAttention.multihead(x, w, w, w, wo, 2, "causal", null, null,
        null, null, null, null, true);
    Tensor out = (Tensor) r.get("out");
    Tensor weights = (Tensor) r.get("weights");
    assertArrayEquals(new int[] {2, 5, 4}, out.shape());
    assertArrayEquals(new int[] {2, 2, 5, 5}, weights.shape());
    for (int b = 0; b < 2; b++) {
      double[][] xb = Ref.slice(x, b);
      Tensor single = mha(Ref.tensor(xb), w, w, w, wo, 2, "causal", null);
      Ref.close(single.toMatrix(), Ref.tensor(Ref.slice(out, b)), 1e-12);
      for (int t = 0; t < 2; t++) {
        for (int i = 0; i < 5; i++) {
          double s = 0;
          for (int j = 0; j < 5; j++) {
            s += weights.get(b, t, i, j);
          }
          assertTrue(Math.abs(s - 1) < 1e-14);
        }
      }
    }
  }

  @Test
  void badShapesAreClearErrors() {
    Tensor x = Tensor.zeros(3, 6);
    Tensor w = Tensor.zeros(6, 6);
    assertTrue(assertThrows(KernelException.class, () -> mha(x, w, w, w, w, 4, "none", null)).getMessage()
        .contains("do not split into 4 heads"));
    assertTrue(assertThrows(KernelException.class, () -> mha(x, Tensor.zeros(5, 6), w, w, w, 2, "none", null))
        .getMessage().contains("w_q has shape [5, 6]"));
    assertTrue(assertThrows(KernelException.class, () -> mha(x, w, w, w, Tensor.zeros(4, 6), 2, "none", null))
        .getMessage().contains("w_o has shape [4, 6]"));
  }
}
