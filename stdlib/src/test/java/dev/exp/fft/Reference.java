package dev.exp.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code reference/transforms_reference.json} (written by make_transforms_reference.py with
 * NumPy/SciPy) and compares kernel results with it, element by element, complex or real.
 */
public final class Reference {
  private Reference() {}

  private static JsonNode root;

  private static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = Reference.class.getResourceAsStream("/reference/transforms_reference.json")) {
        assertNotNull(in, "reference/transforms_reference.json is on the test classpath");
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return root;
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
    assertNotNull(n, "no reference value " + name);
    int[] shape = new int[n.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = n.get("shape").get(i).asInt();
    }
    JsonNode re = n.get("re");
    JsonNode im = n.get("im");
    if (im == null) {
      double[] v = new double[re.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = re.get(i).asDouble();
      }
      return Tensor.wrap(shape, v);
    }
    double[] z = new double[2 * re.size()];
    for (int i = 0; i < re.size(); i++) {
      z[2 * i] = re.get(i).asDouble();
      z[2 * i + 1] = im.get(i).asDouble();
    }
    return Tensor.wrapComplex(shape, z);
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
