package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test helpers: element-wise closeness of tensors. */
public final class Check {
  private Check() {}

  public static void close(double[] expected, Tensor actual, double tol) {
    assertEquals(expected.length, actual.size(), "size of " + actual);
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual.at(i);
      assertTrue(Double.compare(e, a) == 0 || Math.abs(e - a) <= tol * Math.max(1, Math.abs(e)),
          "at " + i + ": expected " + e + ", got " + a + " in " + actual);
    }
  }

  public static void close(int[] shape, double[] expected, Tensor actual, double tol) {
    assertArrayEquals(shape, actual.shape(), "shape of " + actual);
    close(expected, actual, tol);
  }

  public static void close(Tensor expected, Tensor actual, double tol) {
    close(expected.shape(), expected.raw(), actual, tol);
  }

  public static Tensor t(Object o) {
    return (Tensor) o;
  }

  public static double d(Object o) {
    return (Double) o;
  }
}
