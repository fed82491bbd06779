package dev.exp.linalg;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Stoppable;
import dev.exp.tensor.blas.Blas;
import dev.exp.tensor.blas.Lapack;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;

/**
 * An LU factorisation with partial pivoting, PA = LU with (PA)[i] = A[piv[i]], plus the solves (with A
 * and with Aᵀ) and the reciprocal condition estimate that the kernels need. LAPACK's dgetrf computes it
 * when the native BLAS is active and n >= {@link Blas#LAPACK_MIN}, EJML otherwise.
 *
 * <p>On the LAPACK path the factor is that of Aᵀ (LAPACK reads the row-major A column-major, which
 * saves the two transposed copies row-major LAPACKE makes per call): {@code lu} read row-major is then
 * Aᵀ's factor transposed and {@code piv} permutes Aᵀ's rows. Its diagonal (U's) and the parity of
 * {@code piv} are those of a factor of A, so {@link #det()} and the diagonal tests hold either way;
 * solves and the condition estimate go through LAPACK's transposed routines, never the Java loops.
 */
final class LuFactor {
  final int n;
  final double[] lu; // row-major n×n: unit-lower L below the diagonal, U on and above
  final int[] piv;
  final double norm1; // ||A||_1
  private final int[] ipiv; // LAPACK's interchanges when dgetrf made the factor, else null

  private LuFactor(int n, double[] lu, int[] piv, double norm1, int[] ipiv) {
    this.n = n;
    this.lu = lu;
    this.piv = piv;
    this.norm1 = norm1;
    this.ipiv = ipiv;
  }

  /** Factors a, which the caller hands over (it may be overwritten). */
  static LuFactor of(DMatrixRMaj a) {
    int n = a.numRows;
    double[] colSums = new double[n];
    double[] d = a.data;
    for (int i = 0; i < n; i++) {
      int r = i * n;
      for (int j = 0; j < n; j++) {
        colSums[j] += Math.abs(d[r + j]);
      }
    }
    double norm1 = 0;
    for (double s : colSums) {
      norm1 = Math.max(norm1, s);
    }
    if (n > 0 && Blas.lapackFor(n)) {
      double[] lu = d.length == n * n ? d : java.util.Arrays.copyOf(d, n * n);
      int[] ipiv = new int[n];
      int info = Lapack.dgetrfTransposed(n, lu, ipiv);
      if (info < 0) {
        throw new KernelException("LU decomposition failed (dgetrf info " + info + ")");
      }
      // info > 0: U has an exact zero on its diagonal; the factorisation is complete (exactlySingular sees it)
      return new LuFactor(n, lu, Mat.permutation(ipiv, n), norm1, ipiv);
    }
    LUDecompositionAlt_DDRM dec = new LUDecompositionAlt_DDRM();
    if (!Stoppable.call((long) n * n * n, () -> dec.decompose(a))) {
      throw new KernelException("LU decomposition failed");
    }
    DMatrixRMaj m = dec.getLU();
    double[] lu = java.util.Arrays.copyOf(m.data, n * n);
    int[] piv = java.util.Arrays.copyOf(dec.getPivot(), n);
    return new LuFactor(n, lu, piv, norm1, null);
  }

  boolean exactlySingular() {
    for (int i = 0; i < n; i++) {
      double u = lu[i * n + i];
      if (u == 0 || !Double.isFinite(u)) {
        return true;
      }
    }
    return false;
  }

  /** Sign of the permutation times the product of U's diagonal. */
  double det() {
    double d = 1;
    for (int i = 0; i < n; i++) {
      d *= lu[i * n + i];
    }
    boolean[] seen = new boolean[n];
    int sign = 1;
    for (int i = 0; i < n; i++) {
      if (!seen[i]) {
        int len = 0;
        for (int j = i; !seen[j]; j = piv[j]) {
          seen[j] = true;
          len++;
        }
        if (len % 2 == 0) {
          sign = -sign;
        }
      }
    }
    return sign * d;
  }

