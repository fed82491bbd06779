package dev.exp.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.tensor.Tensor;

/** Reads {@code reference/learn_reference.json} (make_learn_reference.py, scikit-learn 1.2.1). */
public final class Ref {
  private Ref() {}

  private static final dev.exp.ReferenceFile FILE = new dev.exp.ReferenceFile("learn_reference.json");

  private static JsonNode root() {
    return FILE.root();
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
    return dev.exp.ReferenceFile.decode(n, name);
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
