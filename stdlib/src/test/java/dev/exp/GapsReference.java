package dev.exp;

import static org.junit.jupiter.api.Assertions.fail;

import dev.exp.tensor.Tensor;

/** Reads {@code reference/gaps_reference.json} (make_gaps_reference.py, scikit-learn 1.2.1 and NumPy formulas). */
public final class GapsReference {
  private GapsReference() {}

  private static final ReferenceFile FILE = new ReferenceFile("gaps_reference.json");

  /** An input tensor by name. */
  public static Tensor in(String name) {
    return FILE.tensor("inputs", name);
  }

  /** An expected tensor by name. */
  public static Tensor out(String name) {
    return FILE.tensor("expected", name);
  }

  /** The expected {@code name} matches {@code actual} (a tensor or a number): |Δ| ≤ tol·max(1, max|e|). */
  public static void close(String name, Object actual, double tol) {
    double[] e = out(name).raw();
    double[] a = actual instanceof Tensor t ? t.raw() : new double[] {((Number) actual).doubleValue()};
    if (e.length != a.length) {
      fail(name + ": expected " + e.length + " values, got " + a.length);
    }
    double scale = 1;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < e.length; i++) {
      if (!(Math.abs(e[i] - a[i]) <= tol * scale)) {
        fail(name + ": at " + i + " expected " + e[i] + ", got " + a[i]);
      }
    }
  }
}
