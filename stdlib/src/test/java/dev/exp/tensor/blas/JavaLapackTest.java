package dev.exp.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * JavaLapack's DGEEV: F2J's own DGEEV below DHSEQR's crossover, and above it DGEEV's steps with DLAHQR for
 * the QR (JIT-compilable, where DLAQR5 is not). Below the crossover DHSEQR itself calls DLAHQR, so there
 * the step-by-step driver must agree with F2J's DGEEV bit for bit: that checks the driver's arguments,
 * workspace layout, scaling and normalisation against LAPACK's own.
 */
class JavaLapackTest {
  /** Column-major test matrices of order n: Gaussian, {−1, 0, 1}, triangular, tiny and huge, with a zero row. */
  static List<double[]> matrices(int n, long seed) {
    Random g = new Random(seed);
    List<double[]> out = new ArrayList<>();
    double[] gauss = new double[n * n];
    double[] ints = new double[n * n];
    double[] tri = new double[n * n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        gauss[i + j * n] = g.nextGaussian();
        ints[i + j * n] = g.nextInt(3) - 1;
        tri[i + j * n] = i <= j ? g.nextGaussian() : 0; // DGEBAL isolates every eigenvalue
      }
    }
    out.add(gauss);
    out.add(ints);
    out.add(tri);
    double[] tiny = gauss.clone();
    double[] huge = gauss.clone();
    for (int k = 0; k < n * n; k++) {
      tiny[k] *= 1e-300; // below DGEEV's smlnum: scaled up first
      huge[k] *= 1e300; // above its bignum: scaled down first
    }
    out.add(tiny);
    out.add(huge);
    double[] zeroRow = gauss.clone();
    for (int j = 0; j < n; j++) {
      zeroRow[n / 2 + j * n] = 0; // a zero row: DGEBAL permutes it out (ilo, ihi inside)
    }
    out.add(zeroRow);
    return out;
  }

  record Eig(double[] wr, double[] wi, double[] v, int info) {}

  static Eig run(int n, double[] a, boolean driver) {
    double[] f = a.clone();
    double[] wr = new double[n];
    double[] wi = new double[n];
    double[] v = new double[n * n];
    synchronized (JavaLapack.LOCK) {
      int lwork = JavaLapack.workspace(n);
      int info = driver ? JavaLapack.dgeevLahqr(n, f, wr, wi, v, new double[lwork], lwork)
          : JavaLapack.dgeevF2j(n, f, wr, wi, v, lwork);
      return new Eig(wr, wi, v, info);
    }
  }

  /** max |A v − λ v| over all eigenpairs (column-major A and VR as LAPACK packs complex pairs). */
  static double residual(int n, double[] a, Eig e) {
    double worst = 0;
    for (int j = 0; j < n; j++) {
      double[] xr = new double[n];
      double[] xi = new double[n];
      for (int i = 0; i < n; i++) {
        if (e.wi[j] == 0) {
          xr[i] = e.v[i + j * n];
        } else if (e.wi[j] > 0) {
          xr[i] = e.v[i + j * n];
          xi[i] = e.v[i + (j + 1) * n];
        } else {
          xr[i] = e.v[i + (j - 1) * n];
          xi[i] = -e.v[i + j * n];
        }
      }
      for (int i = 0; i < n; i++) {
        double ar = 0;
        double ai = 0;
        for (int k = 0; k < n; k++) {
          ar += a[i + k * n] * xr[k];
          ai += a[i + k * n] * xi[k];
        }
        ar -= e.wr[j] * xr[i] - e.wi[j] * xi[i];
        ai -= e.wr[j] * xi[i] + e.wi[j] * xr[i];
        worst = Math.max(worst, Math.hypot(ar, ai));
      }
    }
    return worst;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double x : a) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  @Test
  void theCrossoverIsDhseqrs() {
    synchronized (JavaLapack.LOCK) {
      assertEquals(75, JavaLapack.hseqrCrossover(100, JavaLapack.workspace(100))); // IPARMQ's NMIN in 3.1.1
    }
  }

  @Test
  void belowTheCrossoverTheDriverIsF2jsDgeevBitForBit() {
    for (int n : new int[] {1, 2, 3, 5, 12, 31, 50, 75}) {
      int c = 0;
      for (double[] a : matrices(n, n)) {
        Eig want = run(n, a, false);
        Eig got = run(n, a, true);
        String what = "n = " + n + ", matrix " + c++;
        assertEquals(0, want.info, what);
        assertEquals(want.info, got.info, what);
        assertArrayEquals(want.wr, got.wr, 0, what + ": wr");
        assertArrayEquals(want.wi, got.wi, 0, what + ": wi");
        assertArrayEquals(want.v, got.v, 0, what + ": vr");
      }
    }
  }

  @Test
  void aboveTheCrossoverTheDriverAgreesWithDgeev() {
    for (int n : new int[] {76, 96}) { // F2J's DGEEV, the reference here, is slow at these sizes
      List<double[]> mats = matrices(n, 1000 + n);
      for (int c = 0; c < mats.size(); c++) {
        double[] a = mats.get(c);
        String what = "n = " + n + ", matrix " + c;
        Eig want = run(n, a, false);
        Eig got = run(n, a, true);
        assertEquals(0, got.info, what);
        double norm = maxAbs(a) * n;
        assertTrue(residual(n, a, got) <= 1e-12 * norm, what + ": residual " + residual(n, a, got) / norm);
        // the spectrum DGEEV (DLAQR0) finds: both are backward stable, so they agree to the values'
        // conditioning: 1e-9 relative here, 1e-6 for the {−1, 0, 1} matrix, whose values cluster
        double tol = (c == 1 ? 1e-6 : 1e-9) * maxAbs(a);
        double worst = 0;
        boolean[] used = new boolean[n];
        for (int j = 0; j < n; j++) { // each of DGEEV's values against the nearest unmatched one of the driver
          int best = -1;
          double d = Double.POSITIVE_INFINITY;
          for (int k = 0; k < n; k++) {
            double dk = Math.hypot(want.wr[j] - got.wr[k], want.wi[j] - got.wi[k]);
            if (!used[k] && dk < d) {
              d = dk;
              best = k;
            }
          }
          used[best] = true;
          worst = Math.max(worst, d);
        }
        assertTrue(worst <= tol, what + ": eigenvalues differ by " + worst / maxAbs(a) + " relative");
        double trace = 0;
        double sum = 0;
        double isum = 0;
        for (int j = 0; j < n; j++) {
          trace += a[j + j * n];
          sum += got.wr[j];
          isum += got.wi[j];
        }
        assertEquals(trace, sum, 1e-12 * norm, what + ": sum of eigenvalues = trace");
        assertEquals(0, isum, 0, what);
      }
    }
  }

  @Test
  void rowMajorEntryPointGivesEigenvectorsOfA() {
    // not of Aᵀ: [[1, 1], [0, 1]] has the single eigenvector direction e1 (Aᵀ's is e2)
    double[] a = {1, 1, 0, 1};
    double[] wr = new double[2];
    double[] wi = new double[2];
    double[] vr = new double[4];
    assertEquals(0, JavaLapack.dgeev(2, a.clone(), wr, wi, vr));
    assertArrayEquals(new double[] {1, 1}, wr, 0);
    assertArrayEquals(new double[] {0, 0}, wi, 0);
    assertEquals(1, Math.abs(vr[0]), 0); // column 0 = ±e1
    assertEquals(0, vr[2], 0);
    assertEquals(1, Math.abs(vr[1]), 1e-15); // column 1 = ±e1 up to rounding
    assertEquals(0, vr[3], 1e-15);
    for (int n : new int[] {5, 80}) { // both branches, through the row-major entry point
      double[] m = matrices(n, 7).get(0); // read as row-major, it is just another Gaussian matrix
      double[] re = new double[n];
      double[] im = new double[n];
      double[] v = new double[n * n];
      assertEquals(0, JavaLapack.dgeev(n, m.clone(), re, im, v));
      double[] colMajorA = Transpose.of(m, 0, n, n);
      double[] colMajorV = Transpose.of(v, 0, n, n);
      assertTrue(residual(n, colMajorA, new Eig(re, im, colMajorV, 0)) <= 1e-12 * n * maxAbs(m));
    }
  }
}
