package dev.exp.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The count of native calls in progress, which the process exit waits on (OpenBLAS can hang when the
 * process exits during a call): a LAPACK call on another thread is counted while it runs, awaiting
 * idleness times out during it and succeeds after it, and the count returns to zero.
 */
class NativeCallsTest {
  @Test
  void aLapackCallInProgressIsCountedAndTheWaitEndsWithIt() throws Exception {
    assumeTrue(Blas.isNative(), "native OpenBLAS not available: " + Blas.describe());
    int n = 700;
    double[] a = new double[n * n];
    Random r = new Random(7);
    double frobenius2 = 0;
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
      frobenius2 += a[i] * a[i];
    }
    double[] s = new double[n];
    int[] info = {-99};
    boolean[] seen = {false};
    Thread t = new Thread(() -> info[0] = Lapack.dgesdd('S', n, n, a, s, new double[n * n], new double[n * n]));
    t.start();
    while (t.isAlive() && !seen[0]) {
      seen[0] = NativeCalls.inFlight() > 0;
      Thread.onSpinWait();
    }
    if (seen[0]) {
      assertFalse(NativeCalls.awaitIdle(0) && t.isAlive(), "idle reported while the call runs");
    }
    assertTrue(NativeCalls.awaitIdle(60_000), "the wait did not end with the call");
    t.join(60_000);
    assertTrue(seen[0], "the call was never counted");
    assertEquals(0, NativeCalls.inFlight());
    assertEquals(0, info[0]);
    double sum = 0;
    for (double v : s) {
      sum += v * v;
    }
    assertEquals(frobenius2, sum, 1e-9 * frobenius2, "sum of squared singular values = squared Frobenius norm");
  }
}
