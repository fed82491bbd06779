package dev.exp.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ot.emd and ot.sinkhorn against HiGHS / a NumPy Sinkhorn, closed forms and limits. */
class OptimalTransportTest {
  static Map<String, Object> sink(Tensor a, Tensor b, Tensor c, double eps, boolean log, int iters, double tol) {
    return Sinkhorn.sinkhorn(a, b, c, eps, log, iters, tol);
  }

  @Test
  void emdMatchesTheTransportationLpSolvedByHighs() {
    JsonNode all = OtReference.section("emd");
    for (Iterator<String> it = all.fieldNames(); it.hasNext();) {
      String name = it.next();
      JsonNode e = all.get(name);
      Tensor a = OtReference.tensor(e.get("a"));
      Tensor b = OtReference.tensor(e.get("b"));
      Tensor c = OtReference.tensor(e.get("C"));
      Map<String, Object> r = Emd.emd(a, b, c);
      assertEquals("simplex", r.get("method"));
      assertEquals(e.get("cost").asDouble(), (Double) r.get("cost"), 1e-10, name);
      checkMarginals((Tensor) r.get("plan"), a.raw(), b.raw(), 1e-10, name);
    }
    Map<String, Object> r = Emd.emd(Tensor.vector(0.5, 0.5), Tensor.vector(0.25, 0.75),
        Tensor.matrix(new double[][] {{0, 1}, {1, 0}}));
    assertEquals(0.25, (Double) r.get("cost"), 1e-15);
  }

  @Test
  void oneDimensionalUniformTransportIsTheSortedMatching() {
    // W_2² between two uniform empirical measures on the line = mean of (x_(i) − y_(i))² (sorted order)
    Rng rng = new Rng(11);
    int n = 40;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextGaussian();
      y[i] = 2 + 0.5 * rng.nextGaussian();
    }
    double[] c = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c[i * n + j] = (x[i] - y[j]) * (x[i] - y[j]);
      }
    }
    double[] xs = x.clone();
    double[] ys = y.clone();
    Arrays.sort(xs);
    Arrays.sort(ys);
    double w2 = 0;
    for (int i = 0; i < n; i++) {
      w2 += (xs[i] - ys[i]) * (xs[i] - ys[i]) / n;
    }
    Tensor ct = Tensor.wrap(new int[] {n, n}, c);
    Map<String, Object> r = Emd.emd(null, null, ct);
    assertEquals("assignment", r.get("method"));
    assertEquals(w2, (Double) r.get("cost"), 1e-12);
    // Sinkhorn's cost tends to it as ε → 0, monotonically here, and is within 0.2% at ε = 0.01 (mean cost ≈ 6)
    double prev = Double.POSITIVE_INFINITY;
    for (double eps : new double[] {1, 0.1, 0.03, 0.01}) {
      Map<String, Object> s = sink(null, null, ct, eps, true, 50000, 1e-5);
      assertTrue((Boolean) s.get("converged"), "eps " + eps + " " + s.get("reason"));
      double cost = (Double) s.get("cost");
      assertTrue(cost >= w2 - 1e-9 && cost < prev, "eps " + eps + ": " + cost + " vs exact " + w2);
      prev = cost;
    }
    assertEquals(w2, prev, 0.002 * w2);
  }

  @Test
  void sinkhornMatchesAnIndependentNumpyLoopAndItsMarginals() {
    JsonNode all = OtReference.section("sinkhorn");
    for (Iterator<String> it = all.fieldNames(); it.hasNext();) {
      String name = it.next();
      JsonNode e = all.get(name);
      Tensor a = OtReference.tensor(e.get("a"));
      Tensor b = OtReference.tensor(e.get("b"));
      Tensor c = OtReference.tensor(e.get("C"));
      double eps = e.get("epsilon").asDouble();
      for (boolean log : new boolean[] {true, false}) {
        Map<String, Object> r = sink(a, b, c, eps, log, 100000, 1e-12);
        assertTrue((Boolean) r.get("converged"), name + " " + r.get("reason"));
        double[] p = ((Tensor) r.get("plan")).raw();
        double[] ep = OtReference.flat(e.get("plan"));
        for (int q = 0; q < p.length; q++) {
          assertEquals(ep[q], p[q], 1e-10, name + " plan " + q);
        }
        assertEquals(e.get("cost").asDouble(), (Double) r.get("cost"), 1e-10, name);
        checkMarginals((Tensor) r.get("plan"), a.raw(), b.raw(), 1e-11, name);
        assertTrue((Double) r.get("marginal_error") <= 1e-12);
      }
    }
  }

  @Test
  void logDomainIsStableAtSmallEpsilonWhereScalingsBreakDown() {
    Rng rng = new Rng(3);
    int n = 30;
    int m = 25;
    double[] c = new double[n * m];
    for (int q = 0; q < c.length; q++) {
      c[q] = 5 * rng.nextDouble();
    }
    Tensor ct = Tensor.wrap(new int[] {n, m}, c);
    Map<String, Object> r = sink(null, null, ct, 1e-3, true, 100000, 1e-8);
    assertTrue((Boolean) r.get("converged"), (String) r.get("reason"));
    double[] a = new double[n];
    double[] b = new double[m];
    Arrays.fill(a, 1.0 / n);
    Arrays.fill(b, 1.0 / m);
    checkMarginals((Tensor) r.get("plan"), a, b, 1e-8, "eps 1e-3");
    Map<String, Object> s = sink(null, null, ct, 1e-3, false, 1000, 1e-8);
    assertFalse((Boolean) s.get("converged"));
    assertTrue(((String) s.get("reason")).startsWith("breakdown"), (String) s.get("reason"));
    // unconverged runs say so
    Map<String, Object> t = sink(null, null, ct, 1e-3, true, 3, 1e-12);
    assertFalse((Boolean) t.get("converged"));
    assertEquals("max_iter reached", t.get("reason"));
    assertEquals(3.0, (Double) t.get("iterations"));
  }

  @Test
  void badInputsNameTheProblem() {
    Tensor c = Tensor.matrix(new double[][] {{0, 1}, {1, 0}});
    KernelException e = assertThrows(KernelException.class,
        () -> sink(Tensor.vector(0.5, 0.5), Tensor.vector(0.5, 0.6), c, 0.1, true, 10, 1e-9));
    assertTrue(e.getMessage().contains("equal positive totals"), e.getMessage());
    e = assertThrows(KernelException.class, () -> sink(Tensor.vector(1, 0, 0), null, c, 0.1, true, 10, 1e-9));
    assertTrue(e.getMessage().contains("a must be a vector of 2 weights"), e.getMessage());
    e = assertThrows(KernelException.class, () -> sink(null, null, c, 0, true, 10, 1e-9));
    assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
  }

  static void checkMarginals(Tensor plan, double[] a, double[] b, double tol, String what) {
    int n = plan.dim(0);
    int m = plan.dim(1);
    double[] p = plan.raw();
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < m; j++) {
        assertTrue(p[i * m + j] >= 0);
        s += p[i * m + j];
      }
      assertEquals(a[i], s, tol, what + " row " + i);
    }
    for (int j = 0; j < m; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += p[i * m + j];
      }
      assertEquals(b[j], s, tol, what + " column " + j);
    }
  }
}
