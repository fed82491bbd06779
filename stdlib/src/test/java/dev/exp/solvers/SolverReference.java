package dev.exp.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.tensor.Tensor;

/** Reads {@code reference/solvers_reference.json} (written by make_solvers_reference.py with NumPy/SciPy). */
public final class SolverReference {
  private SolverReference() {}

  private static final dev.exp.ReferenceFile FILE = new dev.exp.ReferenceFile("solvers_reference.json");

  static JsonNode root() {
    return FILE.root();
  }

  /** An input tensor (real) by name. */
  public static Tensor input(String name) {
    return decode(root().get("inputs").get(name), name);
  }

  /** An expected tensor by name (complex when the reference is). */
  public static Tensor expected(String name) {
    return decode(root().get("expected").get(name), name);
  }

  private static Tensor decode(JsonNode n, String name) {
    return dev.exp.ReferenceFile.decode(n, name);
  }

  /** Element-wise |a - e| <= tol · max(1, max|e|). */
  public static void close(Tensor expected, Tensor actual, double tol, String what) {
    assertEquals(expected.size(), actual.size(), what + ": size");
    double[] e = expected.raw();
    double[] a = actual.raw();
    double scale = 1;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], tol * scale, what + " [" + i + "]");
    }
  }
}
