package dev.exp.sparse;

import static dev.exp.solvers.SolverReference.close;
import static dev.exp.solvers.SolverReference.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Stencil matrices against SciPy's kron constructions and hand-written rows; test-system families. */
class StencilsTest {
  @Test
  void poissonMatricesEqualTheKroneckerSums() {
    close(expected("poisson2d_5"), Stencils.poisson2d(5, false).toDense(), 0, "poisson2d(5)");
    close(expected("poisson3d_5"), Stencils.poisson3d(5, false).toDense(), 0, "poisson3d(5)");
    close(expected("poisson2d_5"), dev.exp.data.LinearSystemFamilies.poisson2d(5, false).toDense(), 0, "data.poisson2d(5)");
    close(expected("poisson3d_5"), dev.exp.data.LinearSystemFamilies.poisson3d(5, false).toDense(), 0, "data.poisson3d(5)");
    assertEquals(-25, dev.exp.data.LinearSystemFamilies.poisson1d(4, true).get(0, 1), 1e-12);
    SparseMatrix p1 = Stencils.poisson1d(4, true);
    assertEquals(2 * 25, p1.get(0, 0), 1e-12);
    assertEquals(-25, p1.get(0, 1), 1e-12);
    assertEquals(10, p1.nnz());
  }

  @Test
  void convectionDiffusionRows() {
    int n = 9;
    double h = 0.1;
    SparseMatrix up = Stencils.convectionDiffusion(n, 20, 1, "upwind", false);
    assertEquals(-1 - 20 * h, up.get(4, 3), 1e-12);
    assertEquals(2 + 20 * h, up.get(4, 4), 1e-12);
    assertEquals(-1, up.get(4, 5), 1e-12);
    SparseMatrix down = Stencils.convectionDiffusion(n, -20, 1, "upwind", false);
    assertEquals(-1, down.get(4, 3), 1e-12);
    assertEquals(2 + 20 * h, down.get(4, 4), 1e-12);
    assertEquals(-1 - 20 * h, down.get(4, 5), 1e-12);
    SparseMatrix c = Stencils.convectionDiffusion(n, 20, 1, "central", false);
    assertEquals(-1 - 1.0, c.get(4, 3), 1e-12);
    assertEquals(-1 + 1.0, c.get(4, 5), 1e-12);
    SparseMatrix c2 = Stencils.convectionDiffusion(3, 8, 2, "central", false);
    // centre (1,1) = unknown 4: neighbours 1 (up), 3 (left), 5 (right), 7 (down); h = 1/4
    assertEquals(4, c2.get(4, 4), 1e-12);
    assertEquals(-2, c2.get(4, 1), 1e-12);
    assertEquals(-2, c2.get(4, 3), 1e-12);
    assertEquals(0, c2.get(4, 5), 1e-12);
    assertEquals(0, c2.get(4, 7), 1e-12);
    assertTrue(Stencils.poisson2d(4, false).isSymmetric(0));
  }

  @Test
  void randomSpdHasTheRequestedSpectrum() {
    Tensor a = LinearSystems.randomSpd(20, 1e3, new Rng(1), null);
    double[][] m = a.toMatrix();
    // trace = sum of eigenvalues 10^(3 i / 19); symmetric
    double trace = 0;
    double expect = 0;
    for (int i = 0; i < 20; i++) {
      trace += m[i][i];
      expect += Math.pow(1e3, i / 19.0);
      for (int j = 0; j < 20; j++) {
        assertEquals(m[i][j], m[j][i], 0);
      }
    }
    assertEquals(expect, trace, 1e-9 * expect);
    org.hipparchus.linear.EigenDecompositionSymmetric eig =
        new org.hipparchus.linear.EigenDecompositionSymmetric(new org.hipparchus.linear.Array2DRowRealMatrix(m));
    double[] ev = eig.getEigenvalues();
    java.util.Arrays.sort(ev);
    assertEquals(1, ev[0], 1e-9);
    assertEquals(1e3, ev[19], 1e-8);
  }

  @Test
  void diagonallyDominantRowsDominate() {
    SparseMatrix a = LinearSystems.randomDiagDominant(200, 0.05, 0.1, false, new Rng(2));
    SparseMatrix s = LinearSystems.randomDiagDominant(200, 0.05, 0.1, true, new Rng(2));
    assertTrue(s.isSymmetric(0));
    assertTrue(!a.isSymmetric(0));
    for (SparseMatrix m : new SparseMatrix[] {a, s}) {
      for (int i = 0; i < 200; i++) {
        double off = 0;
        for (int k = m.indptr()[i]; k < m.indptr()[i + 1]; k++) {
          if (m.indices()[k] != i) {
            off += Math.abs(m.data()[k]);
          }
        }
        assertTrue(m.get(i, i) >= 1.1 * off - 1e-12);
      }
    }
  }
}
