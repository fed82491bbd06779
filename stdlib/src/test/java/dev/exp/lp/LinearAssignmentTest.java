package dev.exp.lp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.kernel.KernelException;
import dev.exp.ot.OtReference;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** optim.linear_sum_assignment against SciPy, brute force over permutations and its dual certificate. */
class LinearAssignmentTest {
  static Map<String, Object> lsa(Tensor c, boolean max) {
    return LinearAssignment.linearSumAssignment(c, max);
  }

  @Test
  void matchesScipyOnItsDocumentedExampleAndRandomMatrices() {
    JsonNode all = OtReference.section("lsa");
    for (Iterator<String> it = all.fieldNames(); it.hasNext();) {
      String name = it.next();
      JsonNode e = all.get(name);
      Tensor c = OtReference.tensor(e.get("C"));
      boolean max = e.get("maximize").asBoolean();
      Map<String, Object> r = lsa(c, max);
      assertEquals(e.get("cost").asDouble(), (Double) r.get("cost"), 1e-9, name + " cost");
      assertArrayEquals(OtReference.flat(e.get("rows")), ((Tensor) r.get("rows")).raw(), name + " rows");
      certify(c, r, max, name);
      if (!name.equals("integers")) {
        // continuous random costs: the optimum is unique, so the pairs are SciPy's
        assertArrayEquals(OtReference.flat(e.get("cols")), ((Tensor) r.get("cols")).raw(), name + " cols");
      }
    }
    assertEquals(5.0, (Double) lsa(Tensor.matrix(new double[][] {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}}), false).get("cost"));
  }

  @Test
  void equalsBruteForceOverAllPermutationsUpToSeven() {
    Rng rng = new Rng(7);
    for (int trial = 0; trial < 60; trial++) {
      int n = 1 + rng.nextInt(7);
      int m = 1 + rng.nextInt(7);
      double[] c = new double[n * m];
      for (int q = 0; q < c.length; q++) {
        c[q] = trial % 3 == 0 ? rng.nextInt(4) : rng.nextDouble() * 10 - 3;
      }
      Tensor t = Tensor.wrap(new int[] {n, m}, c);
      for (boolean max : new boolean[] {false, true}) {
        Map<String, Object> r = lsa(t, max);
        double best = brute(c, n, m, max);
        assertEquals(best, (Double) r.get("cost"), 1e-9, "trial " + trial + " " + n + "x" + m + " max=" + max);
        assertEquals(Math.min(n, m), ((Tensor) r.get("rows")).size());
        certify(t, r, max, "trial " + trial);
      }
    }
  }

  @Test
  void forbiddenPairsAgreeWithBruteForce() {
    Rng rng = new Rng(13);
    int feasible = 0;
    for (int trial = 0; trial < 80; trial++) {
      int n = 2 + rng.nextInt(6);
      int m = trial % 2 == 0 ? n : 2 + rng.nextInt(6);
      double[] c = new double[n * m];
      for (int q = 0; q < c.length; q++) {
        c[q] = rng.nextDouble() < 0.3 ? Double.POSITIVE_INFINITY : rng.nextInt(5);
      }
      Tensor t = Tensor.wrap(new int[] {n, m}, c);
      double best = brute(c, n, m, false);
      if (best == Double.POSITIVE_INFINITY) {
        assertThrows(KernelException.class, () -> lsa(t, false), "trial " + trial);
      } else {
        feasible++;
        assertEquals(best, (Double) lsa(t, false).get("cost"), 1e-12, "trial " + trial);
      }
    }
    assertTrue(feasible > 20 && feasible < 80, "both outcomes are exercised: " + feasible);
  }

  @Test
  void forbiddenPairsAndErrorsAreReported() {
    double inf = Double.POSITIVE_INFINITY;
    Map<String, Object> r = lsa(Tensor.matrix(new double[][] {{inf, 1}, {2, inf}}), false);
    assertEquals(3.0, (Double) r.get("cost"));
    KernelException e = assertThrows(KernelException.class,
        () -> lsa(Tensor.matrix(new double[][] {{inf, 1}, {inf, 2}}), false));
    assertTrue(e.getMessage().contains("no complete matching"), e.getMessage());
    e = assertThrows(KernelException.class, () -> lsa(Tensor.vector(1, 2), false));
    assertTrue(e.getMessage().contains("[n, m]"), e.getMessage());
    e = assertThrows(KernelException.class, () -> lsa(Tensor.matrix(new double[][] {{Double.NaN}}), false));
    assertTrue(e.getMessage().contains("C[0, 0] is nan"), e.getMessage());
  }

  /** u_i + v_j <= C_ij (>= when maximizing), equality on matched pairs, Σu + Σv = cost. */
  static void certify(Tensor c, Map<String, Object> r, boolean max, String what) {
    int n = c.dim(0);
    int m = c.dim(1);
    double[] u = ((Tensor) r.get("u")).raw();
    double[] v = ((Tensor) r.get("v")).raw();
    double[] a = c.raw();
    double scale = 1;
    for (double x : a) {
      if (Double.isFinite(x)) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    double tol = 1e-9 * scale;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double red = (max ? -1 : 1) * (a[i * m + j] - u[i] - v[j]);
        assertTrue(red >= -tol, what + ": dual feasibility at " + i + "," + j + ": " + red);
      }
    }
    double[] rows = ((Tensor) r.get("rows")).raw();
    double[] cols = ((Tensor) r.get("cols")).raw();
    for (int k = 0; k < rows.length; k++) {
      int i = (int) rows[k];
      int j = (int) cols[k];
      assertEquals(a[i * m + j], u[i] + v[j], tol, what + ": complementary slackness");
    }
    double dual = 0;
    for (double x : u) {
      dual += x;
    }
    for (double x : v) {
      dual += x;
    }
    assertEquals((Double) r.get("cost"), dual, tol * Math.max(n, m), what + ": zero duality gap");
  }

  private static double brute(double[] c, int n, int m, boolean max) {
    // assign the shorter side injectively into the longer one
    boolean rowsShort = n <= m;
    int k = Math.min(n, m);
    int big = Math.max(n, m);
    double[] best = {max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY};
    int[] pick = new int[k];
    boolean[] used = new boolean[big];
    search(0, k, big, pick, used, c, m, rowsShort, max, best);
    return best[0];
  }

  private static void search(int d, int k, int big, int[] pick, boolean[] used, double[] c, int m, boolean rowsShort,
      boolean max, double[] best) {
    if (d == k) {
      double s = 0;
      for (int t = 0; t < k; t++) {
        s += rowsShort ? c[t * m + pick[t]] : c[pick[t] * m + t];
      }
      best[0] = max ? Math.max(best[0], s) : Math.min(best[0], s);
      return;
    }
    for (int x = 0; x < big; x++) {
      if (!used[x]) {
        used[x] = true;
        pick[d] = x;
        search(d + 1, k, big, pick, used, c, m, rowsShort, max, best);
        used[x] = false;
      }
    }
  }
}
