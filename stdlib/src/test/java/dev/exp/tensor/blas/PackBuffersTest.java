package dev.exp.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.exp.kernel.Parallel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packing buffers kept between products: best fit, and left-over contents never reach C. */
class PackBuffersTest {
  @Test
  void takesTheSmallestFreeBufferThatFits() {
    double[] small = new double[1000];
    double[] big = new double[5000];
    PackBuffers.give(big);
    PackBuffers.give(small);
    double[] got = PackBuffers.take(900);
    assertSame(small, got, "the smallest that fits");
    double[] other = PackBuffers.take(4000);
    assertSame(big, other, "the larger one for a larger request");
    double[] fresh = PackBuffers.take(6000);
    assertTrue(fresh.length >= 6000 && fresh != small && fresh != big, "a new one when none fits");
  }

  @Test
  void leftOverContentsDoNotReachProducts() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs --add-modules jdk.incubator.vector");
    Random r = new Random(29);
    // edge panels (n not a multiple of the panel width) and edge row panels (m not a multiple of 8 or 6)
    int[][] shapes = {{37, 29, 50}, {13, 61, 20}, {100, 100, 100}, {9, 17, 400}};
    for (boolean wide : new boolean[] {true, false}) {
      for (boolean ta : new boolean[] {false, true}) {
        for (int[] s : shapes) {
          int m = s[0];
          int n = s[1];
          int k = s[2];
          poisonFreeBuffers(k * (n + 64));
          double[] a = BlasTest.randn(r, m * k);
          double[] b = BlasTest.randn(r, k * n);
          double[] c = new double[m * n];
          Parallel.withThreads(2, () -> {
            VectorGemm.gemm(wide, ta, m, n, k, a, 0, b, 0, c, 0, 0, m, Blas.NO_POLL);
            return null;
          });
          BlasTest.near(BlasTest.naive(ta, false, m, n, k, a, b), c, 0, 1e-12,
              "wide=" + wide + " ta=" + ta + " " + Arrays.toString(s) + " after NaN-filled buffers");
        }
      }
    }
  }

  /** Fills every free buffer (and some new ones of the given size) with NaN and gives them back. */
  private static void poisonFreeBuffers(int size) {
    double[][] held = new double[4][];
    for (int i = 0; i < held.length; i++) {
      held[i] = PackBuffers.take(i < 2 ? size : 1);
      Arrays.fill(held[i], Double.NaN);
    }
    for (double[] h : held) {
      PackBuffers.give(h);
    }
  }
}
