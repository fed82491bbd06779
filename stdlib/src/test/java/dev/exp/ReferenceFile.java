package dev.exp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;

/**
 * One reference file of the tests ({@code src/test/resources/reference/*.json}, written by the
 * family's {@code make_*_reference.py} with NumPy/SciPy/scikit-learn), read once. Tensors are stored
 * as {@code {shape, re, im?}} (row-major; {@code im} only for complex values).
 */
public final class ReferenceFile {
  private final String resource;
  private JsonNode root;

  /** The file {@code /reference/<name>} on the test classpath. */
  public ReferenceFile(String name) {
    this.resource = "/reference/" + name;
  }

  /** The parsed file. */
  public synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in = ReferenceFile.class.getResourceAsStream(resource)) {
        assertNotNull(in, resource + " is on the test classpath");
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    return root;
  }

  /** The entry {@code name} of a section ("inputs", "expected", ...); fails when it is missing. */
  public JsonNode node(String section, String name) {
    JsonNode s = root().get(section);
    assertNotNull(s, resource + " has no section " + section);
    JsonNode n = s.get(name);
    assertNotNull(n, "no reference value " + section + "." + name + " in " + resource);
    return n;
  }

  /** The tensor {@code name} of a section. */
  public Tensor tensor(String section, String name) {
    return decode(node(section, name), name);
  }

  /** A {@code {shape, re, im?}} entry as a float64 or complex128 tensor. */
  public static Tensor decode(JsonNode n, String name) {
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
}
