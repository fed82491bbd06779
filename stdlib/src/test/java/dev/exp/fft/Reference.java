package dev.exp.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.tensor.Tensor;

/**
 * Reads {@code reference/transforms_reference.json} (written by make_transforms_reference.py with
 * NumPy/SciPy) and compares kernel results with it, element by element, complex or real.
 */
public final class Reference {
  private Reference() {}

  private static final dev.exp.ReferenceFile FILE = new dev.exp.ReferenceFile("transforms_reference.json");

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

  private static Tensor decode(JsonNode n, String name) {
    return dev.exp.ReferenceFile.decode(n, name);
  }

  /** Compares with the expected value {@code name}: same shape, same dtype, |Δ| <= tol·max(1, |e|). */
  public static void assertMatchesReference(String name, Tensor actual, double tol) {
    same(expected(name), actual, tol, name);
  }

  /** Element-wise closeness of two tensors (complex compared by both parts). */
  public static void same(Tensor e, Tensor actual, double tol, String what) {
    assertArrayEquals(e.shape(), actual.shape(), what + ": shape");
    assertEquals(e.isComplex(), actual.isComplex(), what + ": complex or real");
    double[] ev = e.complexRaw();
    double[] av = actual.complexRaw();
    double scale = 1;
    for (double v : ev) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < ev.length; i++) {
      if (!(Math.abs(ev[i] - av[i]) <= tol * scale)) {
        fail(what + ": at " + (i / 2) + (i % 2 == 0 ? " (re)" : " (im)") + " expected " + ev[i] + ", got " + av[i]);
      }
    }
  }
}
