package dev.exp.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.exp.kernel.Parallel;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The product kernels called directly (no size cut-offs in front of them) on shapes at and around their
 * tile edges, against {@link BlasTest#naive}: the Vector API kernel in both tile families (8 rows × 3
 * vectors and 6 × 2), plain and transposed A, one and two threads; and the packed scalar kernel.
 */
class GemmKernelsTest {
  /**
   * {m, n, k}: 1×n, n×1, k = 1, sizes one below / at / above the row tiles (6, 8), the panel widths
   * (2·L, 3·L for L = 8, and L itself), the k block (384, 256 for the scalar kernel) and the scalar NC (512).
   */
  private static final int[][] EDGES = {
      {1, 1, 1}, {1, 37, 5}, {37, 1, 5}, {9, 30, 1}, {5, 7, 3}, {6, 16, 8}, {7, 17, 9}, {8, 24, 10},
      {9, 25, 11}, {13, 23, 40}, {16, 48, 64}, {17, 49, 383}, {23, 47, 384}, {25, 9, 385}, {3, 100, 769},
      {41, 8, 257}, {50, 513, 20}, {12, 520, 300}, {97, 71, 129}};

  /** Sizes big enough for the parallel split (row tasks × column chunks) of the Vector API kernel. */
  private static final int[][] LARGE = {{200, 150, 400}, {401, 97, 90}, {777, 50, 70}, {130, 1030, 33}};

  private static void checkVector(boolean wide, boolean ta, int m, int n, int k, Random r, String what) {
    double[] a = BlasTest.randn(r, m * k + 3);
    double[] b = BlasTest.randn(r, k * n + 5);
    double[] want = BlasTest.naive(ta, false, m, n, k, Arrays.copyOfRange(a, 3, 3 + m * k),
        Arrays.copyOfRange(b, 5, 5 + k * n));
    double[] c = new double[m * n + 2];
    Arrays.fill(c, Double.NaN); // overwritten, not accumulated into
    VectorGemm.gemm(wide, ta, m, n, k, a, 3, b, 5, c, 1, 0, m, Blas.NO_POLL);
    BlasTest.near(want, c, 1, 1e-12, what);
    assertTrue(Double.isNaN(c[0]) && Double.isNaN(c[m * n + 1]), what + ": writes stay inside C");
  }

