package dev.exp.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.function.BiPredicate;

/**
 * Brute-force references for the attention tests, written independently of the kernels: a full
 * logit matrix, an explicit visibility predicate per mask kind, a plain softmax row by row.
 */
final class Ref {
  private Ref() {}

  static Tensor randn(Rng rng, double sd, int... shape) {
    int size = 1;
    for (int s : shape) {
      size *= s;
    }
    double[] d = new double[size];
    for (int i = 0; i < size; i++) {
      d[i] = sd * rng.nextGaussian();
    }
    return Tensor.wrap(shape, d);
  }

  /** Visibility predicates, written straight from the documented definitions. */
  static BiPredicate<Integer, Integer> visible(String kind, int param) {
    switch (kind) {
      case "none":
        return (i, j) -> true;
      case "causal":
        return (i, j) -> j <= i;
      case "sliding":
        return (i, j) -> i - param < j && j <= i;
      case "prefix":
        return (i, j) -> j < param || j <= i;
      case "block":
        return (i, j) -> Math.floorDiv(i, param) == Math.floorDiv(j, param);
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  /**
   * softmax(scale·q kᵀ + bias) v for 2-d q [n, d], k [m, d], v [m, dv]; entries with vis false or
   * bias -inf are excluded. Returns {out, weights}.
   */
  static double[][][] attention(double[][] q, double[][] k, double[][] v, double scale,
      BiPredicate<Integer, Integer> vis, double[][] bias) {
    int n = q.length;
    int m = k.length;
    int dv = v[0].length;
    double[][] w = new double[n][m];
    double[][] out = new double[n][dv];
    for (int i = 0; i < n; i++) {
      double[] s = new double[m];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double dot = 0;
        for (int c = 0; c < q[i].length; c++) {
          dot += q[i][c] * k[j][c];
        }
        s[j] = vis.test(i, j) ? dot * scale + (bias == null ? 0 : bias[i][j]) : Double.NEGATIVE_INFINITY;
        max = Math.max(max, s[j]);
      }
      double z = 0;
      for (int j = 0; j < m; j++) {
        w[i][j] = s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max);
        z += w[i][j];
      }
      for (int j = 0; j < m; j++) {
        w[i][j] /= z;
        for (int c = 0; c < dv; c++) {
          out[i][c] += w[i][j] * v[j][c];
        }
      }
    }
    return new double[][][] {out, w};
  }

  static double[][] mat(Tensor t) {
    return t.toMatrix();
  }

  /** The [n, m] slice number b of a rank-3 tensor. */
  static double[][] slice(Tensor t, int b) {
    int n = t.dim(1);
    int m = t.dim(2);
    double[][] r = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        r[i][j] = t.get(b, i, j);
      }
    }
    return r;
  }

  static Tensor tensor(double[][] a) {
    return Tensor.matrix(a);
  }

  /** |a - b| <= rtol · max(|a|_inf, tiny) element-wise, with the shape checked. */
  static void close(double[][] expected, Tensor actual, double rtol) {
    assertArrayEquals(new int[] {expected.length, expected[0].length}, actual.shape());
    double scaleRef = 0;
    for (double[] row : expected) {
      for (double x : row) {
        scaleRef = Math.max(scaleRef, Math.abs(x));
      }
    }
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        double e = expected[i][j];
        double a = actual.get(i, j);
        assertTrue(Math.abs(e - a) <= rtol * Math.max(scaleRef, 1e-300),
            "at [" + i + ", " + j + "]: expected " + e + ", got " + a);
      }
    }
  }

  static void close(double[][] expected, double[][] actual, double rtol) {
    close(expected, Tensor.matrix(actual), rtol);
  }
}