  /** Solves A x = b in place of a copy of b. */
  private double[] solve(double[] b) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = b[piv[i]];
    }
    for (int i = 0; i < n; i++) {
      double s = x[i];
      int r = i * n;
      for (int k = 0; k < i; k++) {
        s -= lu[r + k] * x[k];
      }
      x[i] = s;
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      int r = i * n;
      for (int k = i + 1; k < n; k++) {
        s -= lu[r + k] * x[k];
      }
      x[i] = s / lu[r + i];
    }
    return x;
  }

  /** Solves A X = B for the n×k matrix b (row-major), returning X. */
  double[] solveMatrix(double[] b, int k) {
    if (n == 0 || k == 0) {
      return new double[n * k];
    }
    if (ipiv != null) {
      double[] x = java.util.Arrays.copyOf(b, n * k);
      int info = Lapack.dgetrsTransposed(n, k, lu, ipiv, x);
      if (info != 0) {
        throw new KernelException("LU solve failed (dgetrs info " + info + ")");
      }
      return x;
    }
    double[] out = new double[n * k];
    double[] col = new double[n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = b[i * k + j];
      }
      double[] x = solve(col);
      for (int i = 0; i < n; i++) {
        out[i * k + j] = x[i];
      }
    }
    return out;
  }

  /** Solves Aᵀ x = c. */
  private double[] solveTransposed(double[] c) {
    double[] y = c.clone();
    for (int i = 0; i < n; i++) { // Uᵀ y = c (forward)
      double s = y[i];
      for (int k = 0; k < i; k++) {
        s -= lu[k * n + i] * y[k];
      }
      y[i] = s / lu[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) { // Lᵀ z = y (backward, unit diagonal)
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= lu[k * n + i] * y[k];
      }
      y[i] = s;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[piv[i]] = y[i];
    }
    return x;
  }

  /** Reciprocal 1-norm condition number estimate (Hager / Higham, as LAPACK's dgecon). */
  double rcondEstimate() {
    if (n == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (exactlySingular() || norm1 == 0) {
      return 0;
    }
    if (ipiv != null) { // LAPACK's estimator (the same Hager / Higham method) on the native factor
      double[] rc = new double[1];
      int info = Lapack.dgeconTransposed(n, lu, norm1, rc);
      if (info != 0) {
        throw new KernelException("condition estimate failed (dgecon info " + info + ")");
      }
      return rc[0];
    }
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1.0 / n);
    double est = 0;
    for (int iter = 0; iter < 5; iter++) {
      double[] y = solve(x);
      double e = 0;
      for (double v : y) {
        e += Math.abs(v);
      }
      if (iter > 0 && e <= est) {
        break;
      }
      est = e;
      double[] xi = new double[n];
      for (int i = 0; i < n; i++) {
        xi[i] = y[i] >= 0 ? 1 : -1;
      }
      double[] z = solveTransposed(xi);
      int j = 0;
      double zx = 0;
      for (int i = 0; i < n; i++) {
        if (Math.abs(z[i]) > Math.abs(z[j])) {
          j = i;
        }
        zx += z[i] * x[i];
      }
      if (iter > 0 && Math.abs(z[j]) <= zx) {
        break;
      }
      java.util.Arrays.fill(x, 0);
      x[j] = 1;
    }
    // Higham's extra test vector
    double[] alt = new double[n];
    for (int i = 0; i < n; i++) {
      alt[i] = (i % 2 == 0 ? 1 : -1) * (1 + (n > 1 ? (double) i / (n - 1) : 0));
    }
    double[] y = solve(alt);
    double e2 = 0;
    for (double v : y) {
      e2 += Math.abs(v);
    }
    est = Math.max(est, 2 * e2 / (3 * n));
    if (!Double.isFinite(est)) {
      return 0;
    }
    return 1 / (norm1 * est);
  }

  /** Fails with the "singular" message when rcond is below machine epsilon. */
  static void requireNonsingular(double rcond, String fn, String arg, int n) {
    if (!(rcond >= Mat.EPS)) {
      throw KernelException.of("%s: %s (shape [%d, %d]) is singular (or nearly: rcond = %s)", fn, arg, n, n,
          dev.exp.kernel.Numbers.significant(rcond, 2));
    }
  }
}
