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
import dev.exp.sparse.LinearSystems;
import dev.exp.sparse.SparseMatrix;
import dev.exp.sparse.Stencils;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CG and PCG: closed forms, the n-step bound, SciPy solutions, matrix-free = matrix form. */
class ConjugateGradientTest {
  static final KernelContext CTX = KernelContext.NONE;

  static Tensor ones(int n) {
    return Tensor.full(new int[] {n}, 1);
  }

  static double[] x(Map<String, Object> r) {
    return ((Tensor) r.get("x")).raw();
  }

  static int iterations(Map<String, Object> r) {
    return ((Double) r.get("iterations")).intValue();
  }

  @Test
  void poisson1dWithUnitLoadGivesTheParabola() {
    int n = 50;
    Map<String, Object> r = ConjugateGradient.cg(Stencils.poisson1d(n, false), ones(n), null, 1e-12, null, CTX);
    assertEquals(true, r.get("converged"));
    assertEquals("tolerance reached", r.get("reason"));
    double[] x = x(r);
    for (int i = 1; i <= n; i++) {
      assertEquals(i * (n + 1.0 - i) / 2, x[i - 1], 1e-8);
    }
    // a symmetric load excites n/2 eigenvectors: at most n/2 steps in exact arithmetic
    assertTrue(iterations(r) <= n / 2 + 2, "iterations " + iterations(r));
  }

  @Test
  void poisson2d128TakesScipysIterationCountAndLandsOnItsSolution() {
    // SciPy 1.17.1: spla.cg(poisson2d(128), ones, rtol=1e-8) -> 239 callbacks, info 0, x[0] = 2.911860516567778,
    // x[8256] = max(x) = 1225.781952733412, final ‖b − A x‖/‖b‖ = 9.239e-9 (the benchmark's system)
    int n = 128 * 128;
    Map<String, Object> r = ConjugateGradient.cg(Stencils.poisson2d(128, false), ones(n), null, 1e-8, null, CTX);
    assertEquals(true, r.get("converged"));
    assertEquals(239, iterations(r));
    double[] x = x(r);
    assertEquals(2.911860516567778, x[0], 1e-9);
    assertEquals(1225.781952733412, x[n / 2 + 64], 1e-7);
    Tensor res = (Tensor) r.get("residuals");
    assertEquals(9.239e-9, res.at(239), 0.01e-9);
  }

  @Test
  void cgEndsInAtMostNStepsOnSmallSpdSystems() {
    for (int n : new int[] {5, 10, 20}) {
      Tensor a = LinearSystems.randomSpd(n, 10, new Rng(n), null);
      Tensor b = Tensor.wrap(new int[] {n}, randn(n, n + 100));
      Map<String, Object> r = ConjugateGradient.cg(LinearOperator.of(a), b, null, 1e-10, null, CTX);
      assertEquals(true, r.get("converged"));
      assertTrue(iterations(r) <= n + 1, n + ": " + iterations(r));
      Tensor res = ((Tensor) r.get("residuals"));
      assertEquals(iterations(r) + 1, res.size());
      assertEquals(1.0, res.at(0), 1e-15);
    }
  }

  @Test
  void cgMatchesNumpyAndScipyOnAnIllConditionedSystem() {
    Tensor a = input("spd40");
    Tensor b = input("b40");
    Map<String, Object> r = ConjugateGradient.cg(LinearOperator.of(a), b, null, 1e-12, null, CTX);
    assertEquals(true, r.get("converged"));
    close(expected("spd40_x"), (Tensor) r.get("x"), 1e-8, "cg vs solve");
    close(expected("spd40_scipy_cg_x"), (Tensor) r.get("x"), 1e-8, "cg vs scipy cg");
  }

  @Test
  void matrixFreeGivesTheSameIterates() {
    SparseMatrix a = Stencils.poisson2d(12, false);
    Tensor b = Tensor.wrap(new int[] {144}, randn(144, 3));
    Map<String, Object> m = ConjugateGradient.cg(a, b, null, 1e-10, null, CTX);
    Map<String, Object> f = ConjugateGradient.cg(LinearOperator.of(args -> a.apply((Tensor) args[0])), b, null,
        1e-10, null, CTX);
    Map<String, Object> d = ConjugateGradient.cg(LinearOperator.of(a.toDense()), b, null, 1e-10, null, CTX);
    assertEquals(m.get("iterations"), f.get("iterations"));
    close((Tensor) m.get("x"), (Tensor) f.get("x"), 0, "function = sparse");
    close((Tensor) m.get("residuals"), (Tensor) f.get("residuals"), 0, "same history");
    assertEquals(m.get("iterations"), d.get("iterations"));
    close((Tensor) m.get("x"), (Tensor) d.get("x"), 1e-12, "dense = sparse");
  }

