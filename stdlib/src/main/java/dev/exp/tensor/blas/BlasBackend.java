package dev.exp.tensor.blas;

/**
 * One implementation of the few BLAS routines Exp needs, on row-major {@code double[]} arrays with
 * tight leading dimensions. {@link Blas} validates arguments, handles empty shapes and splits long
 * calls into blocks; a backend only computes.
 */
interface BlasBackend {

  /**
   * C = op(A) · op(B), overwriting C (m×n at {@code co}). op(A) is m×k: A is stored m×k at {@code ao}, or k×m
   * when {@code ta}; op(B) is k×n: B is stored k×n at {@code bo}, or n×k when {@code tb}. Only rows
   * {@code i0..i1} of C are computed (so callers can split a product into row blocks). m, n, k >= 1.
   */
  void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int i0, int i1);

  /**
   * C = op(A) · op(B) as {@link #dgemm}, all m rows of C, in row blocks of {@code step} rows with
   * {@code poll} run between blocks (it may throw to abandon the product). A backend that copies its
   * operands overrides this to copy B once for all blocks.
   */
  default void dgemmBlocks(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int step, Runnable poll) {
    for (int i0 = 0; i0 < m; i0 += step) {
      if (i0 > 0) {
        poll.run();
      }
      dgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, i0, Math.min(m, i0 + step));
    }
  }

  /**
   * Complex C = A · B on interleaved (re, im) storage: A is m×k (2·m·k doubles at {@code ao}), B k×n,
   * C m×n, overwritten. Only rows {@code i0..i1} of C are computed. m, n, k >= 1.
   */
  void zgemm(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co, int i0, int i1);

  /** A short description for {@code exp --version}, e.g. "OpenBLAS 0.3.31 (native, 2 threads)". */
  String describe();

  /** True when this backend runs native code (then LAPACK is available too). */
  boolean isNative();
}
