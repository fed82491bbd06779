package dev.exp.tensor.blas;

/**
 * Scalar product kernels: C[i0..i1) += A[i0..i1) · B with A k columns wide (row i at ao + i·k), B
 * k×n (row p at bo + p·n) and C n wide (row i at co + i·n). {@link #gemm} packs a KC×NC panel of B
 * so the inner loop streams contiguous memory, and folds four k steps into each pass over a row of C.
 */
final class ScalarGemm {
  private ScalarGemm() {}

  static final int KC = 256;
  static final int NC = 512;

  /** The blocked, packed kernel for medium and large products. */
  static void gemm(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int n, int i0, int i1) {
    double[] bp = new double[Math.min(KC, k) * Math.min(NC, n)];
    for (int j0 = 0; j0 < n; j0 += NC) {
      int nc = Math.min(NC, n - j0);
      for (int k0 = 0; k0 < k; k0 += KC) {
        int kc = Math.min(KC, k - k0);
        for (int p = 0; p < kc; p++) {
          System.arraycopy(b, bo + (k0 + p) * n + j0, bp, p * nc, nc);
        }
        for (int i = i0; i < i1; i++) {
          panelRow(a, ao + i * k + k0, bp, kc, nc, c, co + i * n + j0);
        }
      }
    }
  }

  private static void panelRow(double[] a, int ar, double[] bp, int kc, int nc, double[] c, int cr) {
    int p = 0;
    for (; p + 3 < kc; p += 4) {
      double a0 = a[ar + p];
      double a1 = a[ar + p + 1];
      double a2 = a[ar + p + 2];
      double a3 = a[ar + p + 3];
      int p0 = p * nc;
      int p1 = p0 + nc;
      int p2 = p1 + nc;
      int p3 = p2 + nc;
      for (int j = 0; j < nc; j++) {
        c[cr + j] += a0 * bp[p0 + j] + a1 * bp[p1 + j] + a2 * bp[p2 + j] + a3 * bp[p3 + j];
      }
    }
    for (; p < kc; p++) {
      double a0 = a[ar + p];
      int p0 = p * nc;
      for (int j = 0; j < nc; j++) {
        c[cr + j] += a0 * bp[p0 + j];
      }
    }
  }

  /**
   * The unpacked i-k-j loop for small products and vector products (n = 1: one sequential dot product
   * per row; m = 1: C accumulates the rows of B in order), in the summation order of Exp's first kernel.
   */
  static void simple(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int n, int i0, int i1) {
    if (n == 1) {
      // four independent partial sums: the adds of one row overlap instead of waiting on each other
      int k4 = k - k % 4;
      for (int i = i0; i < i1; i++) {
        int ar = ao + i * k;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int p = 0;
        for (; p < k4; p += 4) {
          s0 += a[ar + p] * b[bo + p];
          s1 += a[ar + p + 1] * b[bo + p + 1];
          s2 += a[ar + p + 2] * b[bo + p + 2];
          s3 += a[ar + p + 3] * b[bo + p + 3];
        }
        double s = (s0 + s1) + (s2 + s3);
        for (; p < k; p++) {
          s += a[ar + p] * b[bo + p];
        }
        c[co + i] += s;
      }
      return;
    }
    for (int i = i0; i < i1; i++) {
      int cr = co + i * n;
      int ar = ao + i * k;
      for (int p = 0; p < k; p++) {
        double av = a[ar + p];
        int br = bo + p * n;
        for (int j = 0; j < n; j++) {
          c[cr + j] += av * b[br + j];
        }
      }
    }
  }

  /**
   * Matrix × vector in exactly the order of {@link VectorGemm#gemv} for vectors of {@code lanes}
   * lanes: element p of the first k − k mod 4·lanes goes by a fused multiply-add into accumulator
   * p mod 4·lanes, further whole vectors into the first {@code lanes}; lane j is then
   * (acc[j] + acc[lanes + j]) + (acc[2·lanes + j] + acc[3·lanes + j]), the lanes are added in order
   * from 0, and the tail follows by fused multiply-adds. So it gives the vector kernel's bits, and the
   * scalar-first switch of {@link JavaBlas} changes nothing but speed.
   */
  static void gemvLanes(double[] a, int ao, double[] x, int xo, double[] c, int co, int k, int i0, int i1,
      int lanes) {
    int step = 4 * lanes;
    int full = k - k % step;
    int vec = k - k % lanes;
    double[] acc = new double[step];
    for (int i = i0; i < i1; i++) {
      int ar = ao + i * k;
      java.util.Arrays.fill(acc, 0.0);
      int p = 0;
      for (; p < full; p += step) {
        for (int q = 0; q < step; q++) {
          acc[q] = Math.fma(a[ar + p + q], x[xo + p + q], acc[q]);
        }
      }
      for (; p < vec; p += lanes) {
        for (int q = 0; q < lanes; q++) {
          acc[q] = Math.fma(a[ar + p + q], x[xo + p + q], acc[q]);
        }
      }
      double t = 0;
      for (int j = 0; j < lanes; j++) {
        t += (acc[j] + acc[lanes + j]) + (acc[2 * lanes + j] + acc[3 * lanes + j]);
      }
      for (; p < k; p++) {
        t = Math.fma(a[ar + p], x[xo + p], t);
      }
      c[co + i] += t;
    }
  }
}
