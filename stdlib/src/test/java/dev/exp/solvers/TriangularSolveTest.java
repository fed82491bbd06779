package dev.exp.solvers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.sparse.Csr;
import dev.exp.sparse.SparseMatrix;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** solvers.spsolve_triangular against scipy.sparse.linalg.spsolve_triangular and the residual identity. */
class TriangularSolveTest {
  static final double[] L = {2, 0, 0, 0, 1, 3, 0, 0, 0, -1, 4, 0, 5, 0, 2, -1};

  @Test
  void matchesScipy() {
    // SciPy 1.17: spsolve_triangular(csr(L), [1, 2, 3, 4], lower=True) etc.
    SparseMatrix l = Csr.fromDense(Tensor.wrap(new int[] {4, 4}, L));
    Tensor b = Tensor.vector(1, 2, 3, 4);
    assertArrayEquals(new double[] {0.5, 0.5, 0.875, 0.25}, TriangularSolve.spsolveTriangular(l, b, true, false).raw(),
        1e-15);
    assertArrayEquals(new double[] {9.708333333333334, 1.5833333333333333, 2.75, -4},
        TriangularSolve.spsolveTriangular(l.transpose(), b, false, false).raw(), 1e-14);
    assertArrayEquals(new double[] {1, 1, 4, -9}, TriangularSolve.spsolveTriangular(l, b, true, true).raw(), 0);
    // the other triangle is ignored: the full matrix L + Lᵀ solved as lower gives the same x as L
    SparseMatrix full = l.add(l.transpose().triangle(true, 1), 1, 1);
    assertArrayEquals(new double[] {0.5, 0.5, 0.875, 0.25},
        TriangularSolve.spsolveTriangular(full, b, true, false).raw(), 1e-15);
  }

  @Test
  void residualIsZeroOnARandomSparseSystemWithSeveralRightHandSides() {
    int n = 60;
    Rng rng = new Rng(3);
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = 1 + rng.nextDouble();
      for (int j = 0; j < i; j++) {
        if (rng.nextDouble() < 0.1) {
          a[i * n + j] = rng.nextGaussian();
        }
      }
    }
    Tensor dense = Tensor.wrap(new int[] {n, n}, a);
    double[] bv = new double[n * 3];
    for (int i = 0; i < bv.length; i++) {
      bv[i] = rng.nextGaussian();
    }
    Tensor b = Tensor.wrap(new int[] {n, 3}, bv);
    Tensor x = TriangularSolve.spsolveTriangular(Csr.fromDense(dense), b, true, false);
    assertArrayEquals(new int[] {n, 3}, x.shape());
    double[] xv = x.raw();
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += a[i * n + j] * xv[j * 3 + c];
        }
        assertEquals(bv[i * 3 + c], s, 1e-9);
      }
    }
    // a dense operator gives the same answer
    assertArrayEquals(xv, TriangularSolve.spsolveTriangular(dev.exp.linalg.LinearOperator.of(dense), b, true, false).raw(), 0);
  }

  @Test
  void zeroDiagonalAndShapesAreNamed() {
    SparseMatrix z = Csr.fromDense(Tensor.wrap(new int[] {2, 2}, new double[] {1, 0, 1, 0}));
    KernelException e = assertThrows(KernelException.class, () -> TriangularSolve.spsolveTriangular(z,
        Tensor.vector(1, 1), true, false));
    assertTrue(e.getMessage().contains("a[1, 1] is 0"), e.getMessage());
    e = assertThrows(KernelException.class, () -> TriangularSolve.spsolveTriangular(z, Tensor.vector(1, 1, 1), true,
        false));
    assertTrue(e.getMessage().contains("b must be a real vector [2]"), e.getMessage());
  }
}
