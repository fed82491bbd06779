package dev.exp.learn.distance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both distance kernels against brute force: small integer coordinates make every squared distance exact in
 * any evaluation order, so the expected labels and neighbours (ties by the lower index) are known exactly;
 * on Gaussian data the vector kernel must equal the scalar one bit for bit and brute force to rounding.
 */
class DistanceKernelTest {
  private static final DistanceKernel SCALAR = DistanceKernel.scalar();
  private static final DistanceKernel VECTOR = DistanceKernel.vectorOrNull();

  static DistanceKernel[] kernels() {
    return VECTOR == null ? new DistanceKernel[] {SCALAR} : new DistanceKernel[] {SCALAR, VECTOR};
  }

  @Test
  void vectorKernelLoadsInTheTestJvm() {
    assertNotNull(VECTOR, "the Vector API kernel must be loadable (tests run with jdk.incubator.vector)");
    assertEquals("scalar", SCALAR.describe());
  }

  private static double[] ints(Random r, int len, int range) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextInt(range) - range / 2;
    }
    return v;
  }

  private static double[] gauss(Random r, int len) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextGaussian() * 3 + 1;
    }
    return v;
  }

  /** Σ (a − b)² by plain multiplication and addition (exact for small integers). */
  private static double naive(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double e = a[ao + j] - b[bo + j];
      s += e * e;
    }
    return s;
  }

  @Test
  void assignEqualsBruteForceOnIntegerDataWithTies() {
    Random r = new Random(11);
    int[][] shapes = {{1, 1, 1}, {5, 2, 3}, {13, 3, 8}, {37, 16, 8}, {100, 17, 9}, {64, 5, 20}, {9, 8, 4}};
    for (int[] sh : shapes) {
      int n = sh[0];
      int d = sh[1];
      int k = sh[2];
      double[] x = ints(r, n * d, 5);
      double[] c = ints(r, k * d, 5);
      int[] wantL = new int[n];
      double[] wantD = new double[n];
      double[] wantS = new double[k * d];
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int j = 1; j < k; j++) {
          if (naive(x, i * d, c, j * d, d) < naive(x, i * d, c, best * d, d)) {
            best = j;
          }
        }
        wantL[i] = best;
        wantD[i] = naive(x, i * d, c, best * d, d);
        for (int t = 0; t < d; t++) {
          wantS[best * d + t] += x[i * d + t];
        }
      }
      for (DistanceKernel kern : kernels()) {
        int[] lab = new int[n];
        double[] mind = new double[n];
        double[] sums = new double[k * d];
        // two calls over a split of the rows: blocks may start anywhere
        int split = n / 3;
        kern.assign(x, d, 0, split, c, k, lab, mind, sums);
        kern.assign(x, d, split, n, c, k, lab, mind, sums);
        String what = kern.describe() + " n=" + n + " d=" + d + " k=" + k;
        assertArrayEquals(wantL, lab, what);
        assertArrayEquals(wantD, mind, 0, what);
        assertArrayEquals(wantS, sums, 0, what);
      }
    }
  }

  @Test
  void assignVectorEqualsScalarBitForBitOnGaussianData() {
    Random r = new Random(12);
    int[][] shapes = {{3, 2, 2}, {50, 16, 8}, {77, 7, 13}, {200, 3, 3}, {31, 24, 17}};
    for (int[] sh : shapes) {
      int n = sh[0];
      int d = sh[1];
      int k = sh[2];
      double[] x = gauss(r, n * d);
      double[] c = gauss(r, k * d);
      int[] l0 = new int[n];
      double[] m0 = new double[n];
      double[] s0 = new double[k * d];
      SCALAR.assign(x, d, 0, n, c, k, l0, m0, s0);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++) {
          double e = naive(x, i * d, c, j * d, d);
          double got = naive(x, i * d, c, l0[i] * d, d);
          org.junit.jupiter.api.Assertions.assertTrue(got <= e * (1 + 1e-13), "row " + i + " centre " + j);
        }
        assertEquals(naive(x, i * d, c, l0[i] * d, d), m0[i], 1e-13 * m0[i]);
      }
      for (DistanceKernel kern : kernels()) {
        int[] l = new int[n];
        double[] m = new double[n];
        double[] s = new double[k * d];
        kern.assign(x, d, 0, n, c, k, l, m, s);
        assertArrayEquals(l0, l, kern.describe());
        assertArrayEquals(m0, m, 0, kern.describe());
        assertArrayEquals(s0, s, 0, kern.describe());
      }
    }
  }

  /** The k nearest of every query by sorting all n candidates on (naive distance, index). */
  private static int[] bruteNearest(double[] ref, int n, double[] q, int m, int d, int k, double[] dist) {
    int[] out = new int[m * k];
    for (int i = 0; i < m; i++) {
      double[] d2 = new double[n];
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        d2[j] = naive(q, i * d, ref, j * d, d);
        order[j] = j;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> d2[j]).thenComparingInt(j -> j));
      for (int t = 0; t < k; t++) {
        out[i * k + t] = order[t];
        dist[i * k + t] = d2[order[t]];
      }
    }
    return out;
  }

  @Test
  void nearestEqualsBruteForceOnIntegerDataWithTies() {
    Random r = new Random(13);
    // sizes around the tile width (8), the query group (4) and the cache chunk (2048 points)
    int[][] shapes = {{1, 1, 1, 1}, {7, 3, 5, 7}, {8, 2, 9, 3}, {9, 16, 4, 9}, {33, 5, 13, 4}, {2100, 2, 11, 6},
        {300, 17, 6, 1}, {64, 8, 65, 12}};
    for (int[] sh : shapes) {
      int n = sh[0];
      int d = sh[1];
      int m = sh[2];
      int k = sh[3];
      double[] ref = ints(r, n * d, 4);
      double[] q = ints(r, m * d, 4);
      double[] wantD = new double[m * k];
      int[] want = bruteNearest(ref, n, q, m, d, k, wantD);
      for (DistanceKernel kern : kernels()) {
        Points p = kern.prepare(ref, n, d);
        int[] idx = new int[m * k];
        double[] d2 = new double[m * k];
        int split = m / 2;
        kern.nearest(p, q, 0, split, k, idx, d2);
        kern.nearest(p, q, split, m, k, idx, d2);
        String what = kern.describe() + " n=" + n + " d=" + d + " m=" + m + " k=" + k;
        assertArrayEquals(want, idx, what);
        assertArrayEquals(wantD, d2, 0, what);
      }
    }
  }

  @Test
  void nearestVectorEqualsScalarAndBruteForceOnGaussianData() {
    Random r = new Random(14);
    int[][] shapes = {{500, 16, 21, 5}, {257, 3, 10, 257}, {3000, 4, 5, 2}, {41, 9, 6, 40}};
    for (int[] sh : shapes) {
      int n = sh[0];
      int d = sh[1];
      int m = sh[2];
      int k = sh[3];
      double[] ref = gauss(r, n * d);
      double[] q = gauss(r, m * d);
      double[] wantD = new double[m * k];
      int[] want = bruteNearest(ref, n, q, m, d, k, wantD);
      int[] i0 = new int[m * k];
      double[] d0 = new double[m * k];
      SCALAR.nearest(SCALAR.prepare(ref, n, d), q, 0, m, k, i0, d0);
      assertArrayEquals(want, i0, "scalar vs brute force");
      assertArrayEquals(wantD, d0, 1e-12 * 100);
      for (int t = 0; t < m * k; t++) {
        assertEquals(DistanceKernel.squared(q, (t / k) * d, ref, i0[t] * d, d), d0[t], 0);
      }
      for (DistanceKernel kern : kernels()) {
        int[] idx = new int[m * k];
        double[] d2 = new double[m * k];
        kern.nearest(kern.prepare(ref, n, d), q, 0, m, k, idx, d2);
        assertArrayEquals(i0, idx, kern.describe());
        assertArrayEquals(d0, d2, 0, kern.describe());
      }
    }
  }
}
