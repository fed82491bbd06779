package dev.exp.solvers;

import static dev.exp.solvers.SolverReference.close;
import static dev.exp.solvers.SolverReference.expected;
import static dev.exp.solvers.SolverReference.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.linalg.LinearOperator;
import dev.exp.sparse.SparseMatrix;
import dev.exp.sparse.Stencils;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GMRES, MINRES and BiCGSTAB against NumPy/SciPy solutions and their defining properties. */
class KrylovTest {
  static final KernelContext CTX = KernelContext.NONE;

  static int its(Map<String, Object> r) {
    return ((Double) r.get("iterations")).intValue();
  }

  static void nonincreasing(Tensor res, String what) {
    for (int i = 1; i < res.size(); i++) {
      assertTrue(res.at(i) <= res.at(i - 1) * (1 + 1e-10), what + ": residual " + i + " rose from " + res.at(i - 1)
          + " to " + res.at(i));
    }
  }

  static double trueResidual(LinearOperator a, Tensor b, Tensor x) {
    double[] ax = a.apply(x).raw();
    double num = 0;
    double den = 0;
    for (int i = 0; i < ax.length; i++) {
      num += (b.at(i) - ax[i]) * (b.at(i) - ax[i]);
      den += b.at(i) * b.at(i);
    }
    return Math.sqrt(num / den);
  }

  @Test
  void aToleranceBelowRoundingIsReportedAsStagnationWithTheTrueResidual() {
    // 2-D Poisson 100²: cond ≈ 6·10³, so rounding leaves ‖b − A x‖/‖b‖ near 1e-12; the recursively updated
    // residual of CG/BiCGSTAB falls far below that (a tester saw 8.9e-31 reported as converged at tol 1e-30)
    LinearOperator a = dev.exp.sparse.Stencils.poisson2d(100, false);
    Tensor b = Tensor.full(new int[] {10000}, 1);
    java.util.List<Map<String, Object>> runs = java.util.List.of(
        ConjugateGradient.cg(a, b, null, 1e-30, 100000, CTX),
        ConjugateGradient.pcg(a, b, "jacobi", 1.0, null, null, 1e-30, 100000, CTX),
        Bicgstab.bicgstab(a, b, null, 1e-30, 100000, CTX),
        Minres.minres(a, b, null, 1e-30, 100000, CTX));
    for (Map<String, Object> r : runs) {
      assertEquals(false, r.get("converged"), r.get("reason").toString());
      assertTrue(r.get("reason").toString().startsWith("stagnated: the true residual"), r.get("reason").toString());
      Tensor res = (Tensor) r.get("residuals");
      double truth = trueResidual(a, b, (Tensor) r.get("x"));
      assertTrue(truth < 1e-9, "the solution is still as good as double precision allows: " + truth);
      assertEquals(truth, res.at(res.size() - 1), 1e-3 * truth, "the last entry is the true residual");
    }
    // a reachable tolerance: converged, and the last entry is the true residual, which meets it
    for (Map<String, Object> r : java.util.List.of(ConjugateGradient.cg(a, b, null, 1e-10, null, CTX),
        Bicgstab.bicgstab(a, b, null, 1e-10, null, CTX))) {
      assertEquals(true, r.get("converged"));
      Tensor res = (Tensor) r.get("residuals");
      double truth = trueResidual(a, b, (Tensor) r.get("x"));
      assertTrue(truth <= 1e-10, "true residual " + truth);
      assertEquals(truth, res.at(res.size() - 1), 1e-6 * truth);
    }
  }

  @Test
  void gmresMatchesNumpyAndItsResidualsNeverIncrease() {
    LinearOperator a = LinearOperator.of(input("ns40"));
    Tensor b = input("b40");
    Map<String, Object> r = Gmres.gmres(a, b, 10, null, 1e-12, null, CTX);
    assertEquals(true, r.get("converged"));
    close(expected("ns40_x"), (Tensor) r.get("x"), 1e-10, "gmres(10) vs solve");
    close(expected("ns40_scipy_gmres_x"), (Tensor) r.get("x"), 1e-9, "gmres(10) vs scipy");
    nonincreasing((Tensor) r.get("residuals"), "gmres(10)");
    assertEquals(its(r) + 1, ((Tensor) r.get("residuals")).size());
    Map<String, Object> full = Gmres.gmres(a, b, 40, null, 1e-10, null, CTX);
    assertEquals(true, full.get("converged"));
    assertTrue(its(full) <= 40, "GMRES(n) in <= n steps: " + its(full));
    nonincreasing((Tensor) full.get("residuals"), "gmres(n)");
  }

