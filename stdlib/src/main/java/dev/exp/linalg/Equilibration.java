package dev.exp.linalg;

/**
 * Row and column equilibration by powers of two (LAPACK's dgeequb): R A C with each row of A, then
 * each column of R A, scaled so that its largest magnitude lies in [1, 2). Powers of two change only
 * exponents, so the scaled matrix carries no rounding error and x = C y solves A x = b exactly when y
 * solves (R A C) y = R b.
 */
final class Equilibration {
  private Equilibration() {}

  /** Scales the row-major n×n {@code a} in place; fills the row scalings {@code r} and column scalings {@code c}. */
  static void scale(double[] a, int n, double[] r, double[] c) {
    for (int i = 0; i < n; i++) {
      double max = 0;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, Math.abs(a[i * n + j]));
      }
      r[i] = reciprocalPowerOfTwo(max);
      for (int j = 0; j < n; j++) {
        a[i * n + j] *= r[i];
      }
    }
    for (int j = 0; j < n; j++) {
      double max = 0;
      for (int i = 0; i < n; i++) {
        max = Math.max(max, Math.abs(a[i * n + j]));
      }
      c[j] = reciprocalPowerOfTwo(max);
      for (int i = 0; i < n; i++) {
        a[i * n + j] *= c[j];
      }
    }
  }

  /**
   * 2^-e where 2^e <= v < 2^(e+1), within the exponents whose scaling never overflows or underflows
   * to zero; 1 for v = 0 (a zero row or column stays zero and the matrix is singular).
   */
  static double reciprocalPowerOfTwo(double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      return 1;
    }
    int e = Math.getExponent(v);
    if (e < Double.MIN_EXPONENT) {   // subnormal
      e = Math.getExponent(v * 0x1p54) - 54;
    }
    return Math.scalb(1.0, Math.max(-1000, Math.min(1000, -e)));
  }
}
