package dev.exp.tensor.blas;

import dev.exp.kernel.Parallel;
import dev.exp.kernel.Stoppable;
import java.util.function.IntSupplier;
import org.bytedeco.openblas.global.openblas;

/**
 * LAPACK (through LAPACKE, row-major) from the same native OpenBLAS as {@link Blas}; callable only when
 * {@link Blas#isNative()} is true. Matrices are row-major {@code double[]} with tight leading dimensions
 * and are overwritten as LAPACK documents; each method returns LAPACK's {@code info} (0: success,
 * &lt; 0: bad argument, &gt; 0: routine-specific failure such as "not positive definite"). Calls run on
 * the calling thread's kernel thread budget.
 *
 * <p>OpenBLAS's multi-threaded dgetrf keeps per-thread job tables on the caller's stack: more than the
 * 1-4 MB of a default Java thread stack, which crashes the JVM (measured; the other routines here ran
 * on a 512 KB stack, and {@code SmallStackTest} checks every one). So with a budget above one thread,
 * dgetrf runs on a {@link Stoppable} pool thread, which has a 64 MB stack. So does every decomposition
 * from {@value Stoppable#WORK} multiply-adds, whatever its threads, so that the caller can poll its limits
 * while it waits; shorter calls run on the caller's thread (a hand-off costs a scheduling delay on a
 * busy machine). Every call is counted in {@link NativeCalls}: the process exit waits for one that a
 * limit abandoned, since OpenBLAS can hang at exit otherwise.
 */
public final class Lapack {
  private Lapack() {}

  private static final int ROW = openblas.LAPACK_ROW_MAJOR;
  private static final int COL = openblas.LAPACK_COL_MAJOR;

  /** Runs one short LAPACKE call (a triangular solve, a condition estimate) on the calling thread. */
  private static int call(IntSupplier body) {
    if (!Blas.isNative()) {
      throw new IllegalStateException("LAPACK needs the native BLAS backend, which is not active: " + Blas.describe());
    }
    NativeBlas.syncThreads();
    return counted(body);
  }

  /** Runs {@code body}, counted as a native call in progress ({@link NativeCalls}: the exit waits for it). */
  private static int counted(IntSupplier body) {
    NativeCalls.enter();
    try {
      return body.getAsInt();
    } finally {
      NativeCalls.exit();
    }
  }

  /**
   * Runs one decomposition of about {@code work} multiply-adds: a long one through {@link Stoppable}
   * (on a big-stack pool thread while the calling thread polls the evaluation's limits), so a deadline,
   * cancel or interrupt stops the kernel at once; the abandoned native call finishes in the background.
   */
  private static int decompose(long work, IntSupplier body) {
    return decompose(work, false, body);
  }

  /** As {@link #decompose(long, IntSupplier)}; {@code bigStack}: multi-threaded, it needs the big stack (dgetrf). */
  private static int decompose(long work, boolean bigStack, IntSupplier body) {
    if (!Blas.isNative()) {
      throw new IllegalStateException("LAPACK needs the native BLAS backend, which is not active: " + Blas.describe());
    }
    NativeBlas.syncThreads();
    if (work < Stoppable.WORK && (Parallel.threads() == 1 || !bigStack)) {
      return counted(body);
    }
    return Stoppable.detached(() -> counted(body));
  }

  /** LU with partial pivoting of the m×n matrix a (dgetrf); ipiv (min(m, n), 1-based) as LAPACK returns it. */
  public static int dgetrf(int m, int n, double[] a, int[] ipiv) {
    return decompose((long) m * n * Math.min(m, n), true, () -> openblas.LAPACKE_dgetrf(ROW, m, n, a, Math.max(1, n), ipiv));
  }

  /**
   * LU with partial pivoting (dgetrf) of Aᵀ, where a holds the n×n matrix A row-major: LAPACK reads the
   * same array column-major, so no transposed copy is made (row-major LAPACKE would make two). On return
   * a holds the factor of Aᵀ = P L U column-major and ipiv its 1-based interchanges. Pass both to
   * {@link #dgetrsTransposed} and {@link #dgeconTransposed}.
   */
  public static int dgetrfTransposed(int n, double[] a, int[] ipiv) {
    return decompose((long) n * n * n, true, () -> openblas.LAPACKE_dgetrf(COL, n, n, a, Math.max(1, n), ipiv));
  }

