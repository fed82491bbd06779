package dev.exp.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.exp.kernel.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every backend (native, Java scalar, Java Vector API) against naive triple loops. */
class BlasTest {
  private static final int[][] SIZES = {
      {1, 1, 1}, {1, 7, 1}, {7, 1, 1}, {1, 1, 9}, {1, 13, 11}, {13, 1, 11}, {13, 11, 1}, {2, 3, 4},
      {5, 17, 3}, {17, 19, 23}, {6, 16, 16}, {7, 33, 65}, {31, 97, 129}, {100, 1, 300}, {64, 300, 1},
      {97, 257, 70}, {130, 70, 513}, {200, 300, 100}, {300, 1, 257}, {700, 1, 100}, {9, 1, 67}};

  @AfterEach
  void reset() {
    Blas.stepOverride = 0;
  }

  static List<BlasBackend> backends() {
    List<BlasBackend> out = new ArrayList<>();
    if (Blas.backend().isNative()) {
      out.add(Blas.backend());
      out.add(NativeBlas.load(false));   // the copying path, which complex and transposed products keep
    }
    out.add(new JavaBlas(false, null));
    if (dev.exp.kernel.VectorImpl.modulePresent()) {
      out.add(new JavaBlas(true, null));
    }
    return out;
  }

  static double[] randn(Random r, int n) {
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = r.nextGaussian();
    }
    return d;
  }

  /** op(A)·op(B) by the definition, with A stored m×k (k×m if ta) and B k×n (n×k if tb). */
  static double[] naive(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b) {
    double[] c = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }

  static void near(double[] want, double[] got, int off, double tol, String what) {
    for (int i = 0; i < want.length; i++) {
      double w = want[i];
      double g = got[off + i];
      if (!(Math.abs(w - g) <= tol * (1 + Math.abs(w)))) {
        throw new AssertionError(what + ": element " + i + " expected " + w + " got " + g);
      }
    }
  }

  @Test
  void dgemmEveryBackendAgainstNaive() {
    Random r = new Random(11);
    for (BlasBackend be : backends()) {
      for (int[] s : SIZES) {
        int m = s[0];
        int n = s[1];
        int k = s[2];
        for (int t = 0; t < 4; t++) {
          boolean ta = (t & 1) != 0;
          boolean tb = (t & 2) != 0;
          double[] a = randn(r, m * k + 3);
          double[] b = randn(r, k * n + 5);
          double[] want = naive(ta, tb, m, n, k, java.util.Arrays.copyOfRange(a, 3, 3 + m * k),
              java.util.Arrays.copyOfRange(b, 5, 5 + k * n));
          double[] c = new double[m * n + 2];
          java.util.Arrays.fill(c, Double.NaN); // C is overwritten, not accumulated into
          be.dgemm(ta, tb, m, n, k, a, 3, b, 5, c, 1, 0, m);
          near(want, c, 1, 1e-12, be.describe() + " " + java.util.Arrays.toString(s) + " ta=" + ta + " tb=" + tb);
          assertTrue(Double.isNaN(c[0]) && Double.isNaN(c[m * n + 1]), "writes stay inside C");
        }
      }
    }
  }

  @Test
  void rowRangesComputeOnlyThoseRows() {
    Random r = new Random(12);
    int m = 50;
    int n = 40;
    int k = 30;
    double[] a = randn(r, m * k);
    double[] b = randn(r, k * n);
    for (BlasBackend be : backends()) {
      for (boolean ta : new boolean[] {false, true}) {
        double[] want = naive(ta, false, m, n, k, a, b);
        double[] c = new double[m * n];
        java.util.Arrays.fill(c, -7);
        be.dgemm(ta, false, m, n, k, a, 0, b, 0, c, 0, 10, 23);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double expect = i >= 10 && i < 23 ? want[i * n + j] : -7;
            assertEquals(expect, c[i * n + j], 1e-12 * (1 + Math.abs(expect)), be.describe() + " row " + i);
          }
        }
      }
    }
  }

  @Test
  void knownSmallProduct() {
    for (BlasBackend be : backends()) {
      double[] c = new double[6];
      // [[1, 2], [3, 4], [5, 6]] @ [[1, 0], [0, -1]] = [[1, -2], [3, -4], [5, -6]]
      be.dgemm(false, false, 3, 2, 2, new double[] {1, 2, 3, 4, 5, 6}, 0, new double[] {1, 0, 0, -1}, 0, c, 0, 0, 3);
      assertEquals(List.of(1.0, -2.0, 3.0, -4.0, 5.0, -6.0), box(c), be.describe());
    }
  }

  @Test
  void facadeEmptyShapes() {
    double[] c = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    Blas.dgemm(false, false, 2, 3, 0, new double[0], 0, new double[0], 0, c, 0);
    assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0), box(c), "k = 0 gives zeros");
    double[] d = {5};
    Blas.dgemm(false, false, 0, 3, 4, new double[0], 0, new double[12], 0, d, 0);
    Blas.dgemm(false, false, 3, 0, 4, new double[12], 0, new double[0], 0, d, 0);
    assertEquals(5, d[0], "nothing written for an empty C");
    double[] z = {Double.NaN, Double.NaN};
    Blas.zgemm(1, 1, 0, new double[0], 0, new double[0], 0, z, 0);
    assertEquals(List.of(0.0, 0.0), box(z));
    assertThrows(IllegalArgumentException.class, () -> Blas.dgemm(false, false, -1, 1, 1, d, 0, d, 0, d, 0));
  }

  static double[] naiveComplex(int m, int n, int k, double[] a, double[] b) {
    double[] c = new double[2 * m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sr = 0;
        double si = 0;
        for (int p = 0; p < k; p++) {
          double xr = a[2 * (i * k + p)];
          double xi = a[2 * (i * k + p) + 1];
          double yr = b[2 * (p * n + j)];
          double yi = b[2 * (p * n + j) + 1];
          sr += xr * yr - xi * yi;
          si += xr * yi + xi * yr;
        }
        c[2 * (i * n + j)] = sr;
        c[2 * (i * n + j) + 1] = si;
      }
    }
    return c;
  }

  @Test
  void zgemmEveryBackendAgainstNaive() {
    Random r = new Random(13);
    for (BlasBackend be : backends()) {
      for (int[] s : SIZES) {
        int m = s[0];
        int n = s[1];
        int k = s[2];
        double[] a = randn(r, 2 * m * k + 2);
        double[] b = randn(r, 2 * k * n + 4);
        double[] want = naiveComplex(m, n, k, java.util.Arrays.copyOfRange(a, 2, a.length),
            java.util.Arrays.copyOfRange(b, 4, b.length));
        double[] c = new double[2 * m * n + 2];
        java.util.Arrays.fill(c, Double.NaN);
        be.zgemm(m, n, k, a, 2, b, 4, c, 2, 0, m);
        near(want, c, 2, 1e-12, "zgemm " + be.describe() + " " + java.util.Arrays.toString(s));
      }
    }
  }

  @Test
  void zgemmClosedForm() {
    for (BlasBackend be : backends()) {
      double[] c = new double[4];
      // [1+2i, i] @ [[3+4i, 1], [2, -i]] = [(1+2i)(3+4i) + 2i, (1+2i) + i(-i)] = [-5+12i, 2+2i]
      be.zgemm(1, 2, 2, new double[] {1, 2, 0, 1}, 0, new double[] {3, 4, 1, 0, 2, 0, 0, -1}, 0, c, 0, 0, 1);
      assertEquals(List.of(-5.0, 12.0, 2.0, 2.0), box(c), be.describe());
    }
  }

  @Test
  void blocksPollBetweenRowBlocksAndGiveTheSameProduct() {
    Random r = new Random(14);
    int m = 37;
    int n = 21;
    int k = 19;
    double[] a = randn(r, m * k);
    double[] b = randn(r, k * n);
    double[] want = naive(false, true, m, n, k, a, b);
    Blas.stepOverride = 5;
    AtomicInteger polls = new AtomicInteger();
    double[] c = new double[m * n];
    Blas.dgemm(false, true, m, n, k, a, 0, b, 0, c, 0, polls::incrementAndGet);
    near(want, c, 0, 1e-12, "blocked dgemm");
    assertEquals(7, polls.get(), "8 blocks of up to 5 rows, a poll between each two");
    for (boolean ta : new boolean[] {false, true}) { // B copied once for all blocks; Aᵀ read in place
      double[] aa = ta ? randn(r, k * m) : a;
      double[] cc = new double[m * n];
      AtomicInteger taPolls = new AtomicInteger();
      Blas.dgemm(ta, false, m, n, k, aa, 0, b, 0, cc, 0, taPolls::incrementAndGet);
      near(naive(ta, false, m, n, k, aa, b), cc, 0, 1e-12, "blocked dgemm, ta = " + ta);
      // a transposed A on the zero-copy path is blocked along k instead of rows: it still polls
      assertTrue(taPolls.get() >= 5, "polls between blocks, ta = " + ta + ": " + taPolls.get());
    }
    double[] za = randn(r, 2 * m * k);
    double[] zb = randn(r, 2 * k * n);
    double[] zc = new double[2 * m * n];
    polls.set(0);
    Blas.zgemm(m, n, k, za, 0, zb, 0, zc, 0, polls::incrementAndGet);
    near(naiveComplex(m, n, k, za, zb), zc, 0, 1e-12, "blocked zgemm");
    assertEquals(7, polls.get());
    RuntimeException stop = new RuntimeException("stop");
    assertThrows(RuntimeException.class, () -> Blas.dgemm(false, false, m, n, k, a, 0, a, 0, c, 0, () -> {
      throw stop;
    }));
  }

  @Test
  void blockSizeFollowsTheWorkPerRow() {
    BlasBackend java = new JavaBlas(false, null);
    int rows = Blas.rowsPerBlock(java, 2L * 1024 * 1024, 1_000_000);
    assertTrue(rows >= 10 && rows <= 1000, "rows per 50 ms block of a 1024-wide product: " + rows);
    assertEquals(3, Blas.rowsPerBlock(java, 2L * 1024 * 1024, 3), "never more than m");
    assertEquals((rows + 2) / 2, Blas.rowsPerBlock(java, 2L * 1024 * 1024, rows + 1), "equal blocks, no 1-row tail");
    assertEquals(1, Blas.rowsPerBlock(java, Long.MAX_VALUE / 4, 10), "at least one row");
  }

  @Test
  void propertyForcesTheJavaBackend() {
    BlasBackend be = Blas.choose("java");
    assertInstanceOf(JavaBlas.class, be);
    assertFalse(be.isNative());
    assertTrue(be.describe().startsWith("pure Java (") && be.describe().contains("forced by -Dexp.blas=java"),
        be.describe());
  }

  @Test
  void nativeLoadsOnLinuxX8664AndFollowsTheThreadBudget() {
    assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").matches("amd64|x86_64"), "natives are bundled for linux-x86_64 only");
    BlasBackend be = Blas.choose(null);
    assertTrue(be.isNative(), be.describe());
    // zero-copy: the bundled OpenBLAS reached through the array-pinning binding (CriticalBlas)
    assertTrue(be.describe().matches("OpenBLAS \\d+\\.\\d+\\.\\d+ \\(native, \\d+ threads, zero-copy\\)"), be.describe());
    double[] c = new double[4];
    Parallel.withThreads(1, () -> {
      be.dgemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, 0, new double[] {1, 1, 1, 1}, 0, c, 0, 0, 2);
      assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads());
      return null;
    });
    assertEquals(List.of(3.0, 3.0, 7.0, 7.0), box(c));
    Parallel.withThreads(2, () -> {
      be.dgemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, 0, new double[] {1, 1, 1, 1}, 0, c, 0, 0, 2);
      assertEquals(2, org.bytedeco.openblas.global.openblas.blas_get_num_threads());
      return null;
    });
  }

  private static List<Double> box(double[] d) {
    List<Double> l = new ArrayList<>();
    for (double v : d) {
      l.add(v);
    }
    return l;
  }

  /** The scalar emulation of the Vector API matrix × vector kernel gives its bits (so the warm-up switch is invisible). */
  @Test
  void scalarGemvEmulationGivesTheVectorKernelsBits() {
    assumeTrue(dev.exp.kernel.VectorImpl.modulePresent(), "needs jdk.incubator.vector");
    Random r = new Random(21);
    int lanes = VectorGemm.lanes();
    for (int k : new int[] {0, 1, 3, lanes - 1, lanes, lanes + 1, 4 * lanes - 1, 4 * lanes, 4 * lanes + 3, 9 * lanes + 5, 257}) {
      int rows = 7;
      double[] a = randn(r, rows * k + 3);
      double[] x = randn(r, k + 2);
      double[] cv = randn(r, rows + 1);
      double[] cs = cv.clone();
      double[] c0 = cv.clone();
      VectorGemm.gemv(a, 3, x, 2, cv, 1, k, 0, rows);
      ScalarGemm.gemvLanes(a, 3, x, 2, cs, 1, k, 0, rows, lanes);
      for (int i = 0; i < cv.length; i++) {
        assertEquals(Double.doubleToRawLongBits(cv[i]), Double.doubleToRawLongBits(cs[i]), "k = " + k + ", row " + i);
      }
      double[] want = new double[rows]; // and both are the product, to rounding
      for (int i = 0; i < rows; i++) {
        for (int p = 0; p < k; p++) {
          want[i] += a[3 + i * k + p] * x[2 + p];
        }
        assertEquals(want[i], cs[1 + i] - c0[1 + i], 1e-12 * (1 + k));
      }
    }
  }
}
