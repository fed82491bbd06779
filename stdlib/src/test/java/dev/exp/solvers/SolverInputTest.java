package dev.exp.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.LinearOperator;
import dev.exp.random.Rng;
import dev.exp.sparse.Csr;
import dev.exp.sparse.CscMatrix;
import dev.exp.sparse.SparseMatrix;
import dev.exp.sparse.Stencils;
import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Non-finite inputs are refused where they enter, naming the argument and the entry (before: cg with a
 * NaN b reported "tolerance reached" with x = 0, gmres ran max_iter NaN steps), and the symmetric methods
 * check a stored matrix for symmetry.
 */
class SolverInputTest {
  static final KernelContext CTX = KernelContext.NONE;

  static Tensor ones(int n) {
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1);
    return Tensor.vector(v);
  }

  static Tensor withBad(Tensor t, int i, double bad) {
    double[] v = t.toArray();
    v[i] = bad;
    return Tensor.wrap(t.shape(), v);
  }

  static void fails(Executable body, String... parts) {
    KernelException e = assertThrows(KernelException.class, body);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "message \"" + e.getMessage() + "\" lacks \"" + p + "\"");
    }
  }

  /** Every iterative solve of A x = b, as (a, b, x0) -> result. */
  interface Solve {
    Map<String, Object> run(LinearOperator a, Tensor b, Tensor x0);
  }

  static final List<Map.Entry<String, Solve>> SYSTEM_SOLVERS = List.of(
      Map.entry("solvers.cg", (a, b, x0) -> ConjugateGradient.cg(a, b, x0, 1e-8, null, CTX)),
      Map.entry("solvers.pcg", (a, b, x0) -> ConjugateGradient.pcg(a, b, "jacobi", 1, null, x0, 1e-8, null, CTX)),
      Map.entry("solvers.gmres", (a, b, x0) -> Gmres.gmres(a, b, 20, x0, 1e-8, null, CTX)),
      Map.entry("solvers.bicgstab", (a, b, x0) -> Bicgstab.bicgstab(a, b, x0, 1e-8, null, CTX)),
      Map.entry("solvers.minres", (a, b, x0) -> Minres.minres(a, b, x0, 1e-8, null, CTX)),
      Map.entry("solvers.jacobi", (a, b, x0) -> Stationary.jacobi(a, b, 1, x0, 1e-8, null, CTX)),
      Map.entry("solvers.gauss_seidel", (a, b, x0) -> Stationary.gaussSeidel(a, b, x0, 1e-8, null, "natural", CTX)),
      Map.entry("solvers.sor", (a, b, x0) -> Stationary.sor(a, b, 1.5, x0, 1e-8, null, "natural", CTX)),
      Map.entry("solvers.ssor", (a, b, x0) -> Stationary.ssor(a, b, 1.2, x0, 1e-8, null, "natural", CTX)),
      Map.entry("solvers.conjugate_directions", (a, b, x0) -> ConjugateDirections.conjugateDirections(a, b,
          args -> args[0], x0, 1e-8, null, CTX)));

  @Test
  void aNonFiniteRightHandSideIsAnErrorNamingTheEntry() {
    SparseMatrix a = Stencils.poisson2d(4, false);
    for (var s : SYSTEM_SOLVERS) {
      fails(() -> s.getValue().run(a, withBad(ones(16), 3, Double.NaN), null), s.getKey() + ": b[3] is nan");
      fails(() -> s.getValue().run(a, withBad(ones(16), 0, Double.POSITIVE_INFINITY), null), "b[0] is inf");
      fails(() -> s.getValue().run(a, ones(16), withBad(ones(16), 7, Double.NaN)), s.getKey() + ": x0[7] is nan");
    }
    // the reported case: a NaN b everywhere used to give converged: true, "tolerance reached", x = 0
    double[] nan = new double[16];
    java.util.Arrays.fill(nan, Double.NaN);
    fails(() -> ConjugateGradient.cg(a, Tensor.vector(nan), null, 1e-8, null, CTX), "b[0] is nan");
    fails(() -> Gmres.gmres(a, Tensor.vector(nan), 20, null, 1e-8, null, CTX), "b[0] is nan");
  }

  @Test
  void aNonFiniteMatrixEntryIsAnErrorNamingIt() {
    // poisson2d(4) with entry (5, 6) (stored, -1) replaced: sparse, CSC and dense forms
    SparseMatrix p = Stencils.poisson2d(4, false);
    double[] dense = p.toDense().toArray();
    dense[5 * 16 + 6] = Double.NaN;
    Tensor d = Tensor.wrap(new int[] {16, 16}, dense);
    SparseMatrix s = Csr.fromDense(d);
    for (LinearOperator a : new LinearOperator[] {s, CscMatrix.of(s), LinearOperator.of(d)}) {
      for (var solver : SYSTEM_SOLVERS) {
        fails(() -> solver.getValue().run(a, ones(16), null), solver.getKey() + ": a[5, 6] is nan");
      }
      fails(() -> Lanczos.lanczos(a, 2, "largest", 1e-8, null, null, new Rng(1), null, false, CTX),
          "solvers.lanczos: a[5, 6] is nan");
      fails(() -> Arnoldi.arnoldi(a, 2, null, "magnitude", 1e-8, null, new Rng(1), null, CTX),
          "solvers.arnoldi: a[5, 6] is nan");
    }
  }

  @Test
  void aFunctionOperatorReturningNanIsAnErrorAtTheFirstProduct() {
    SparseMatrix p = Stencils.poisson2d(4, false);
    // A x, with entry 9 of the product NaN: the operator's fault, since its input is finite
    Function<Tensor, Tensor> bad = x -> withBad(p.apply(x), 9, Double.NaN);
    LinearOperator f = LinearOperator.of(args -> bad.apply((Tensor) args[0]));
    for (var solver : SYSTEM_SOLVERS) {
      if (solver.getKey().matches("solvers\\.(jacobi|gauss_seidel|sor|ssor|pcg)")) {
        continue; // these need the matrix entries (a function is refused with its own error)
      }
      fails(() -> solver.getValue().run(f, ones(16), null), solver.getKey() + ": the operator function returned nan at "
          + "index 9 for a finite vector");
    }
    fails(() -> Lanczos.lanczos(f, 2, "largest", 1e-8, null, null, new Rng(1), 16, false, CTX),
        "the operator function returned nan at index 9");
  }

  @Test
  void theSymmetricMethodsCheckAStoredMatrixForSymmetry() {
    double[][] m = {{4, 1, 0}, {0.5, 3, 1}, {0, 1, 2}}; // a[0, 1] = 1 but a[1, 0] = 0.5
    Tensor d = Tensor.matrix(m);
    SparseMatrix s = Csr.fromDense(d);
    for (LinearOperator a : new LinearOperator[] {LinearOperator.of(d), s, CscMatrix.of(s)}) {
      fails(() -> ConjugateGradient.cg(a, ones(3), null, 1e-8, null, CTX), "solvers.cg: a must be symmetric, but a[0, 1]"
          + " = 1 and a[1, 0] = 0.5 (shape [3, 3])");
      fails(() -> ConjugateGradient.pcg(a, ones(3), "jacobi", 1, null, null, 1e-8, null, CTX), "solvers.pcg: a must be "
          + "symmetric");
      fails(() -> Minres.minres(a, ones(3), null, 1e-8, null, CTX), "solvers.minres: a must be symmetric");
      fails(() -> Lanczos.lanczos(a, 1, "largest", 1e-8, null, null, new Rng(1), null, false, CTX),
          "solvers.lanczos: a must be symmetric, but a[0, 1] = 1 and a[1, 0] = 0.5");
    }
    // symmetric within the tolerance (1e-10 relative) passes: the solution of the SPD system is exact
    double[][] near = {{4, 1, 0}, {1 + 1e-12, 3, 1}, {0, 1, 2}};
    Map<String, Object> r = ConjugateGradient.cg(LinearOperator.of(Tensor.matrix(near)), Tensor.vector(5, 5, 3), null,
        1e-12, null, CTX);
    assertEquals(true, r.get("converged"));
    double[] x = ((Tensor) r.get("x")).toArray(); // [1, 1, 1] solves [[4,1,0],[1,3,1],[0,1,2]] x = [5, 5, 3]
    for (double v : x) {
      assertEquals(1, v, 1e-10);
    }
  }

  @Test
  void anOverflowingIterationIsNeverReportedAsConverged() {
    // a diagonal SPD matrix with entries near the top of the double range: pᵀAp overflows to inf at the
    // first step; the solve must say so rather than call an inf/NaN residual converged
    double big = 1e300;
    Tensor a = Tensor.matrix(new double[][] {{big, 0}, {0, big}});
    Tensor b = Tensor.vector(1e10, 1e10);
    Map<String, Object> r = ConjugateGradient.cg(LinearOperator.of(a), b, null, 1e-8, null, CTX);
    assertEquals(false, r.get("converged"));
    assertTrue(((String) r.get("reason")).startsWith("breakdown:") && ((String) r.get("reason")).contains("overflow"),
        (String) r.get("reason"));
  }
}
