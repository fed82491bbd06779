package dev.exp.tensor.blas;

/**
 * The pure-Java complex product on interleaved (re, im) row-major storage: C[i0..i1) += A[i0..i1) · B,
 * A m×k (row i at ao + 2·i·k), B k×n (row p at bo + 2·p·n), C m×n (row i at co + 2·i·n); blocked over k.
 */
final class ComplexGemm {
  private ComplexGemm() {}

  private static final int KC = 128;

  static void gemm(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int n, int i0, int i1) {
    for (int k0 = 0; k0 < k; k0 += KC) {
      int k1 = Math.min(k, k0 + KC);
      for (int i = i0; i < i1; i++) {
        int cr = co + 2 * i * n;
        int ar = ao + 2 * i * k;
        for (int p = k0; p < k1; p++) {
          double xr = a[ar + 2 * p];
          double xi = a[ar + 2 * p + 1];
          int br = bo + 2 * p * n;
          for (int j = 0; j < 2 * n; j += 2) {
            double yr = b[br + j];
            double yi = b[br + j + 1];
            c[cr + j] += xr * yr - xi * yi;
            c[cr + j + 1] += xr * yi + xi * yr;
          }
        }
      }
    }
  }
}