  @Test
  void vectorKernelOnTileEdges() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(21);
    for (boolean wide : new boolean[] {true, false}) {
      for (boolean ta : new boolean[] {false, true}) {
        for (int[] s : EDGES) {
          checkVector(wide, ta, s[0], s[1], s[2], r, "wide=" + wide + " ta=" + ta + " " + Arrays.toString(s));
        }
      }
    }
  }

  @Test
  void vectorKernelInParallelOnOneAndTwoThreads() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(22);
    for (int threads : new int[] {1, 2}) {
      Parallel.withThreads(threads, () -> {
        for (boolean wide : new boolean[] {true, false}) {
          for (int[] s : LARGE) {
            checkVector(wide, s[0] % 2 == 1, s[0], s[1], s[2], r, threads + " threads wide=" + wide + " "
                + Arrays.toString(s));
          }
        }
        return null;
      });
    }
  }

  @Test
  void vectorKernelBitsDoNotDependOnThreadsOrTileFamily() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(27);
    int m = 301;
    int n = 203;
    int k = 777; // three k blocks
    double[] a = BlasTest.randn(r, m * k);
    double[] b = BlasTest.randn(r, k * n);
    double[][] out = new double[3][m * n];
    Parallel.withThreads(1, () -> {
      VectorGemm.gemm(true, false, m, n, k, a, 0, b, 0, out[0], 0, 0, m, Blas.NO_POLL);
      return null;
    });
    Parallel.withThreads(2, () -> {
      VectorGemm.gemm(true, false, m, n, k, a, 0, b, 0, out[1], 0, 0, m, Blas.NO_POLL);
      VectorGemm.gemm(false, false, m, n, k, a, 0, b, 0, out[2], 0, 0, m, Blas.NO_POLL);
      return null;
    });
    BlasTest.near(BlasTest.naive(false, false, m, n, k, a, b), out[0], 0, 1e-12, "1 thread");
    assertTrue(Arrays.equals(out[0], out[1]), "same bits on 1 and 2 threads");
    assertTrue(Arrays.equals(out[0], out[2]), "same bits from the 8×3 and 6×2 tiles");
  }

  /**
   * Each element of the Vector API product is one fused multiply-add chain over p = 0..k−1 in order,
   * from zero, whatever the k blocks (k up to three blocks deep here), the edge tiles, the tile family,
   * the threads or transposed A: so it equals that chain written out with Math.fma, bit for bit.
   */
  @Test
  void vectorKernelIsOneFmaChainPerElementInOrder() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(28);
    int[][] shapes = {{9, 25, 11}, {17, 49, 383}, {25, 9, 385}, {41, 30, 769}, {70, 53, 1000}, {1, 37, 800}};
    for (int threads : new int[] {1, 2}) {
      for (boolean wide : new boolean[] {true, false}) {
        for (boolean ta : new boolean[] {false, true}) {
          for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            double[] a = BlasTest.randn(r, m * k);
            double[] b = BlasTest.randn(r, k * n);
            double[] want = new double[m * n];
            for (int i = 0; i < m; i++) {
              for (int j = 0; j < n; j++) {
                double acc = 0;
                for (int p = 0; p < k; p++) {
                  acc = Math.fma(ta ? a[p * m + i] : a[i * k + p], b[p * n + j], acc);
                }
                want[i * n + j] = acc;
              }
            }
            double[] c = new double[m * n];
            Parallel.withThreads(threads, () -> {
              VectorGemm.gemm(wide, ta, m, n, k, a, 0, b, 0, c, 0, 0, m, Blas.NO_POLL);
              return null;
            });
            assertTrue(Arrays.equals(want, c), threads + " threads wide=" + wide + " ta=" + ta + " "
                + Arrays.toString(s) + ": the bits of the in-order fma chain");
          }
        }
      }
    }
  }

  @Test
  void vectorKernelPacksWideBInColumnBlocks() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(26);
    int[][] shapes = {{30, 101, 50}, {64, 200, 17}, {9, 75, 400}};
    for (boolean wide : new boolean[] {true, false}) {
      for (int[] s : shapes) {
        int m = s[0];
        int n = s[1];
        int k = s[2];
        double[] a = BlasTest.randn(r, m * k);
        double[] b = BlasTest.randn(r, k * n);
        double[] want = BlasTest.naive(false, false, m, n, k, a, b);
        for (int packed : new int[] {1, 40 * k, 100 * k}) { // one panel (the minimum), then 1-4 panels per block
          double[] c = new double[m * n];
          Arrays.fill(c, Double.NaN);
          Parallel.withThreads(2, () -> {
            VectorGemm.gemm(wide, false, m, n, k, a, 0, b, 0, c, 0, 0, m, Blas.NO_POLL, packed);
            return null;
          });
          BlasTest.near(want, c, 0, 1e-12, "wide=" + wide + " " + Arrays.toString(s) + " packed=" + packed);
        }
      }
    }
  }

  @Test
  void vectorKernelRowRangeWritesOnlyThoseRows() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(23);
    int m = 60;
    int n = 50;
    int k = 45;
    double[] a = BlasTest.randn(r, m * k);
    double[] b = BlasTest.randn(r, k * n);
    for (boolean wide : new boolean[] {true, false}) {
      for (boolean ta : new boolean[] {false, true}) {
        double[] want = BlasTest.naive(ta, false, m, n, k, a, b);
        double[] c = new double[m * n];
        Arrays.fill(c, -7);
        VectorGemm.gemm(wide, ta, m, n, k, a, 0, b, 0, c, 0, 11, 38, Blas.NO_POLL);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double expect = i >= 11 && i < 38 ? want[i * n + j] : -7;
            assertEquals(expect, c[i * n + j], 1e-12 * (1 + Math.abs(expect)), "wide=" + wide + " ta=" + ta
                + " row " + i);
          }
        }
      }
    }
  }

  @Test
  void vectorKernelPollsBetweenTasksAndStopsWhenThePollThrows() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(24);
    int m = 300;
    int n = 200;
    int k = 100;
    double[] a = BlasTest.randn(r, m * k);
    double[] b = BlasTest.randn(r, k * n);
    double[] want = BlasTest.naive(false, false, m, n, k, a, b);
    AtomicInteger polls = new AtomicInteger();
    double[] c = new double[m * n];
    Parallel.withThreads(2, () -> {
      VectorGemm.gemm(true, false, m, n, k, a, 0, b, 0, c, 0, 0, m, polls::incrementAndGet);
      return null;
    });
    BlasTest.near(want, c, 0, 1e-12, "polled product");
    assertTrue(polls.get() >= 1, "polled between tasks: " + polls.get());
    RuntimeException stop = new RuntimeException("stop");
    RuntimeException got = assertThrows(RuntimeException.class, () -> Parallel.withThreads(2, () -> {
      VectorGemm.gemm(true, false, m, n, k, a, 0, b, 0, c, 0, 0, m, () -> {
        throw stop;
      });
      return null;
    }));
    assertSame(stop, got);
  }

  @Test
  void onlyLargeEnoughProductsWithTheVectorApiRunTiled() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    JavaBlas java = new JavaBlas(true, null);
    assertTrue(java.tiled(100, 100, 100));
    assertTrue(!java.tiled(100, 7, 10_000) && !java.tiled(7, 100, 10_000) && !java.tiled(10, 10, 10),
        "narrow, short or small products stay on the scalar loops");
    assertTrue(!new JavaBlas(false, null).tiled(100, 100, 100), "not without the Vector API");
  }

  @Test
  void scalarKernelsOnTileEdges() {
    Random r = new Random(25);
    for (int[] s : EDGES) {
      int m = s[0];
      int n = s[1];
      int k = s[2];
      double[] a = BlasTest.randn(r, m * k + 3);
      double[] b = BlasTest.randn(r, k * n + 5);
      double[] want = BlasTest.naive(false, false, m, n, k, Arrays.copyOfRange(a, 3, 3 + m * k),
          Arrays.copyOfRange(b, 5, 5 + k * n));
      double[] c = new double[m * n + 2]; // both kernels accumulate into C
      ScalarGemm.gemm(a, 3, b, 5, c, 1, k, n, 0, m);
      BlasTest.near(want, c, 1, 1e-12, "ScalarGemm.gemm " + Arrays.toString(s));
      Arrays.fill(c, 0);
      ScalarGemm.simple(a, 3, b, 5, c, 1, k, n, 0, m);
      BlasTest.near(want, c, 1, 1e-12, "ScalarGemm.simple " + Arrays.toString(s));
      assertTrue(c[0] == 0 && c[m * n + 1] == 0, "writes stay inside C");
    }
  }
}
