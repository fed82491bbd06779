package dev.exp.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The diagonal execution plan: which matrices get one (stencils: the boundary rows are the irregular
 * ones, 4n − 4 of the 2-D grid), and its products bit-identical to the plain CSR loop, for both loop
 * implementations, also with infinite and NaN entries in x.
 */
class DiagonalPlanTest {
  static double[] randn(int n, long seed) {
    Random r = new Random(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
    }
    return a;
  }

  /** multiply (with and without the fused dot) equals the CSR loop bit for bit, for both loops. */
  static void sameAsCsr(SparseMatrix a, double[] x) {
    double[] want = new double[a.rows()];
    a.multiplyCsr(x, want);
    DiagonalPlan plan = a.plan();
    assertNotNull(plan);
    List<SolverLoops> all = new ArrayList<>(List.of(SolverLoops.scalar()));
    if (SolverLoops.vectorOrNull() != null) {
      all.add(SolverLoops.vectorOrNull());
    }
    for (SolverLoops loops : all) {
      double[] y = new double[a.rows()];
      java.util.Arrays.fill(y, 12345);
      plan.multiply(loops, a.indptr(), a.indices(), a.data(), x, y, null);
      assertArrayEquals(want, y, loops.describe());
      if (a.rows() == a.cols()) {
        double[] lanes = SolverLoops.newLanes();
        double[] y2 = new double[a.rows()];
        plan.multiply(loops, a.indptr(), a.indices(), a.data(), x, y2, lanes);
        assertArrayEquals(want, y2, loops.describe() + " (fused)");
        assertEquals(SolverLoops.scalar().dot(x, want, x.length), SolverLoops.finish(lanes), loops.describe() + " dot");
      }
    }
  }

  @Test
  void stencilsGetAPlanWithTheirBoundaryRowsIrregular() {
    SparseMatrix p2 = Stencils.poisson2d(128, false);
    assertEquals(5, p2.plan().diagonals());
    assertEquals(4 * 128 - 4, p2.plan().irregularRows());
    SparseMatrix p3 = Stencils.poisson3d(16, false);
    assertEquals(7, p3.plan().diagonals());
    assertEquals(16 * 16 * 16 - 14 * 14 * 14, p3.plan().irregularRows());
    SparseMatrix p1 = Stencils.poisson1d(300, false);
    assertEquals(3, p1.plan().diagonals());
    assertEquals(2, p1.plan().irregularRows());
    for (SparseMatrix a : List.of(p2, p3, p1, Stencils.convectionDiffusion(64, 50, 2, "upwind", false),
        Stencils.poisson2d(100, true))) {
      sameAsCsr(a, randn(a.cols(), a.rows()));
    }
  }

  @Test
  void smallAndScatteredMatricesStayOnCsr() {
    assertNull(Stencils.poisson2d(15, false).plan());
    assertNull(SparseKernels.random(400, 400, 0.05, new Rng(3)).plan());
    // the products are the same either way
    SparseMatrix r = SparseKernels.random(400, 400, 0.05, new Rng(3));
    double[] x = randn(400, 4);
    double[] y = new double[400];
    double[] want = new double[400];
    r.multiply(x, y);
    r.multiplyCsr(x, want);
    assertArrayEquals(want, y);
    assertEquals(SolverLoops.active().dot(x, want, 400), r.multiplyDot(x, new double[400]));
  }

  /** Seven diagonals, 3% of their entries missing, one constant diagonal, stored zeros, outliers. */
  static SparseMatrix banded(int rows, int cols, long seed) {
    return banded(rows, cols, seed, false);
  }

  /** With constant: every diagonal holds one value (a stencil, the fused path), missing entries aside. */
  static SparseMatrix banded(int rows, int cols, long seed, boolean constant) {
    Random rnd = new Random(seed);
    int[] offsets = {-40, -3, -1, 0, 2, 5, 29};
    List<int[]> rc = new ArrayList<>();
    List<Double> vals = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int off : offsets) {
        int j = i + off;
        if (j >= 0 && j < cols && rnd.nextDouble() > 0.03) {
          rc.add(new int[] {i, j});
          vals.add(constant ? 0.5 + off : off == -1 ? -1.0 : rnd.nextDouble() < 0.02 ? 0.0 : rnd.nextGaussian());
        }
      }
      if (i % 97 == 0) {
        rc.add(new int[] {i, (i + 300) % cols}); // an outlier: its row is irregular
        vals.add(2.5);
      }
    }
    int[] r = new int[rc.size()];
    int[] c = new int[rc.size()];
    double[] v = new double[rc.size()];
    for (int k = 0; k < r.length; k++) {
      r[k] = rc.get(k)[0];
      c[k] = rc.get(k)[1];
      v[k] = vals.get(k);
    }
    return Csr.fromTriplets(rows, cols, r, c, v);
  }

  @Test
  void bandedMatricesWithVaryingValuesMissingEntriesAndOutliersAreExact() {
    for (SparseMatrix a : List.of(banded(700, 730, 7), banded(2500, 2500, 8), banded(900, 880, 9),
        banded(2100, 2100, 10, true), banded(1500, 1400, 11, true), banded(1400, 1500, 12, true))) {
      assertEquals(7, a.plan().diagonals());
      double[] x = randn(a.cols(), 8);
      sameAsCsr(a, x);
      x[10] = Double.POSITIVE_INFINITY;
      x[300] = Double.NaN;
      x[301] = -0.0;
      sameAsCsr(a, x);
    }
  }

  @Test
  void sparseProductsThroughThePlanMatchDenseArithmetic() {
    SparseMatrix a = banded(300, 300, 11);
    Tensor x = Tensor.wrap(new int[] {300}, randn(300, 12));
    Tensor want = dev.exp.tensor.MatMul.matmul(a.toDense(), x);
    Tensor got = a.apply(x);
    for (int i = 0; i < 300; i++) {
      assertEquals(want.raw()[i], got.raw()[i], 1e-12 * (1 + Math.abs(want.raw()[i])));
    }
  }
}
