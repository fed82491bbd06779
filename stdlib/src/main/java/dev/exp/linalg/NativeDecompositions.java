package dev.exp.linalg;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.blas.Lapack;
import org.ejml.data.DMatrixRMaj;

/**
 * The LAPACK side of {@link Decompositions}, used when {@link dev.exp.tensor.blas.Blas#isNative()}:
 * results in the same layout and conventions as the EJML path (inputs are finite copies and may be
 * overwritten; the kernels check shapes and symmetry before calling).
 */
final class NativeDecompositions {
  private NativeDecompositions() {}

  /** Reduced QR of a matrix with k = min(m, n) >= 1: {q (m×k), r (k×n, zero below the diagonal)}. */
  static Tensor[] qr(DMatrixRMaj a) {
    int m = a.numRows;
    int n = a.numCols;
    int k = Math.min(m, n);
    double[] f = a.data.length == m * n ? a.data : java.util.Arrays.copyOf(a.data, m * n);
    double[] tau = new double[k];
    check(Lapack.dgeqrf(m, n, f, tau), "linalg.qr", "dgeqrf", m, n);
    double[] r = new double[k * n];
    for (int i = 0; i < k; i++) {
      System.arraycopy(f, i * n + i, r, i * n + i, n - i);
    }
    double[] q = new double[m * k];
    for (int i = 0; i < m; i++) {
      System.arraycopy(f, i * n, q, i * k, k);
    }
    check(Lapack.dorgqr(m, k, q, tau), "linalg.qr", "dorgqr", m, n);
    return new Tensor[] {Tensor.wrap(new int[] {m, k}, q), Tensor.wrap(new int[] {k, n}, r)};
  }

  /** Lower Cholesky factor of a symmetric n×n matrix (n >= 1), upper part zero; null if not positive definite. */
  static DMatrixRMaj choleskyLower(DMatrixRMaj a) {
    int n = a.numRows;
    double[] f = java.util.Arrays.copyOf(a.data, n * n);
    int info = Lapack.dpotrfLower(n, f);
    if (info > 0) {
      return null;
    }
    check(info, "linalg.cholesky", "dpotrf", n, n);
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(f, i * n + i + 1, i * n + n, 0.0);
    }
    return DMatrixRMaj.wrap(n, n, f);
  }

  /** SVD (dgesdd) of an m×n matrix with min(m, n) >= 1, as {@link Decompositions#svdOf}. */
  static Decompositions.Svd svd(DMatrixRMaj a, boolean vectors, boolean full) {
    int m = a.numRows;
    int n = a.numCols;
    int k = Math.min(m, n);
    double[] f = java.util.Arrays.copyOf(a.data, m * n);
    double[] s = new double[k];
    char job = !vectors ? 'N' : full ? 'A' : 'S';
    int ucols = full ? m : k;
    int vrows = full ? n : k;
    double[] u = vectors ? new double[m * ucols] : null;
    double[] vt = vectors ? new double[vrows * n] : null;
    int info = Lapack.dgesdd(job, m, n, f, s, u, vt);
    if (info > 0) {
      throw KernelException.of("linalg.svd: the SVD of a matrix of shape [%d, %d] did not converge", m, n);
    }
    check(info, "linalg.svd", "dgesdd", m, n);
    if (!vectors) {
      return new Decompositions.Svd(s, null, null);
    }
    double[] v = new double[n * vrows]; // V = vtᵀ, n×vrows
    for (int i = 0; i < vrows; i++) {
      for (int j = 0; j < n; j++) {
        v[j * vrows + i] = vt[i * n + j];
      }
    }
    return new Decompositions.Svd(s, DMatrixRMaj.wrap(m, ucols, u), DMatrixRMaj.wrap(n, vrows, v));
  }

  /** Symmetric eigen-decomposition (dsyevd) of an n×n matrix, n >= 1: w ascending, vec[i·n + j] = component i of vector j. */
  static void eigh(DMatrixRMaj a, double[] w, double[] vec) {
    int n = a.numRows;
    System.arraycopy(a.data, 0, vec, 0, n * n);
    int info = Lapack.dsyevd(n, vec, w);
    if (info > 0) {
      throw KernelException.of("linalg.eigh: the eigen-decomposition of A (shape [%d, %d]) did not converge", n, n);
    }
    check(info, "linalg.eigh", "dsyevd", n, n);
  }

  private static void check(int info, String fn, String routine, int m, int n) {
    if (info != 0) {
      throw KernelException.of("%s: LAPACK %s failed on a matrix of shape [%d, %d] (info %d)", fn, routine, m, n, info);
    }
  }
}
