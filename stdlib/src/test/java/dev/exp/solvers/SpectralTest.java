package dev.exp.solvers;

import static dev.exp.solvers.SolverReference.close;
import static dev.exp.solvers.SolverReference.expected;
import static dev.exp.solvers.SolverReference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.sparse.Stencils;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Power iteration, Lanczos, Arnoldi and condition estimates against closed forms and NumPy. */
class SpectralTest {
  static final KernelContext CTX = KernelContext.NONE;

  @Test
  void lanczosFindsTheLaplacianEigenvalues() {
    int n = 100;
    Map<String, Object> hi = Lanczos.lanczos(Stencils.poisson1d(n, false), 3, "largest", 1e-10, null, null, new Rng(1),
        null, true, CTX);
    Map<String, Object> lo = Lanczos.lanczos(Stencils.poisson1d(n, false), 3, "smallest", 1e-10, null, null, new Rng(1),
        null, false, CTX);
    assertEquals(true, hi.get("converged"));
    assertEquals(true, lo.get("converged"));
    Tensor h = (Tensor) hi.get("values");
    Tensor l = (Tensor) lo.get("values");
    for (int j = 0; j < 3; j++) {
      assertEquals(2 - 2 * Math.cos((n - 2 + j) * Math.PI / (n + 1)), h.at(j), 1e-9);
      assertEquals(2 - 2 * Math.cos((j + 1) * Math.PI / (n + 1)), l.at(j), 1e-9);
    }
    // Ritz vectors: A v = λ v
    Tensor v = (Tensor) hi.get("vectors");
    Tensor av = Stencils.poisson1d(n, false).apply(v);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(h.at(j) * v.get(i, j), av.get(i, j), 1e-6);
      }
    }
  }

  @Test
  void lanczosMatchesNumpyBothEndsAndFullyOnAFunction() {
    Tensor a = input("spd40");
    Tensor ev = expected("spd40_eig");
    Map<String, Object> r = Lanczos.lanczos(LinearOperator.of(a), 4, "both", 1e-10, null, null, new Rng(2), null, false,
        CTX);
    Tensor v = (Tensor) r.get("values");
    assertEquals(ev.at(0), v.at(0), 1e-8 * 1000);
    assertEquals(ev.at(1), v.at(1), 1e-8 * 1000);
    assertEquals(ev.at(38), v.at(2), 1e-8 * 1000);
    assertEquals(ev.at(39), v.at(3), 1e-8 * 1000);
    Map<String, Object> all = Lanczos.lanczos(LinearOperator.of(args -> LinearOperator.of(a).apply((Tensor) args[0])), 40,
        "smallest", 1e-10, null, null, new Rng(3), 40, false, CTX);
    close(ev, (Tensor) all.get("values"), 1e-10, "all 40 eigenvalues");
  }

  @Test
  void arnoldiFindsNonsymmetricEigenvalues() {
    Tensor a = input("ns40");
    Map<String, Object> r = Arnoldi.arnoldi(LinearOperator.of(a), 4, 40, "magnitude", 1e-8, null, new Rng(4), null, CTX);
    assertEquals(true, r.get("converged"));
    Tensor got = (Tensor) r.get("values");
    Tensor want = expected("ns40_eig_by_magnitude");
    assertTrue(got.isComplex());
    // compare as a set (conjugate pairs have equal magnitude)
    for (int i = 0; i < 4; i++) {
      double best = Double.MAX_VALUE;
      for (int j = 0; j < 4; j++) {
        best = Math.min(best, Math.hypot(got.getRe(i) - want.getRe(j), got.getIm(i) - want.getIm(j)));
      }
      assertTrue(best < 1e-9, "Ritz value " + i + " off by " + best);
    }
    // the 1-D convection-diffusion matrix (central) has real eigenvalues 2 + 2 sqrt(1 - c^2) cos(kπ/(n+1))
    int n = 30;
    double c = 10.0 / (n + 1) / 2;
    Map<String, Object> cd = Arnoldi.arnoldi(Stencils.convectionDiffusion(n, 10, 1, "central", false), 2, 30,
        "largest_real", 1e-8, null, new Rng(5), null, CTX);
    Tensor cv = (Tensor) cd.get("values");
    double g = Math.sqrt(1 - c * c);
    assertEquals(2 + 2 * g * Math.cos(Math.PI / (n + 1)), cv.getRe(0), 1e-9);
    assertEquals(2 + 2 * g * Math.cos(2 * Math.PI / (n + 1)), cv.getRe(1), 1e-9);
    Map<String, Object> small = Arnoldi.arnoldi(LinearOperator.of(a), 4, 8, "magnitude", 1e-12, null, new Rng(4), null,
        CTX);
    assertFalse((Boolean) small.get("converged"));
  }

  @Test
  void powerIterationFindsTheDominantEigenpair() {
    Map<String, Object> r = PowerIteration.powerIteration(LinearOperator.of(input("spd40")), null, 1e-9, 5000, new Rng(6),
        null, CTX);
    assertEquals(true, r.get("converged"));
    assertEquals(1000, (Double) r.get("value"), 1e-8);
    Map<String, Object> cut = PowerIteration.powerIteration(LinearOperator.of(input("spd40")), null, 1e-9, 5, new Rng(6),
        null, CTX);
    assertFalse((Boolean) cut.get("converged"));
    assertEquals("max_iter reached", cut.get("reason"));
  }

  @Test
  void conditionEstimates() {
    double spd = (Double) ConditionEstimate.condEstimate(LinearOperator.of(input("spd40")), "hager", null, null, CTX)
        .get("value");
    double exact = expected("spd40_cond1").at(0);
    assertTrue(spd <= exact * (1 + 1e-10) && spd >= exact / 3, spd + " vs " + exact);
    double ns = (Double) ConditionEstimate.condEstimate(LinearOperator.of(input("ns40")), "hager", null, null, CTX)
        .get("value");
    double exactNs = expected("ns40_cond1").at(0);
    assertTrue(ns <= exactNs * (1 + 1e-10) && ns >= exactNs / 3, ns + " vs " + exactNs);
    double k2 = (Double) ConditionEstimate.condEstimate(LinearOperator.of(input("spd40")), "lanczos", new Rng(1), null,
        CTX).get("value");
    assertEquals(1000, k2, 1e-5);
    int n = 10;
    double h = 1.0 / (n + 1);
    double cot = 1 / Math.tan(Math.PI * h / 2);
    double kp = (Double) ConditionEstimate.condEstimate(Stencils.poisson2d(n, false), "lanczos", new Rng(1), null, CTX)
        .get("value");
    assertEquals(cot * cot, kp, 1e-6 * cot * cot);
    KernelException e = assertThrows(KernelException.class, () -> ConditionEstimate.condEstimate(
        LinearOperator.of(input("ind40")), "lanczos", new Rng(1), null, CTX));
    assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
  }
}
