package dev.exp.linalg;

import static dev.exp.linalg.DecompositionsTest.checkConventions;
import static dev.exp.linalg.DecompositionsTest.get;
import static dev.exp.linalg.DecompositionsTest.im;
import static dev.exp.linalg.DecompositionsTest.onBothPaths;
import static dev.exp.linalg.DecompositionsTest.re;
import static dev.exp.linalg.DecompositionsTest.sortedValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.random.Rng;
import dev.exp.tensor.Random;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * linalg.eig on matrices with repeated, defective and complex eigenvalues. Every expected value comes from
 * the matrix itself (diagonals, the characteristic polynomial worked out by hand, trace and determinant),
 * not from an eigen-solver. Each case runs on the default paths (sizes below 32: F2J's Java DGEEV) and, via
 * {@link DecompositionsTest#onBothPaths}, with every size on native LAPACK when it is loaded; the
 * {@code java-blas} surefire execution runs the whole class again with {@code -Dexp.blas=java} (F2J only).
 */
class EigTest {
  static Tensor m(double[][] rows) {
    return Tensor.matrix(rows);
  }

  /** max over columns j and rows i of |(A v_j − λ_j v_j)_i|, in complex arithmetic. */
  static double residual(Tensor a, Map<String, Object> r) {
    int n = a.dim(0);
    Tensor wr = re(get(r, "values"));
    Tensor wi = im(get(r, "values"));
    Tensor vr = re(get(r, "vectors"));
    Tensor vi = im(get(r, "vectors"));
    double worst = 0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double ar = 0;
        double ai = 0;
        for (int k = 0; k < n; k++) {
          ar += a.get(i, k) * vr.get(k, j);
          ai += a.get(i, k) * vi.get(k, j);
        }
        ar -= wr.at(j) * vr.get(i, j) - wi.at(j) * vi.get(i, j);
        ai -= wr.at(j) * vi.get(i, j) + wi.at(j) * vr.get(i, j);
        worst = Math.max(worst, Math.hypot(ar, ai));
      }
    }
    return worst;
  }

  /** Every column has unit 2-norm. */
  static void unitColumns(Map<String, Object> r) {
    Tensor vr = re(get(r, "vectors"));
    Tensor vi = im(get(r, "vectors"));
    int n = vr.dim(0);
    for (int j = 0; j < n; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += vr.get(i, j) * vr.get(i, j) + vi.get(i, j) * vi.get(i, j);
      }
      assertEquals(1, s, 1e-12, "norm² of column " + j);
    }
  }

  /** |det| of the real matrix V (all these cases have real vectors), by Gaussian elimination. */
  static double absDetReal(Tensor v) {
    int n = v.dim(0);
    double[][] x = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        x[i][j] = v.get(i, j);
      }
    }
    double det = 1;
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(x[i][k]) > Math.abs(x[p][k])) {
          p = i;
        }
      }
      double[] t = x[k];
      x[k] = x[p];
      x[p] = t;
      det *= x[k][k];
      if (x[k][k] == 0) {
        return 0;
      }
      for (int i = k + 1; i < n; i++) {
        double f = x[i][k] / x[k][k];
        for (int j = k; j < n; j++) {
          x[i][j] -= f * x[k][j];
        }
      }
    }
    return Math.abs(det);
  }

  static double frobenius(Tensor a) {
    double s = 0;
    for (double v : a.toArray()) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  @Test
  void identityAndDiagonalsWithRepeatedValuesGiveFullRankVectors() {
    double[][][] cases = {
        {{1, 0}, {0, 1}},
        {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{2, 0, 0}, {0, 2, 0}, {0, 0, 3}},
        {{3, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, 3, 0}, {0, 0, 0, -1}},
    };
    for (double[][] c : cases) {
      Tensor a = m(c);
      int n = c.length;
      onBothPaths(() -> {
        Map<String, Object> r = Decompositions.eig(a);
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
          want[i] = c[i][i];
        }
        java.util.Arrays.sort(want);
        double[][] got = sortedValues(r);
        for (int j = 0; j < n; j++) {
          assertEquals(want[j], got[j][0], 0, "eigenvalue " + j + " is exactly the diagonal entry");
          assertEquals(0, got[j][1], 0);
        }
        // a diagonal matrix's eigenvectors: the unit vectors, so V is a permutation and |det V| = 1
        assertEquals(1, absDetReal(re(get(r, "vectors"))), 1e-12, "V has full rank");
        assertEquals(0, residual(a, r), 0);
        unitColumns(r);
        checkConventions(r);
      });
    }
    // and the identity itself comes back as V = I, as NumPy's
    Map<String, Object> r = Decompositions.eig(m(new double[][] {{1, 0}, {0, 1}}));
    assertArrayEquals(new double[] {1, 0, 0, 1}, re(get(r, "vectors")).toArray(), 0);
    assertArrayEquals(new double[] {0, 0, 0, 0}, im(get(r, "vectors")).toArray(), 0);
  }

  @Test
  void defectiveMatricesGiveTrueEigenvectors() {
    // [[1, 1], [0, 1]]: λ = 1 twice; [[4, 1], [-1, 2]]: (λ − 4)(λ − 2) + 1 = (λ − 3)², λ = 3 twice.
    // A double eigenvalue of a Jordan block moves by O(√ε) under rounding, hence 1e-7 on the values.
    double[][][] cases = {{{1, 1}, {0, 1}}, {{4, 1}, {-1, 2}}};
    double[] lambda = {1, 3};
    for (int c = 0; c < cases.length; c++) {
      Tensor a = m(cases[c]);
      double l = lambda[c];
      onBothPaths(() -> {
        Map<String, Object> r = Decompositions.eig(a);
        for (double[] w : sortedValues(r)) {
          assertEquals(l, w[0], 1e-7);
          assertEquals(0, w[1], 0);
        }
        assertTrue(residual(a, r) <= 1e-12, "max |A v − λ v| = " + residual(a, r));
        unitColumns(r);
        checkConventions(r);
      });
    }
  }

  @Test
  void rotationHasEigenvaluesExactlyPlusMinusI() {
    Tensor a = m(new double[][] {{0, -1}, {1, 0}});
    onBothPaths(() -> {
      Map<String, Object> r = Decompositions.eig(a);
      assertArrayEquals(new double[] {0, 0}, re(get(r, "values")).toArray(), 1e-15);
      assertArrayEquals(new double[] {1, -1}, im(get(r, "values")).toArray(), 1e-15);
      assertTrue(residual(a, r) <= 1e-15, "residual " + residual(a, r));
      unitColumns(r);
      checkConventions(r);
    });
  }

  @Test
  void jordanBlockMatrixConverges() {
    // det(λI − A) = λ(λ + 1)²; A + I has rank 2, so −1 is defective (a 2×2 Jordan block)
    Tensor a = m(new double[][] {{0, -1, 1}, {0, -1, 1}, {-1, 1, -1}});
    onBothPaths(() -> {
      Map<String, Object> r = Decompositions.eig(a);
      double[][] got = sortedValues(r);
      assertEquals(-1, got[0][0], 1e-7);
      assertEquals(-1, got[1][0], 1e-7);
      assertEquals(0, got[2][0], 1e-14);
      for (double[] w : got) {
        assertEquals(0, w[1], 1e-7);
      }
      assertTrue(residual(a, r) <= 1e-12, "residual " + residual(a, r));
      unitColumns(r);
      checkConventions(r);
    });
  }

  /**
   * The elementary symmetric functions of the computed eigenvalues against the characteristic polynomial's
   * coefficients worked out from A: e1 = trace, e2 = sum of the principal 2×2 minors, e3 = det.
   */
  static void matchesCharacteristicPolynomial3(Tensor a, Map<String, Object> r, double tol) {
    double[] x = a.toArray();
    double tr = x[0] + x[4] + x[8];
    double c2 = x[0] * x[4] - x[1] * x[3] + x[0] * x[8] - x[2] * x[6] + x[4] * x[8] - x[5] * x[7];
    double det = x[0] * (x[4] * x[8] - x[5] * x[7]) - x[1] * (x[3] * x[8] - x[5] * x[6])
        + x[2] * (x[3] * x[7] - x[4] * x[6]);
    Tensor wr = re(get(r, "values"));
    Tensor wi = im(get(r, "values"));
    double[] zr = {wr.at(0), wr.at(1), wr.at(2)};
    double[] zi = {wi.at(0), wi.at(1), wi.at(2)};
    double e1r = zr[0] + zr[1] + zr[2];
    double e1i = zi[0] + zi[1] + zi[2];
    double e2r = 0;
    double e2i = 0;
    for (int p = 0; p < 3; p++) {
      for (int q = p + 1; q < 3; q++) {
        e2r += zr[p] * zr[q] - zi[p] * zi[q];
        e2i += zr[p] * zi[q] + zi[p] * zr[q];
      }
    }
    double pr = zr[0] * zr[1] - zi[0] * zi[1];
    double pi = zr[0] * zi[1] + zi[0] * zr[1];
    double e3r = pr * zr[2] - pi * zi[2];
    double e3i = pr * zi[2] + pi * zr[2];
    String s = a.toString();
    assertEquals(tr, e1r, tol, "sum of eigenvalues = trace, " + s);
    assertEquals(0, e1i, tol, s);
    assertEquals(c2, e2r, tol, "e2 = sum of principal minors, " + s);
    assertEquals(0, e2i, tol, s);
    assertEquals(det, e3r, tol, "product of eigenvalues = det, " + s);
    assertEquals(0, e3i, tol, s);
  }

  @Test
  void sweepOfSmallIntegerMatrices() {
    // entries in {−1, 0, 1}: many repeated, zero and defective eigenvalues (the old EJML path failed 32 of 300)
    List<Tensor> mats = new ArrayList<>();
    java.util.Random g = new java.util.Random(20240611L);
    for (int t = 0; t < 200; t++) {
      double[] d = new double[9];
      for (int i = 0; i < 9; i++) {
        d[i] = g.nextInt(3) - 1;
      }
      mats.add(Tensor.wrap(new int[] {3, 3}, d));
    }
    onBothPaths(() -> {
      double worst = 0;
      for (Tensor a : mats) {
        Map<String, Object> r = Decompositions.eig(a);
        double res = residual(a, r);
        worst = Math.max(worst, res / Math.max(frobenius(a), Double.MIN_NORMAL));
        assertTrue(res <= 1e-10 * frobenius(a), "residual " + res + " for " + a);
        unitColumns(r);
        checkConventions(r);
        matchesCharacteristicPolynomial3(a, r, 1e-12);
      }
      System.out.println("eig 3x3 {-1,0,1} sweep: worst residual / ||A||_F = " + worst);
    });
  }

  @Test
  void sweepOfRandomNormalMatrices() {
    int n = 6;
    List<Tensor> mats = new ArrayList<>();
    for (long seed = 0; seed < 50; seed++) {
      mats.add(Random.randn(new int[] {n, n}, new Rng(1000 + seed)));
    }
    onBothPaths(() -> {
      double worst = 0;
      for (Tensor a : mats) {
        Map<String, Object> r = Decompositions.eig(a);
        double res = residual(a, r);
        worst = Math.max(worst, res / frobenius(a));
        assertTrue(res <= 1e-10 * frobenius(a), "residual " + res);
        unitColumns(r);
        checkConventions(r);
        double sum = 0;
        double isum = 0;
        double pr = 1;
        double pi = 0;
        for (int j = 0; j < n; j++) {
          double xr = re(get(r, "values")).at(j);
          double xi = im(get(r, "values")).at(j);
          sum += xr;
          isum += xi;
          double t = pr * xr - pi * xi;
          pi = pr * xi + pi * xr;
          pr = t;
        }
        double det = Linalg.det(a);
        assertEquals(Linalg.trace(a), sum, 1e-10, "sum of eigenvalues = trace");
        assertEquals(0, isum, 1e-12);
        assertEquals(det, pr, 1e-10 * Math.max(1, Math.abs(det)), "product of eigenvalues = det");
        assertEquals(0, pi, 1e-10 * Math.max(1, Math.abs(det)));
      }
      System.out.println("eig 6x6 normal sweep: worst residual / ||A||_F = " + worst);
    });
  }

  @Test
  void javaPathAboveTheQrCrossoverOnKnownEigenvalues() {
    // 100×100 block diagonal of r_k·rotation(θ_k), hidden by an orthogonal similarity Q B Qᵀ: a normal
    // matrix whose eigenvalues r_k (cos θ_k ± i sin θ_k) are known; forced onto the Java DGEEV (above 75
    // rows it runs DGEEV's steps with DLAHQR) even when native LAPACK is loaded
    int n = 100;
    double[] b = new double[n * n];
    double[][] want = new double[n][];
    for (int k = 0; k < n / 2; k++) {
      double t = 0.05 * (k + 1);
      double rk = 1 + 0.02 * k;
      int i = 2 * k;
      b[i * n + i] = rk * Math.cos(t);
      b[i * n + i + 1] = -rk * Math.sin(t);
      b[(i + 1) * n + i] = rk * Math.sin(t);
      b[(i + 1) * n + i + 1] = rk * Math.cos(t);
      want[i] = new double[] {rk * Math.cos(t), -rk * Math.sin(t)};
      want[i + 1] = new double[] {rk * Math.cos(t), rk * Math.sin(t)};
    }
    java.util.Arrays.sort(want, (x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
    Tensor q = get(Decompositions.qr(Random.randn(new int[] {n, n}, new Rng(3))), "q");
    Tensor a = DecompositionsTest.mm(DecompositionsTest.mm(q, Tensor.wrap(new int[] {n, n}, b)), DecompositionsTest.tr(q));
    System.setProperty("exp.lapack.min", "100000");
    try {
      Map<String, Object> r = Decompositions.eig(a);
      double[][] got = sortedValues(r);
      for (int j = 0; j < n; j++) {
        assertEquals(want[j][0], got[j][0], 1e-12, "re " + j);
        assertEquals(want[j][1], got[j][1], 1e-12, "im " + j);
      }
      assertTrue(residual(a, r) <= 1e-12, "residual " + residual(a, r));
      unitColumns(r);
      checkConventions(r);
    } finally {
      System.clearProperty("exp.lapack.min");
    }
  }

  @Test
  void concurrentCallsGiveTheSameResults() throws Exception {
    // F2J keeps some LAPACK locals in static fields; the Java path serialises its calls
    List<Tensor> mats = new ArrayList<>();
    List<double[]> want = new ArrayList<>();
    for (long seed = 0; seed < 16; seed++) {
      Tensor a = Random.randn(new int[] {12, 12}, new Rng(500 + seed));
      mats.add(a);
      Map<String, Object> r = Decompositions.eig(a);
      want.add(concat(r));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(pool.submit(() -> {
          for (int rep = 0; rep < 20; rep++) {
            for (int k = 0; k < mats.size(); k++) {
              if (!java.util.Arrays.equals(want.get(k), concat(Decompositions.eig(mats.get(k))))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : fs) {
        assertTrue(f.get(), "a concurrent eig differed from the sequential one");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static double[] concat(Map<String, Object> r) {
    double[][] parts = {re(get(r, "values")).toArray(), im(get(r, "values")).toArray(),
        re(get(r, "vectors")).toArray(), im(get(r, "vectors")).toArray()};
    int len = 0;
    for (double[] p : parts) {
      len += p.length;
    }
    double[] out = new double[len];
    int o = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }
}
