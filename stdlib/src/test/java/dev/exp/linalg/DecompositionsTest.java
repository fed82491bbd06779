package dev.exp.linalg;

import static dev.exp.tensor.Check.close;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.kernel.KernelException;
import dev.exp.random.Rng;
import dev.exp.tensor.Creation;
import dev.exp.tensor.MatMul;
import dev.exp.tensor.Random;
import dev.exp.tensor.Shapes;
import dev.exp.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecompositionsTest {
  static Tensor mm(Tensor a, Tensor b) {
    return MatMul.matmul(a, b);
  }

  static Tensor tr(Tensor a) {
    return Shapes.transpose(a);
  }

  static Tensor get(Map<String, Object> r, String k) {
    return (Tensor) r.get(k);
  }

  static void orthonormalColumns(Tensor q, double tol) {
    close(Creation.eye(q.dim(1)), mm(tr(q), q), tol);
  }

  @Test
  void luReconstructs() {
    for (int[] s : new int[][] {{5, 5}, {6, 4}, {4, 6}}) {
      Tensor a = Random.randn(s, new Rng(s[0] * 10L + s[1]));
      Map<String, Object> r = Decompositions.lu(a);
      Tensor p = get(r, "p");
      Tensor l = get(r, "l");
      Tensor u = get(r, "u");
      int k = Math.min(s[0], s[1]);
      assertArrayEquals(new int[] {s[0], s[0]}, p.shape());
      assertArrayEquals(new int[] {s[0], k}, l.shape());
      assertArrayEquals(new int[] {k, s[1]}, u.shape());
      close(a, mm(p, mm(l, u)), 1e-12);
      close(Creation.eye(s[0]), mm(tr(p), p), 0); // a permutation matrix
      for (int i = 0; i < l.dim(0); i++) {
        for (int j = 0; j < k; j++) {
          if (j > i) {
            assertEquals(0, l.get(i, j));
          }
          if (j == i) {
            assertEquals(1, l.get(i, j));
          }
          assertTrue(Math.abs(l.get(i, j)) <= 1 + 1e-12); // partial pivoting bounds the multipliers
        }
      }
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < i; j++) {
          assertEquals(0, u.get(i, j));
        }
      }
    }
  }

  @Test
  void qrReconstructs() {
    for (int[] s : new int[][] {{5, 5}, {7, 3}, {3, 7}}) {
      Tensor a = Random.randn(s, new Rng(s[0] * 10L + s[1] + 1));
      Map<String, Object> r = Decompositions.qr(a);
      Tensor q = get(r, "q");
      Tensor rr = get(r, "r");
      int k = Math.min(s[0], s[1]);
      assertArrayEquals(new int[] {s[0], k}, q.shape());
      assertArrayEquals(new int[] {k, s[1]}, rr.shape());
      close(a, mm(q, rr), 1e-12);
      orthonormalColumns(q, 1e-12);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < i; j++) {
          assertEquals(0, rr.get(i, j));
        }
      }
    }
  }

  @Test
  void choleskyKnownFactor() {
    Tensor a = Tensor.matrix(new double[][] {{4, 12, -16}, {12, 37, -43}, {-16, -43, 98}});
    close(new int[] {3, 3}, new double[] {2, 0, 0, 6, 1, 0, -8, 5, 3}, Decompositions.cholesky(a), 1e-14);
    Tensor b = Random.randn(new int[] {6, 6}, new Rng(4));
    Tensor spd = Tensor.zip(mm(b, tr(b)), Creation.eye(6), Double::sum);
    Tensor l = Decompositions.cholesky(spd);
    close(spd, mm(l, tr(l)), 1e-12);
    KernelException e = assertThrows(KernelException.class,
        () -> Decompositions.cholesky(Tensor.matrix(new double[][] {{1, 2}, {2, 1}})));
    assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    KernelException ns = assertThrows(KernelException.class,
        () -> Decompositions.cholesky(Tensor.matrix(new double[][] {{2, 1}, {0, 2}})));
    assertTrue(ns.getMessage().contains("symmetric"), ns.getMessage());
  }

  @Test
  void svdHandCaseAndReconstruction() {
    Tensor a = Tensor.matrix(new double[][] {{3, 2, 2}, {2, 3, -2}});
    Map<String, Object> r = Decompositions.svd(a, false);
    close(new int[] {2}, new double[] {5, 3}, get(r, "s"), 1e-14);
    for (int[] s : new int[][] {{6, 4}, {4, 6}, {5, 5}}) {
      Tensor m = Random.randn(s, new Rng(s[0] + 7L * s[1]));
      Map<String, Object> d = Decompositions.svd(m, false);
      Tensor u = get(d, "u");
      Tensor sv = get(d, "s");
      Tensor vt = get(d, "vt");
      int k = Math.min(s[0], s[1]);
      assertArrayEquals(new int[] {s[0], k}, u.shape());
      assertArrayEquals(new int[] {k, s[1]}, vt.shape());
      for (int i = 1; i < k; i++) {
        assertTrue(sv.at(i - 1) >= sv.at(i));
      }
      close(m, mm(mm(u, Creation.diag(sv, 0)), vt), 1e-12);
      orthonormalColumns(u, 1e-12);
      orthonormalColumns(tr(vt), 1e-12);
      // singular values are the square roots of the eigenvalues of AᵀA (or AAᵀ)
      Tensor g = s[0] >= s[1] ? mm(tr(m), m) : mm(m, tr(m));
      Tensor ev = get(Decompositions.eigh(g), "values");
      for (int i = 0; i < k; i++) {
        assertEquals(Math.sqrt(ev.at(k - 1 - i)), sv.at(i), 1e-12);
      }
      Map<String, Object> full = Decompositions.svd(m, true);
      assertArrayEquals(new int[] {s[0], s[0]}, get(full, "u").shape());
      assertArrayEquals(new int[] {s[1], s[1]}, get(full, "vt").shape());
      orthonormalColumns(get(full, "u"), 1e-12);
      orthonormalColumns(get(full, "vt"), 1e-12);
    }
  }

  @Test
  void eighOfTridiagonal() {
    int n = 8;
    double[][] t = new double[n][n];
    for (int i = 0; i < n; i++) {
      t[i][i] = 2;
      if (i + 1 < n) {
        t[i][i + 1] = -1;
        t[i + 1][i] = -1;
      }
    }
    Tensor a = Tensor.matrix(t);
    Map<String, Object> r = Decompositions.eigh(a);
    Tensor w = get(r, "values");
    Tensor v = get(r, "vectors");
    for (int k = 1; k <= n; k++) {
      assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), w.at(k - 1), 1e-13);
    }
    orthonormalColumns(v, 1e-12);
    close(mm(a, v), mm(v, Creation.diag(w, 0)), 1e-12);
    // repeated eigenvalues still give an orthonormal basis
    Map<String, Object> id = Decompositions.eigh(Creation.diag(Tensor.vector(2, 1, 2), 0));
    close(new int[] {3}, new double[] {1, 2, 2}, get(id, "values"), 1e-14);
    orthonormalColumns(get(id, "vectors"), 1e-12);
    KernelException e = assertThrows(KernelException.class,
        () -> Decompositions.eigh(Tensor.matrix(new double[][] {{1, 2}, {3, 4}})));
    assertTrue(e.getMessage().contains("symmetric"), e.getMessage());
    assertThrows(KernelException.class, () -> Decompositions.eigh(Tensor.zeros(2, 3)));
  }

  static Tensor re(Tensor z) {
    assertTrue(z.isComplex(), "eig returns complex128 tensors");
    return dev.exp.tensor.ComplexKernels.partView(z, true);
  }

  static Tensor im(Tensor z) {
    return dev.exp.tensor.ComplexKernels.partView(z, false);
  }

  /** Checks A v = λ v in complex arithmetic for every eigenpair, and ‖v‖ = 1. */
  static void checkEigenpairs(Tensor a, Map<String, Object> r, double tol) {
    double res = EigTest.residual(a, r);
    assertTrue(res <= tol, "max |A v - λ v| = " + res);
    EigTest.unitColumns(r);
  }

  @Test
  void eigOfRotationIsPlusMinusI() {
    Tensor rot = Tensor.matrix(new double[][] {{0, -1}, {1, 0}});
    Map<String, Object> r = Decompositions.eig(rot);
    close(new int[] {2}, new double[] {0, 0}, re(get(r, "values")), 1e-15);
    close(new int[] {2}, new double[] {1, -1}, im(get(r, "values")), 1e-15);
    checkEigenpairs(rot, r, 1e-13);
  }

  @Test
  void eigGeneral() {
    Tensor sym = Tensor.matrix(new double[][] {{2, 1}, {1, 2}});
    Map<String, Object> r = Decompositions.eig(sym);
    double[] w = re(get(r, "values")).toArray();
    java.util.Arrays.sort(w);
    assertArrayEquals(new double[] {1, 3}, w, 1e-14);
    checkEigenpairs(sym, r, 1e-13);
    // upper triangular: eigenvalues are the diagonal
    Tensor up = Tensor.matrix(new double[][] {{1, 5, 7}, {0, -2, 3}, {0, 0, 4}});
    Map<String, Object> ru = Decompositions.eig(up);
    double[] wu = re(get(ru, "values")).toArray();
    java.util.Arrays.sort(wu);
    assertArrayEquals(new double[] {-2, 1, 4}, wu, 1e-12);
    checkEigenpairs(up, ru, 1e-12);
    // random matrices: complex pairs and real values; sum = trace, product = det
    for (long seed = 0; seed < 5; seed++) {
      Tensor a = Random.randn(new int[] {6, 6}, new Rng(seed));
      Map<String, Object> e = Decompositions.eig(a);
      checkEigenpairs(a, e, 1e-10);
      double sum = 0;
      double pr = 1;
      double pi = 0;
      for (int j = 0; j < 6; j++) {
        sum += re(get(e, "values")).at(j);
        double xr = re(get(e, "values")).at(j);
        double xi = im(get(e, "values")).at(j);
        double t = pr * xr - pi * xi;
        pi = pr * xi + pi * xr;
        pr = t;
      }
      assertEquals(Linalg.trace(a), sum, 1e-10);
      assertEquals(Linalg.det(a), pr, 1e-9 * Math.max(1, Math.abs(pr)));
      assertEquals(0, pi, 1e-9 * Math.max(1, Math.abs(pr)));
    }
  }

  /** Runs body on the default paths and again with every size on LAPACK (when native; else EJML twice). */
  static void onBothPaths(Runnable body) {
    body.run();
    System.setProperty("exp.lapack.min", "1");
    dev.exp.tensor.blas.Blas.isNative();   // loads the library now: small sizes use it only once it is loaded
    try {
      body.run();
    } finally {
      System.clearProperty("exp.lapack.min");
    }
  }

  /** Sorted (re, im) pairs, lexicographically. */
  static double[][] sortedValues(Map<String, Object> r) {
    Tensor wr = re(get(r, "values"));
    Tensor wi = im(get(r, "values"));
    double[][] v = new double[wr.size()][];
    for (int j = 0; j < v.length; j++) {
      v[j] = new double[] {wr.at(j), wi.at(j)};
    }
    java.util.Arrays.sort(v, (x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
    return v;
  }

  /** The documented conventions: pairs (+im, −im) adjacent, vectors conjugate, largest component real > 0. */
  static void checkConventions(Map<String, Object> r) {
    Tensor wr = re(get(r, "values"));
    Tensor wi = im(get(r, "values"));
    Tensor vr = re(get(r, "vectors"));
    Tensor vi = im(get(r, "vectors"));
    int n = wr.size();
    for (int j = 0; j < n; j++) {
      if (wi.at(j) != 0) {
        assertTrue(wi.at(j) > 0 && j + 1 < n, "pair starts with +im at " + j);
        assertEquals(wr.at(j), wr.at(j + 1), 0, "pair real parts at " + j);
        assertEquals(-wi.at(j), wi.at(j + 1), 0, "pair imaginary parts at " + j);
        for (int i = 0; i < n; i++) {
          assertEquals(vr.get(i, j), vr.get(i, j + 1), 0);
          assertEquals(-vi.get(i, j), vi.get(i, j + 1), 0);
        }
      }
      // the largest component is real and positive; when components tie in exact arithmetic (as for a
      // repeated eigenvalue) rounding decides which is largest, so any within 1e-9 of the largest may be it
      double big = 0;
      for (int i = 0; i < n; i++) {
        big = Math.max(big, Math.hypot(vr.get(i, j), vi.get(i, j)));
      }
      boolean found = false;
      for (int i = 0; i < n; i++) {
        if (Math.hypot(vr.get(i, j), vi.get(i, j)) >= big * (1 - 1e-9) && vi.get(i, j) == 0 && vr.get(i, j) > 0) {
          found = true;
        }
      }
      assertTrue(found, "largest component of vector " + j + " is real and positive");
      if (wi.at(j) != 0) {
        j++;
      }
    }
  }

  @Test
  void eigOfACompanionMatrixGivesThePolynomialsRoots() {
    // p(x) = (x − 1)(x − 2)(x − 3)(x² + 1) = x⁵ − 6x⁴ + 12x³ − 12x² + 11x − 6; the companion matrix has
    // ones on the subdiagonal and −(coefficients) in the last column, its eigenvalues are p's roots
    double[] c = {-6, 11, -12, 12, -6}; // c0 .. c4 of the monic p
    double[][] m = new double[5][5];
    for (int i = 1; i < 5; i++) {
      m[i][i - 1] = 1;
    }
    for (int i = 0; i < 5; i++) {
      m[i][4] = -c[i];
    }
    Tensor a = Tensor.matrix(m);
    onBothPaths(() -> {
      Map<String, Object> r = Decompositions.eig(a);
      double[][] want = {{0, -1}, {0, 1}, {1, 0}, {2, 0}, {3, 0}};
      double[][] got = sortedValues(r);
      for (int j = 0; j < 5; j++) {
        assertEquals(want[j][0], got[j][0], 1e-12, "re " + j);
        assertEquals(want[j][1], got[j][1], 1e-12, "im " + j);
      }
      checkEigenpairs(a, r, 1e-12);
      checkConventions(r);
    });
  }

  @Test
  void eigOfRotationBlocksOnLapackSizes() {
    // 40×40 block diagonal of rotations by θ_k = 0.1 (k + 1), hidden by an orthogonal similarity
    // Q B Qᵀ: the eigenvalues are cos θ_k ± i sin θ_k
    int n = 40;
    double[] b = new double[n * n];
    for (int k = 0; k < n / 2; k++) {
      double t = 0.1 * (k + 1);
      int i = 2 * k;
      b[i * n + i] = Math.cos(t);
      b[i * n + i + 1] = -Math.sin(t);
      b[(i + 1) * n + i] = Math.sin(t);
      b[(i + 1) * n + i + 1] = Math.cos(t);
    }
    Tensor q = get(Decompositions.qr(Random.randn(new int[] {n, n}, new Rng(7))), "q");
    Tensor a = mm(mm(q, Tensor.wrap(new int[] {n, n}, b)), tr(q));
    onBothPaths(() -> {
      Map<String, Object> r = Decompositions.eig(a);
      double[][] got = sortedValues(r);
      double[][] want = new double[n][];
      for (int k = 0; k < n / 2; k++) {
        double t = 0.1 * (k + 1);
        want[2 * k] = new double[] {Math.cos(t), -Math.sin(t)};
        want[2 * k + 1] = new double[] {Math.cos(t), Math.sin(t)};
      }
      java.util.Arrays.sort(want, (x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
      for (int j = 0; j < n; j++) {
        assertEquals(want[j][0], got[j][0], 1e-12, "re " + j);
        assertEquals(want[j][1], got[j][1], 1e-12, "im " + j);
      }
      checkEigenpairs(a, r, 1e-12);
      checkConventions(r);
    });
  }

  @Test
  void eigOfATriangularMatrixIsItsDiagonalOnLapackSizes() {
    int n = 50;
    Tensor u = Random.randn(new int[] {n, n}, new Rng(11));
    double[] d = u.toArray();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        d[i * n + j] = 0;
      }
      d[i * n + i] = i + 1; // distinct, well separated
    }
    Tensor a = Tensor.wrap(new int[] {n, n}, d);
    onBothPaths(() -> {
      Map<String, Object> r = Decompositions.eig(a);
      double[][] got = sortedValues(r);
      for (int j = 0; j < n; j++) {
        assertEquals(j + 1, got[j][0], 1e-9, "re " + j);
        assertEquals(0, got[j][1], 0, "im " + j);
      }
      checkEigenpairs(a, r, 1e-9);
      checkConventions(r);
    });
  }

  @Test
  void eigOfRandomMatricesOnLapackSizes() {
    for (int n : new int[] {33, 80}) {
      Tensor a = Random.randn(new int[] {n, n}, new Rng(n));
      onBothPaths(() -> {
        Map<String, Object> r = Decompositions.eig(a);
        checkEigenpairs(a, r, 1e-10);
        checkConventions(r);
        double sum = 0;
        double isum = 0;
        for (int j = 0; j < n; j++) {
          sum += re(get(r, "values")).at(j);
          isum += im(get(r, "values")).at(j);
        }
        assertEquals(Linalg.trace(a), sum, 1e-10 * n);
        assertEquals(0, isum, 0);
      });
    }
  }
}
