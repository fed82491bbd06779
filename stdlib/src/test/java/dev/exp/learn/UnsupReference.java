package dev.exp.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.tensor.Tensor;

/**
 * Reads {@code reference/unsup_reference.json} (written by make_unsup_reference.py with scikit-learn 1.2.1
 * and SciPy 1.10) for the tests of the unsupervised learners, metrics and statistics.
 */
public final class UnsupReference {
  private UnsupReference() {}

  private static final dev.exp.ReferenceFile FILE = new dev.exp.ReferenceFile("unsup_reference.json");

  static JsonNode root() {
    return FILE.root();
  }

  /** An input tensor by name. */
  public static Tensor input(String name) {
    return decode(root().get("inputs").get(name), name);
  }

  /** An expected tensor by name. */
  public static Tensor expected(String name) {
    return decode(root().get("expected").get(name), name);
  }

  /** An expected scalar by name. */
  public static double number(String name) {
    return expected(name).at(0);
  }

  private static Tensor decode(JsonNode n, String name) {
    return dev.exp.ReferenceFile.decode(n, name);
  }

  /** Same shape and |Δ| ≤ tol·max(1, |e|) element-wise. */
  public static void close(Tensor e, Tensor a, double tol, String what) {
    assertArrayEquals(e.shape(), a.shape(), what + ": shape");
    double[] ev = e.raw();
    double[] av = a.raw();
    for (int i = 0; i < ev.length; i++) {
      assertEquals(ev[i], av[i], tol * Math.max(1, Math.abs(ev[i])), what + "[" + i + "]");
    }
  }

  /** As {@link #close} against the expected value {@code name}. */
  public static void matches(String name, Tensor a, double tol) {
    close(expected(name), a, tol, name);
  }

  /** As {@link #close} for a scalar. */
  public static void matches(String name, double a, double tol) {
    double e = number(name);
    assertEquals(e, a, tol * Math.max(1, Math.abs(e)), name);
  }
}
