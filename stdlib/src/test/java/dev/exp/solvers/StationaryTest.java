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
import dev.exp.sparse.SparseMatrix;
import dev.exp.sparse.Stencils;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jacobi / Gauss–Seidel / SOR / SSOR: model-problem closed forms and NumPy iteration matrices. */
class StationaryTest {
  static final KernelContext CTX = KernelContext.NONE;

  static int its(Map<String, Object> r) {
    return ((Double) r.get("iterations")).intValue();
  }

  static double rho(LinearOperator g, String method) {
    return (Double) PowerIteration.spectralRadius(g, method, 1e-9, 20000, new Rng(1), null, CTX).get("value");
  }

  @Test
  void modelProblemSpectralRadiiAreTheClosedForms() {
    int n = 16;
    double h = 1.0 / (n + 1);
    SparseMatrix a = Stencils.poisson2d(n, false);
    double muJ = Math.cos(Math.PI * h);
    assertEquals(muJ, rho(IterationMatrix.iterationMatrix(a, "jacobi", 1), "power"), 1e-7);
    assertEquals(muJ, rho(IterationMatrix.iterationMatrix(a, "jacobi", 1), "eig"), 1e-12);
    assertEquals(muJ * muJ, rho(IterationMatrix.iterationMatrix(a, "gauss_seidel", 1), "eig"), 1e-12);
    assertEquals(muJ * muJ, rho(IterationMatrix.iterationMatrix(a, "gauss_seidel", 1), "power"), 1e-6);
    double best = 2 / (1 + Math.sin(Math.PI * h));
    // at ω* the SOR iteration matrix has a 2x2 Jordan block at ω* − 1: eigenvalues are accurate to ~sqrt(eps)
    assertEquals(best - 1, rho(IterationMatrix.iterationMatrix(a, "sor", best), "eig"), 1e-6);
    // above ω* all eigenvalues have modulus ω − 1; the windowed power estimate still finds it
    assertEquals(0.85, rho(IterationMatrix.iterationMatrix(a, "sor", 1.85), "eig"), 1e-8);
    assertEquals(0.85, rho(IterationMatrix.iterationMatrix(a, "sor", 1.85), "power"), 5e-3);
  }

  @Test
  void bestOmegaOfASweepIsTheTheoreticalOne() {
    int n = 16;
    double h = 1.0 / (n + 1);
    SparseMatrix a = Stencils.poisson2d(n, false);
    Tensor b = Tensor.full(new int[] {n * n}, h * h);
    int bestIts = Integer.MAX_VALUE;
    double bestOmega = 0;
    for (int k = 0; k < 100; k++) {
      double w = 1 + k / 100.0;
      int it = its(Stationary.sor(a, b, w, null, 1e-6, null, "natural", CTX));
      if (it < bestIts) {
        bestIts = it;
        bestOmega = w;
      }
    }
    double star = 2 / (1 + Math.sin(Math.PI * h));
    assertEquals(star, bestOmega, 0.05);
    int gs = its(Stationary.gaussSeidel(a, b, null, 1e-6, null, "natural", CTX));
    int jac = its(Stationary.jacobi(a, b, 1, null, 1e-6, null, CTX));
    double ratio = (double) jac / gs;
    assertTrue(ratio > 1.8 && ratio < 2.2, "Jacobi/GS = " + ratio);
    assertTrue(bestIts * 5 <= gs, bestIts + " vs " + gs);
    // red-black ordering is consistently ordered: the same rate as the natural order
    int rb = its(Stationary.gaussSeidel(a, b, null, 1e-6, null, "red_black", CTX));
    assertEquals(gs, rb, 0.1 * gs);
  }

