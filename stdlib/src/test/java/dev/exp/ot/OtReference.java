package dev.exp.ot;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.tensor.Tensor;

/** Reads {@code reference/ot_reference.json} (written by make_ot_reference.py with SciPy / NumPy). */
public final class OtReference {
  private OtReference() {}

  private static final dev.exp.ReferenceFile FILE = new dev.exp.ReferenceFile("ot_reference.json");

  /** The section ("lp", "lsa", "emd", "sinkhorn") of the reference file. */
  public static JsonNode section(String name) {
    return FILE.root().get(name);
  }

  /** A JSON number array (nested lists flattened row-major); null for JSON null. */
  public static double[] flat(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    java.util.List<Double> v = new java.util.ArrayList<>();
    collect(n, v);
    double[] d = new double[v.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = v.get(i);
    }
    return d;
  }

  private static void collect(JsonNode n, java.util.List<Double> v) {
    if (n.isArray()) {
      for (JsonNode e : n) {
        collect(e, v);
      }
    } else {
      v.add(n.isNull() ? Double.NaN : n.asDouble());
    }
  }

  /** A JSON matrix (list of rows) as a tensor; a 1-D list as a vector; null for JSON null. */
  public static Tensor tensor(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    double[] d = flat(n);
    if (n.size() > 0 && n.get(0).isArray()) {
      return Tensor.wrap(new int[] {n.size(), n.get(0).size()}, d);
    }
    return Tensor.wrap(new int[] {d.length}, d);
  }
}
