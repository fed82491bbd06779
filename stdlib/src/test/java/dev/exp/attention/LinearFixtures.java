package dev.exp.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the linear-attention tests: random inputs, closeness, error messages. */
final class LinearFixtures {
  private LinearFixtures() {}

  static Tensor randn(Rng rng, double scale, int... shape) {
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    for (int i = 0; i < d.length; i++) {
      d[i] = scale * rng.nextGaussian();
    }
    return t;
  }

  static Tensor uniform(Rng rng, double lo, double hi, int... shape) {
    Tensor t = Tensor.zeros(shape);
    double[] d = t.raw();
    for (int i = 0; i < d.length; i++) {
      d[i] = lo + (hi - lo) * rng.nextDouble();
    }
    return t;
  }

  /** Rows scaled to unit norm. */
  static Tensor unitRows(Tensor x) {
    int n = x.dim(0);
    int d = x.dim(1);
    double[] o = x.raw().clone();
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        s += o[i * d + j] * o[i * d + j];
      }
      s = Math.sqrt(s);
      for (int j = 0; j < d; j++) {
        o[i * d + j] /= s;
      }
    }
    return Tensor.wrap(new int[] {n, d}, o);
  }

  /** Max |a − b| after checking equal shapes. */
  static double maxDiff(Tensor a, Tensor b) {
    assertArrayEquals(a.shape(), b.shape(), "shapes");
    double m = 0;
    for (int i = 0; i < a.size(); i++) {
      m = Math.max(m, Math.abs(a.at(i) - b.at(i)));
    }
    return m;
  }

  static void near(Tensor expected, Tensor actual, double tol, String what) {
    double d = maxDiff(expected, actual);
    assertTrue(d <= tol, what + ": max abs difference " + d + " > " + tol);
  }

  static void near(double[][] expected, Tensor actual, double tol, String what) {
    near(Tensor.matrix(expected), actual, tol, what);
  }

  static Tensor out(Object r) {
    return (Tensor) ((Map<?, ?>) r).get("out");
  }

  static Tensor state(Object r) {
    return (Tensor) ((Map<?, ?>) r).get("state");
  }

  /** Runs body, expects a KernelException whose message contains every part. */
  static void fails(Executable body, String... parts) {
    KernelException e = org.junit.jupiter.api.Assertions.assertThrows(KernelException.class, body);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
    }
  }

  static double[][] rows(Tensor t) {
    return t.toMatrix();
  }

  static void sameExactly(Tensor a, Tensor b) {
    assertArrayEquals(a.shape(), b.shape());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.at(i), b.at(i), 0.0, "at " + i);
    }
  }
}