  @Test
  void iterationMatricesEqualNumpysDenseOnes() {
    Tensor a = input("it12");
    LinearOperator op = LinearOperator.of(a);
    assertEquals(expected("it12_rho_jacobi").at(0), rho(IterationMatrix.iterationMatrix(op, "jacobi", 1), "eig"), 1e-12);
    assertEquals(expected("it12_rho_gs").at(0), rho(IterationMatrix.iterationMatrix(op, "gauss_seidel", 1), "eig"), 1e-12);
    assertEquals(expected("it12_rho_sor13").at(0), rho(IterationMatrix.iterationMatrix(op, "sor", 1.3), "eig"), 1e-12);
    assertEquals(expected("it12_rho_ssor13").at(0), rho(IterationMatrix.iterationMatrix(op, "ssor", 1.3), "eig"), 1e-12);
    close(expected("it12_sor13_apply"), IterationMatrix.iterationMatrix(op, "sor", 1.3).apply(input("it12_v")), 1e-13,
        "G v");
  }

  @Test
  void ssorPreconditionerIsOneSsorSweepFromZero() {
    Tensor a = input("it12");
    Tensor r = input("it12_v");
    for (double w : new double[] {1.0, 1.3}) {
      Map<String, Object> one = Stationary.ssor(LinearOperator.of(a), r, w, null, 0, 1, "natural", CTX);
      double[] z = new double[12];
      new Preconditioner.Ssor(dev.exp.sparse.Csr.fromDense(a), w, "test").apply(r.raw(), z);
      close((Tensor) one.get("x"), Tensor.wrap(new int[] {12}, z), 1e-13, "M⁻¹r = one sweep, omega " + w);
    }
  }

  @Test
  void everyMethodSolvesADiagonallyDominantSystem() {
    Tensor a = input("it12");
    LinearOperator op = LinearOperator.of(a);
    Tensor b = Tensor.wrap(new int[] {12}, java.util.Arrays.copyOf(input("b40").raw(), 12));
    Tensor x = expected("it12_x");
    for (Map<String, Object> r : java.util.List.of(
        Stationary.jacobi(op, b, 1, null, 1e-12, null, CTX),
        Stationary.jacobi(op, b, 0.8, null, 1e-12, null, CTX),
        Stationary.gaussSeidel(op, b, null, 1e-12, null, "natural", CTX),
        Stationary.sor(op, b, 1.1, null, 1e-12, null, "natural", CTX),
        Stationary.ssor(op, b, 1.2, null, 1e-12, null, "natural", CTX))) {
      assertEquals(true, r.get("converged"));
      close(x, (Tensor) r.get("x"), 1e-10, "solution");
      Tensor res = (Tensor) r.get("residuals");
      assertEquals(its(r) + 1, res.size());
      assertTrue(res.at(res.size() - 1) <= 1e-12);
    }
  }

  @Test
  void limitsAndBadInputsAreReported() {
    SparseMatrix a = Stencils.poisson2d(8, false);
    Tensor b = Tensor.full(new int[] {64}, 1);
    Map<String, Object> r = Stationary.jacobi(a, b, 1, null, 1e-10, 7, CTX);
    assertFalse((Boolean) r.get("converged"));
    assertEquals("max_iter reached", r.get("reason"));
    assertEquals(7, its(r));
    KernelException e = assertThrows(KernelException.class,
        () -> Stationary.sor(a, b, 2.5, null, 1e-6, null, "natural", CTX));
    assertTrue(e.getMessage().contains("omega"), e.getMessage());
    KernelException z = assertThrows(KernelException.class, () -> Stationary.jacobi(
        LinearOperator.of(Tensor.matrix(new double[][] {{0, 1}, {1, 0}})), Tensor.vector(1, 1), 1, null, 1e-6, null, CTX));
    assertTrue(z.getMessage().contains("a[0, 0] = 0"), z.getMessage());
    KernelException f = assertThrows(KernelException.class, () -> Stationary.gaussSeidel(
        LinearOperator.of(args -> args[0]), b, null, 1e-6, null, "natural", CTX));
    assertTrue(f.getMessage().contains("function"), f.getMessage());
    KernelException rb = assertThrows(KernelException.class, () -> Stationary.gaussSeidel(
        LinearOperator.of(input("it12")), Tensor.zeros(12), null, 1e-6, null, "red_black", CTX));
    assertTrue(rb.getMessage().contains("2-colourable"), rb.getMessage());
  }
}
