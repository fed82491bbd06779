package dev.exp.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * OpenBLAS's threaded dgetrf needs several MB of caller stack; called from a 512 KB thread it crashed the
 * JVM before it moved to big-stack threads. The other LAPACK routines run on the caller's stack, so every
 * kernel is run here from a 512 KB thread with two threads. A crash ends the test JVM (the run fails).
 */
class SmallStackTest {
  @Test
  void luOnASmallStackThreadWithTwoThreads() throws Exception {
    int n = 300;
    Random r = new Random(3);
    double[] l = new double[n * n];
    double[] u = new double[n * n];
    double logDet = 0;
    for (int i = 0; i < n; i++) {
      l[i * n + i] = 1;
      for (int j = 0; j < i; j++) {
        l[i * n + j] = 0.1 * r.nextGaussian();
      }
      u[i * n + i] = 1 + 0.002 * i;
      logDet += Math.log(u[i * n + i]);
      for (int j = i + 1; j < n; j++) {
        u[i * n + j] = 0.1 * r.nextGaussian();
      }
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < n; p++) {
        double lv = l[i * n + p];
        for (int j = 0; j < n; j++) {
          a[i * n + j] += lv * u[p * n + j];
        }
      }
    }
    Tensor m = Tensor.wrap(new int[] {n, n}, a);
    double want = Math.exp(logDet); // det(L U) = prod(diag U)
    AtomicReference<Object> got = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        got.set(Parallel.withThreads(2, () -> Linalg.det(m)));
      } catch (Throwable e) {
        got.set(e);
      }
    }, "small-stack", 512L << 10);
    t.start();
    t.join();
    assertNull(got.get() instanceof Throwable ? got.get() : null);
    assertEquals(want, (Double) got.get(), 1e-9 * want);
  }

  @Test
  void everyLapackKernelOnASmallStackThreadWithTwoThreads() throws Exception {
    int n = 400;
    Random r = new Random(4);
    double[] d = new double[n * n];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.nextGaussian();
    }
    Tensor x = Tensor.wrap(new int[] {n, n}, d);
    double[] s = new double[n * n]; // x xᵀ + n I: symmetric positive definite
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = 0;
        for (int p = 0; p < n; p++) {
          v += d[i * n + p] * d[j * n + p];
        }
        s[i * n + j] = v + (i == j ? n : 0);
      }
    }
    Tensor spd = Tensor.wrap(new int[] {n, n}, s);
    double[] one = new double[n];
    java.util.Arrays.fill(one, 1);
    Tensor ones = Tensor.wrap(new int[] {n}, one);
    AtomicReference<Object> got = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        got.set(Parallel.withThreads(2, () -> {
          Tensor l = Decompositions.cholesky(spd);
          double trace = 0; // trace(L Lᵀ) = sum of squares of L = trace(spd)
          for (double v : l.raw()) {
            trace += v * v;
          }
          Decompositions.qr(x);
          Decompositions.svd(x, true);
          Decompositions.eigh(spd);
          if (dev.exp.tensor.blas.Blas.isNative()) { // on EJML it is slow at n = 400 and has no LAPACK stack to test
            Decompositions.eig(x);
          }
          Linalg.solve(x, ones);
          Linalg.inv(x);
          return trace;
        }));
      } catch (Throwable e) {
        got.set(e);
      }
    }, "small-stack", 512L << 10);
    t.start();
    t.join();
    assertNull(got.get() instanceof Throwable ? got.get() : null);
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += s[i * n + i];
    }
    assertEquals(trace, (Double) got.get(), 1e-10 * trace);
  }
}
