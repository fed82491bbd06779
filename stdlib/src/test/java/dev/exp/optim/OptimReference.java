package dev.exp.optim;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads reference/optim_reference.json (written by make_optim_reference.py with NumPy/SciPy). */
final class OptimReference {
  private OptimReference() {}

  private static final dev.exp.ReferenceFile FILE = new dev.exp.ReferenceFile("optim_reference.json");

  static JsonNode root() {
    return FILE.root();
  }

  static double[] input(String name) {
    return array(root().get("inputs").get(name), name);
  }

  static JsonNode expected(String name) {
    JsonNode n = root().get("expected").get(name);
    assertNotNull(n, "no reference value " + name);
    return n;
  }

  static double[] array(JsonNode n, String name) {
    assertNotNull(n, "no reference value " + name);
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.get(i).asDouble();
    }
    return v;
  }
}
