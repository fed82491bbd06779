package dev.exp.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;

/** Reads {@code reference/solvers_reference.json} (written by make_solvers_reference.py with NumPy/SciPy). */
public final class SolverReference {
  private SolverReference() {}

  private static JsonNode root;

  private static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = SolverReference.class.getResourceAsStream("/reference/solvers_reference.json")) {
        assertNotNull(in, "reference/solvers_reference.json is on the test classpath");
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return root;
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
    assertNotNull(n, "no reference value " + name);
    int[] shape = new int[n.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = n.get("shape").get(i).asInt();
    }
    JsonNode re = n.get("re");
    JsonNode im = n.get("im");
    double[] v = new double[re.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = re.get(i).asDouble();
    }
    if (im == null) {
      return Tensor.wrap(shape, v);
    }
    double[] w = new double[im.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = im.get(i).asDouble();
    }
    return Tensor.complex(Tensor.wrap(shape, v), Tensor.wrap(shape, w));
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