  @Test
  void gmresOnConvectionDiffusionIsMonotoneAndMatrixFreeEqualsMatrix() {
    SparseMatrix a = Stencils.convectionDiffusion(16, 60, 2, "central", false);
    Tensor b = Tensor.full(new int[] {256}, 1);
    Map<String, Object> m = Gmres.gmres(a, b, 15, null, 1e-10, null, CTX);
    Map<String, Object> f = Gmres.gmres(LinearOperator.of(args -> a.apply((Tensor) args[0])), b, 15, null, 1e-10, null,
        CTX);
    assertEquals(true, m.get("converged"));
    nonincreasing((Tensor) m.get("residuals"), "gmres(15) convection-diffusion");
    assertEquals(m.get("iterations"), f.get("iterations"));
    close((Tensor) m.get("x"), (Tensor) f.get("x"), 0, "matrix-free = matrix");
    assertTrue(trueResidual(a, b, (Tensor) m.get("x")) <= 1e-10);
    Map<String, Object> cut = Gmres.gmres(a, b, 15, null, 1e-10, 12, CTX);
    assertFalse((Boolean) cut.get("converged"));
    assertEquals("max_iter reached", cut.get("reason"));
    assertEquals(12, its(cut));
  }

  @Test
  void minresSolvesASymmetricIndefiniteSystem() {
    LinearOperator a = LinearOperator.of(input("ind40"));
    Tensor b = input("b40");
    Map<String, Object> r = Minres.minres(a, b, null, 1e-12, null, CTX);
    assertEquals(true, r.get("converged"), (String) r.get("reason"));
    close(expected("ind40_x"), (Tensor) r.get("x"), 1e-9, "minres vs solve");
    close(expected("ind40_scipy_minres_x"), (Tensor) r.get("x"), 1e-9, "minres vs scipy");
    nonincreasing((Tensor) r.get("residuals"), "minres");
    // CG is not meant for it: it breaks down or stalls
    Map<String, Object> cg = ConjugateGradient.cg(a, b, null, 1e-12, 200, CTX);
    assertFalse((Boolean) cg.get("converged"));
    // on an SPD system MINRES agrees with CG's answer
    Map<String, Object> spd = Minres.minres(LinearOperator.of(input("spd40")), b, null, 1e-12, null, CTX);
    close(expected("spd40_x"), (Tensor) spd.get("x"), 1e-8, "minres on spd");
  }

  @Test
  void bicgstabSolvesNonsymmetricConvectionDiffusion() {
    SparseMatrix a = Stencils.convectionDiffusion(50, 40, 1, "upwind", false);
    Tensor b = Tensor.full(new int[] {50}, 1);
    Map<String, Object> r = Bicgstab.bicgstab(a, b, null, 1e-12, null, CTX);
    assertEquals(true, r.get("converged"), (String) r.get("reason"));
    close(expected("cd50_x"), (Tensor) r.get("x"), 1e-9, "bicgstab vs spsolve");
    SparseMatrix a2 = Stencils.convectionDiffusion(24, 100, 2, "upwind", false);
    Tensor b2 = Tensor.full(new int[] {576}, 1);
    Map<String, Object> r2 = Bicgstab.bicgstab(a2, b2, null, 1e-10, null, CTX);
    assertEquals(true, r2.get("converged"), (String) r2.get("reason"));
    assertTrue(trueResidual(a2, b2, (Tensor) r2.get("x")) <= 1e-9);
    Map<String, Object> g = Gmres.gmres(a2, b2, 50, null, 1e-12, null, CTX);
    close((Tensor) g.get("x"), (Tensor) r2.get("x"), 1e-7, "bicgstab = gmres");
    Map<String, Object> ns = Bicgstab.bicgstab(LinearOperator.of(input("ns40")), input("b40"), null, 1e-12, null, CTX);
    close(expected("ns40_x"), (Tensor) ns.get("x"), 1e-9, "bicgstab ns40");
  }
}