  /**
   * Solves A X = B with the factor of Aᵀ from {@link #dgetrfTransposed} (dgetrs with trans = 'T'); b is
   * n×nrhs row-major and is overwritten by X.
   */
  public static int dgetrsTransposed(int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
    if (nrhs == 1) {
      return call(() -> openblas.LAPACKE_dgetrs(COL, (byte) 'T', n, 1, lu, Math.max(1, n), ipiv, b, Math.max(1, n)));
    }
    double[] cols = Transpose.of(b, 0, n, nrhs); // column-major n×nrhs
    int info = call(() -> openblas.LAPACKE_dgetrs(COL, (byte) 'T', n, nrhs, lu, Math.max(1, n), ipiv, cols,
        Math.max(1, n)));
    System.arraycopy(Transpose.of(cols, 0, nrhs, n), 0, b, 0, n * nrhs);
    return info;
  }

  /**
   * Reciprocal 1-norm condition number estimate of A (dgecon) from the factor of Aᵀ made by
   * {@link #dgetrfTransposed}, given anorm = ||A||_1 (the ∞-norm of Aᵀ, which is what LAPACK estimates
   * on that factor); the estimate is stored in rcond[0].
   */
  public static int dgeconTransposed(int n, double[] lu, double anorm, double[] rcond) {
    return call(() -> openblas.LAPACKE_dgecon(COL, (byte) 'I', n, lu, Math.max(1, n), anorm, rcond));
  }

  /** Cholesky factor: the lower triangle of the n×n matrix a becomes L with A = L Lᵀ (dpotrf, upper part untouched). */
  public static int dpotrfLower(int n, double[] a) {
    return decompose((long) n * n * n / 3, () -> openblas.LAPACKE_dpotrf(ROW, (byte) 'L', n, a, Math.max(1, n)));
  }

  /** Householder QR of the m×n matrix a (dgeqrf): R on and above the diagonal, reflectors below, tau (min(m, n)). */
  public static int dgeqrf(int m, int n, double[] a, double[] tau) {
    return decompose((long) m * n * Math.min(m, n), () -> openblas.LAPACKE_dgeqrf(ROW, m, n, a, Math.max(1, n), tau));
  }

  /** Forms the m×k matrix Q with orthonormal columns from the first k reflectors stored in the m×k matrix q (dorgqr). */
  public static int dorgqr(int m, int k, double[] q, double[] tau) {
    return decompose((long) m * k * k, () -> openblas.LAPACKE_dorgqr(ROW, m, k, k, q, Math.max(1, k), tau));
  }

  /**
   * SVD by divide and conquer (dgesdd) of the m×n matrix a (destroyed). jobz 'N': values only; 'S': u is
   * m×min(m, n), vt min(m, n)×n; 'A': u is m×m, vt n×n. s receives the min(m, n) values, descending.
   */
  public static int dgesdd(char jobz, int m, int n, double[] a, double[] s, double[] u, double[] vt) {
    int k = Math.min(m, n);
    int ucols = jobz == 'A' ? m : jobz == 'S' ? k : 1;
    int vtcols = jobz == 'N' ? 1 : n;
    double[] uu = u == null ? new double[1] : u;
    double[] vv = vt == null ? new double[1] : vt;
    return decompose(4L * m * n * k, () -> openblas.LAPACKE_dgesdd(ROW, (byte) jobz, m, n, a, Math.max(1, n), s, uu, Math.max(1, ucols),
        vv, Math.max(1, vtcols)));
  }

  /**
   * Eigen-decomposition of the symmetric n×n matrix a (dsyevd, lower triangle read): w gets the eigenvalues
   * ascending and a the orthonormal eigenvectors as columns.
   */
  public static int dsyevd(int n, double[] a, double[] w) {
    return decompose(4L * n * n * n, () -> openblas.LAPACKE_dsyevd(ROW, (byte) 'V', (byte) 'L', n, a, Math.max(1, n), w));
  }

  /**
   * Eigenvalues and right eigenvectors of the general n×n matrix a (dgeev, a destroyed, balancing and the
   * Hessenberg QR algorithm): wr/wi get the real and imaginary parts (a complex conjugate pair is stored
   * consecutively, positive imaginary part first) and vr (n×n row-major) the eigenvectors as columns: column
   * j for a real eigenvalue j; for a pair (j, j + 1) columns j and j + 1 hold the real and imaginary parts of
   * the eigenvector of eigenvalue j (that of j + 1 is its conjugate). LAPACK scales each to unit 2-norm with
   * its largest component real. info &gt; 0: the QR algorithm did not converge.
   */
  public static int dgeev(int n, double[] a, double[] wr, double[] wi, double[] vr) {
    double[] vl = new double[1];
    return decompose(10L * n * n * n, () -> openblas.LAPACKE_dgeev(ROW, (byte) 'N', (byte) 'V', n, a, Math.max(1, n), wr, wi, vl, 1, vr,
        Math.max(1, n)));
  }
}
