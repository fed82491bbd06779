package dev.exp.lp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.kernel.KernelException;
import dev.exp.ot.OtReference;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** optim.linprog against scipy.optimize.linprog (HiGHS): documented examples, random LPs, status cases. */
class LinProgTest {
  @Test
  @SuppressWarnings("unchecked")
  void matchesScipyLinprogWithItsMarginals() {
    JsonNode all = OtReference.section("lp");
    for (Iterator<String> it = all.fieldNames(); it.hasNext();) {
      String name = it.next();
      JsonNode e = all.get(name);
      List<Object> bounds = new ArrayList<>();
      for (JsonNode p : e.get("bounds")) {
        bounds.add(Arrays.asList(p.get(0).isNull() ? null : p.get(0).asDouble(),
            p.get(1).isNull() ? null : p.get(1).asDouble()));
      }
      Map<String, Object> r = LinProg.linprog(OtReference.tensor(e.get("c")), matrix(e.get("A_ub")),
          OtReference.tensor(e.get("b_ub")), matrix(e.get("A_eq")), OtReference.tensor(e.get("b_eq")), bounds, 100000);
      assertEquals(e.get("status").asText(), r.get("status"), name);
      if (!"optimal".equals(r.get("status"))) {
        assertNull(r.get("x"), name);
        assertTrue(((String) r.get("message")).contains(e.get("status").asText().split(" ")[0]), name);
        continue;
      }
      assertEquals(e.get("fun").asDouble(), (Double) r.get("fun"), 1e-9, name);
      close(e.get("x"), r.get("x"), 1e-9, name + " x");
      close(e.get("slack"), r.get("slack"), 1e-9, name + " slack");
      close(e.get("con"), r.get("con"), 1e-9, name + " con");
      Map<String, Object> d = (Map<String, Object>) r.get("duals");
      for (String k : new String[] {"ineqlin", "eqlin", "lower", "upper"}) {
        close(e.get(k), d.get(k), 1e-9, name + " duals." + k);
      }
    }
  }

  @Test
  void documentedExampleWithOneBoundPairAndErrors() {
    Map<String, Object> r = LinProg.linprog(Tensor.vector(-1, 4), Tensor.matrix(new double[][] {{-3, 1}, {1, 2}}),
        Tensor.vector(6, 4), null, null, Arrays.asList(Arrays.asList(null, null), Arrays.asList(-3.0, null)), 1000);
    assertEquals(-22.0, (Double) r.get("fun"), 1e-12);
    // one pair for all variables; a tensor of pairs with infinities
    Map<String, Object> s = LinProg.linprog(Tensor.vector(1, 1), null, null, Tensor.matrix(new double[][] {{1, 2}}),
        Tensor.vector(3), Arrays.asList(0.5, 2.0), 1000);
    // 0.5 <= x <= 2, x0 + 2·x1 = 3: the minimum of x0 + x1 is at x = (0.5, 1.25)
    assertEquals(1.75, (Double) s.get("fun"), 1e-12);
    assertEquals(0.5, ((Tensor) s.get("x")).at(0), 1e-12);
    Map<String, Object> t = LinProg.linprog(Tensor.vector(1), null, null, null, null,
        Tensor.matrix(new double[][] {{Double.NEGATIVE_INFINITY, 4}}), 1000);
    assertEquals("unbounded", t.get("status"));
    KernelException e = assertThrows(KernelException.class, () -> LinProg.linprog(Tensor.vector(1, 2),
        Tensor.matrix(new double[][] {{1, 2, 3}}), Tensor.vector(1), null, null, null, 100));
    assertTrue(e.getMessage().contains("A_ub must be a matrix [rows, 2]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> LinProg.linprog(Tensor.vector(1, 2), null, null, null, null,
        Arrays.asList(3.0, 1.0), 100));
    assertTrue(e.getMessage().contains("lo <= hi"), e.getMessage());
  }

  private static Tensor matrix(JsonNode n) {
    return OtReference.tensor(n);
  }

  private static void close(JsonNode expect, Object actual, double tol, String what) {
    double[] e = OtReference.flat(expect);
    double[] a = ((Tensor) actual).raw();
    assertEquals(e.length, a.length, what + " length");
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], tol * Math.max(1, Math.abs(e[i])), what + "[" + i + "]");
    }
  }
}
