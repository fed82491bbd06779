package dev.exp.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;

/** Reads {@code reference/learn_reference.json} (make_learn_reference.py, scikit-learn 1.2.1). */
public final class Ref {
  private Ref() {}

  private static JsonNode root;

  private static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = Ref.class.getResourceAsStream("/reference/learn_reference.json")) {
        assertNotNull(in, "reference/learn_reference.json is on the test classpath");
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return root;
  }

  /** An input tensor by name. */
  public static Tensor in(String name) {
    return decode(root().get("inputs").get(name), name);
  }

  /** An expected tensor by name. */
  public static Tensor out(String name) {
    return decode(root().get("expected").get(name), name);
  }

  private static Tensor decode(JsonNode n, String name) {
    assertNotNull(n, "no reference value " + name);
    int[] shape = new int[n.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = n.get("shape").get(i).asInt();
    }
    JsonNode re = n.get("re");
    double[] v = new double[re.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = re.get(i).asDouble();
    }
    return Tensor.wrap(shape, v);
  }

  /** Same values as the expected {@code name} (shapes may differ only when one of them is flat): |Δ| ≤ tol·max(1, |e|). */
  public static void close(String name, Object actual, double tol) {
    close(out(name), actual, tol, name);
  }

  /** Element-wise closeness of values (a tensor or a number) to e. */
  public static void close(Tensor e, Object actual, double tol, String what) {
    double[] av = actual instanceof Tensor t ? t.raw() : new double[] {((Number) actual).doubleValue()};
    double[] ev = e.raw();
    if (actual instanceof Tensor t && t.rank() > 1 && e.rank() > 1) {
      assertArrayEquals(e.shape(), t.shape(), what + ": shape");
    }
    if (ev.length != av.length) {
      fail(what + ": expected " + ev.length + " values, got " + av.length);
    }
    double scale = 1;
    for (double v : ev) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < ev.length; i++) {
      if (!(Math.abs(ev[i] - av[i]) <= tol * scale)) {
        fail(what + ": at " + i + " expected " + ev[i] + ", got " + av[i]);
      }
    }
  }
}
