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

  /** The eigenvalues of poisson2d(m), 4 − 2cos(iπ/(m+1)) − 2cos(jπ/(m+1)) for i, j = 1..m, with multiplicity, ascending. */
  static double[] poisson2dSpectrum(int m) {
    double[] ev = new double[m * m];
    for (int i = 1; i <= m; i++) {
      for (int j = 1; j <= m; j++) {
        ev[(i - 1) * m + j - 1] = 4 - 2 * Math.cos(i * Math.PI / (m + 1)) - 2 * Math.cos(j * Math.PI / (m + 1));
      }
    }
    java.util.Arrays.sort(ev);
    return ev;
  }

  @Test
  void lanczosFindsRepeatedEigenvaluesWithTheirMultiplicity() {
    // the 2-D Poisson matrix has double eigenvalues (λ_ij = λ_ji); one Krylov space sees each eigenspace
    // once, so before the deflated restarts this gave [7.8223, 7.8888, 7.9553] with converged: true, where
    // the spectrum (closed form; NumPy's eigvalsh and SciPy's eigsh agree) has 7.8888 twice
    int m = 20;
    double[] ev = poisson2dSpectrum(m);
    int n = m * m;
    var a = Stencils.poisson2d(m, false);
    for (String which : new String[] {"largest", "smallest", "both", "magnitude"}) {
      for (int k : new int[] {1, 3, 6}) {
        Map<String, Object> r = Lanczos.lanczos(a, k, which, 1e-10, null, null, new Rng(5), null, true, CTX);
        assertEquals(true, r.get("converged"), which + " k = " + k + ": " + r.get("reason"));
        double[] want = new double[k];
        int hi = which.equals("both") ? (k + 1) / 2 : which.equals("smallest") ? 0 : k;
        for (int c = 0; c < k - hi; c++) {
          want[c] = ev[c];
        }
        for (int c = 0; c < hi; c++) {
          want[k - hi + c] = ev[n - hi + c];
        }
        // "magnitude": every eigenvalue is positive, so it is "largest"
        Tensor got = (Tensor) r.get("values");
        for (int c = 0; c < k; c++) {
          assertEquals(want[c], got.at(c), 1e-8, which + " k = " + k + ", value " + c);
        }
        // Ritz vectors: A v = λ v, and orthonormal even within a repeated eigenvalue
        Tensor v = (Tensor) r.get("vectors");
        Tensor av = a.apply(v);
        for (int c = 0; c < k; c++) {
          for (int i = 0; i < n; i++) {
            assertEquals(got.at(c) * v.get(i, c), av.get(i, c), 1e-6);
          }
          for (int d = 0; d <= c; d++) {
            double dot = 0;
            for (int i = 0; i < n; i++) {
              dot += v.get(i, c) * v.get(i, d);
            }
            assertEquals(c == d ? 1 : 0, dot, 1e-8, "vᵀv " + c + ", " + d);
          }
        }
      }
    }
    // the reported case
    Map<String, Object> r = Lanczos.lanczos(a, 3, "largest", 1e-8, null, null, new Rng(1), null, false, CTX);
    Tensor got = (Tensor) r.get("values");
    assertEquals(ev[n - 2], ev[n - 3], 1e-12); // 7.8888 twice
    for (int c = 0; c < 3; c++) {
      assertEquals(ev[n - 3 + c], got.at(c), 1e-7);
    }
  }

  @Test
  void lanczosFromAStartVectorInASmallInvariantSubspaceStillFindsTheOthers() {
    // x0 = e_0 on diag(1..8) spans a 1-dimensional invariant subspace; the restarts find the rest
    double[] d = {1, 2, 3, 4, 5, 6, 7, 8};
    Tensor a = dev.exp.tensor.Creation.diag(Tensor.vector(d), 0);
    Tensor x0 = Tensor.vector(1, 0, 0, 0, 0, 0, 0, 0);
    Map<String, Object> r = Lanczos.lanczos(LinearOperator.of(a), 3, "largest", 1e-10, null, x0, new Rng(2), null, false,
        CTX);
    assertEquals(true, r.get("converged"), (String) r.get("reason"));
    close(Tensor.vector(6, 7, 8), (Tensor) r.get("values"), 1e-9, "largest 3");
  }
}