  @Test
  void preconditionersReduceIterations() {
    SparseMatrix a = Stencils.poisson2d(32, false);
    // ill-conditioned and badly scaled: D A D with D spanning two decades
    double[] dd = new double[a.rows()];
    for (int i = 0; i < dd.length; i++) {
      dd[i] = Math.pow(10, 2.0 * i / (dd.length - 1));
    }
    SparseMatrix scaled = dev.exp.sparse.SparseKernels.matmul(dev.exp.sparse.SparseKernels.diagMatrix(
        Tensor.wrap(new int[] {dd.length}, dd), 0), dev.exp.sparse.SparseKernels.matmul(a,
        dev.exp.sparse.SparseKernels.diagMatrix(Tensor.wrap(new int[] {dd.length}, dd), 0)));
    Tensor b = Tensor.wrap(new int[] {a.rows()}, randn(a.rows(), 9));
    int plain = iterations(ConjugateGradient.cg(scaled, b, null, 1e-8, null, CTX));
    for (String p : new String[] {"jacobi", "ssor", "ic0"}) {
      Map<String, Object> r = ConjugateGradient.pcg(scaled, b, p, 1.0, null, null, 1e-8, null, CTX);
      assertEquals(true, r.get("converged"), p);
      assertTrue(iterations(r) < plain, p + ": " + iterations(r) + " vs " + plain);
      double[] res = new double[a.rows()];
      scaled.multiply(x(r), res);
      double num = 0;
      double den = 0;
      for (int i = 0; i < res.length; i++) {
        num += (b.at(i) - res[i]) * (b.at(i) - res[i]);
        den += b.at(i) * b.at(i);
      }
      assertTrue(Math.sqrt(num / den) < 2e-8, p + " true residual " + Math.sqrt(num / den));
    }
    int ic0 = iterations(ConjugateGradient.pcg(a, b, "ic0", 1.0, null, null, 1e-8, null, CTX));
    int ssor = iterations(ConjugateGradient.pcg(a, b, "ssor", 1.0, null, null, 1e-8, null, CTX));
    int cg = iterations(ConjugateGradient.cg(a, b, null, 1e-8, null, CTX));
    assertTrue(ic0 <= 0.6 * cg && ssor <= 0.6 * cg, ic0 + " " + ssor + " " + cg);
    // a user preconditioner given as an operator equals the named one
    Map<String, Object> user = ConjugateGradient.pcg(a, b, "none", 1, LinearOperator.of(args -> ((Tensor) args[0])
        .map(v -> v / 4)), null, 1e-8, null, CTX);
    Map<String, Object> jac = ConjugateGradient.pcg(a, b, "jacobi", 1, null, null, 1e-8, null, CTX);
    assertEquals(jac.get("iterations"), user.get("iterations"));
  }

  @Test
  void unconvergedAndBrokenRunsSaySo() {
    SparseMatrix a = Stencils.poisson2d(16, false);
    Map<String, Object> r = ConjugateGradient.cg(a, ones(256), null, 1e-12, 5, CTX);
    assertFalse((Boolean) r.get("converged"));
    assertEquals("max_iter reached", r.get("reason"));
    assertEquals(5, iterations(r));
    Tensor neg = Tensor.matrix(new double[][] {{1, 0}, {0, -1}});
    Map<String, Object> br = ConjugateGradient.cg(LinearOperator.of(neg), Tensor.vector(0, 1), null, 1e-8, null, CTX);
    assertFalse((Boolean) br.get("converged"));
    assertTrue(((String) br.get("reason")).startsWith("breakdown"), (String) br.get("reason"));
    KernelException e = assertThrows(KernelException.class,
        () -> ConjugateGradient.cg(a, ones(10), null, 1e-8, null, CTX));
    assertTrue(e.getMessage().contains("[256, 256]"), e.getMessage());
    KernelException ic = assertThrows(KernelException.class,
        () -> ConjugateGradient.pcg(LinearOperator.of(neg), Tensor.vector(1, 1), "ic0", 1, null, null, 1e-8, null, CTX));
    assertTrue(ic.getMessage().contains("row 1"), ic.getMessage());
  }

  @Test
  void conjugateDirectionsTerminateWithinNStepsForAnyGenerator() {
    SparseMatrix a = Stencils.poisson2d(6, false);
    Tensor b = Tensor.wrap(new int[] {36}, randn(36, 11));
    Map<String, Object> rnd = ConjugateDirections.conjugateDirections(a, b,
        args -> Tensor.wrap(new int[] {36}, randn(36, 500 + ((Double) args[1]).longValue())), null, 1e-10, null, CTX);
    assertEquals(true, rnd.get("converged"));
    assertTrue(iterations(rnd) <= 36, "random directions: " + iterations(rnd));
    // with d_k = r_k it is CG (with full reorthogonalisation): the same iterates in exact arithmetic
    Map<String, Object> res = ConjugateDirections.conjugateDirections(a, b, args -> args[0], null, 1e-10, null, CTX);
    Map<String, Object> cg = ConjugateGradient.cg(a, b, null, 1e-10, null, CTX);
    close((Tensor) cg.get("x"), (Tensor) res.get("x"), 1e-9, "residual directions = CG");
    assertEquals(((Double) cg.get("iterations")), (Double) res.get("iterations"), 1.0);
  }

  static double[] randn(int n, long seed) {
    Rng rng = new Rng(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }
}
