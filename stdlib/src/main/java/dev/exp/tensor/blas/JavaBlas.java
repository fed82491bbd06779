package dev.exp.tensor.blas;

import dev.exp.kernel.Parallel;

/**
 * The pure-Java backend: a packed, cache-blocked product whose row panels run on the kernel thread
 * budget ({@link Parallel}). The inner kernel is {@link VectorGemm} (Vector API) when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}, else {@link ScalarGemm}.
 */
final class JavaBlas implements BlasBackend {
  /** Rows of C per parallel task of the scalar kernel; a task packs its own panel of B, so tasks must not be tiny. */
  private static final int ROWS_PER_TASK = 96;
  /**
   * Products with fewer multiply-adds than this run on the unpacked scalar loop: packing does not pay,
   * and Vector API code that has not been compiled yet is ~100× slower than scalar code.
   */
  static final long SMALL = 64L * 64 * 64;

  private final boolean vector;
  /** Matrix × vector with the Vector API kernel: its scalar emulation first (bit-identical), see WarmSwitch. */
  private final dev.exp.kernel.WarmSwitch<Gemv> gemv;

  /** One matrix × vector kernel: c[co + i] += A[i, :]·x for rows i0..i1. */
  interface Gemv {
    void run(double[] a, int ao, double[] x, int xo, double[] c, int co, int k, int i0, int i1);
  }
  private final String reason;

  /**
   * @param vector use the Vector API kernel (the caller has checked that the module is present)
   * @param reason why the native backend is not in use (shown by {@link #describe()})
   */
  JavaBlas(boolean vector, String reason) {
    this.vector = vector;
    if (vector) {
      int lanes = VectorGemm.lanes();
      Gemv scalar = (a, ao, x, xo, c, co, k, i0, i1) -> ScalarGemm.gemvLanes(a, ao, x, xo, c, co, k, i0, i1, lanes);
      this.gemv = new dev.exp.kernel.WarmSwitch<>(scalar, VectorGemm::gemv);
    } else {
      this.gemv = null;
    }
    this.reason = reason;
  }


  boolean usesVector() {
    return vector;
  }

  /**
   * True when a product of this size runs on the packed Vector API kernel ({@link VectorGemm}): large
   * enough, and neither a few rows nor a few columns wide (those stream the unpacked operand). Its
   * tasks are bounded (~20 ms) and poll a hook between themselves ({@link #dgemmTiled}).
   */
  boolean tiled(int rows, int n, int k) {
    return vector && rows >= 8 && n >= 8 && (long) rows * n * k >= SMALL;
  }

  /**
   * The whole product C = op(A)·B (B untransposed) on the Vector API kernel, with {@code poll} run between
   * its tasks (on any of the kernel threads): one call packs B once, where row blocks would each pack
   * it again. Only when {@link #tiled} holds for (m, n, k).
   */
  void dgemmTiled(boolean ta, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co,
      Runnable poll) {
    VectorGemm.gemm(ta, m, n, k, a, ao, b, bo, c, co, 0, m, poll);
  }

  @Override
  public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int i0, int i1) {
    if (ta && n == 1 && !tb) { // Aᵀ·x from the stored k×m matrix: rows of A scaled and added, no transpose
      java.util.Arrays.fill(c, co + i0, co + i1, 0.0);
      for (int p = 0; p < k; p++) {
        double xp = b[bo + p];
        int ar = ao + p * m;
        for (int i = i0; i < i1; i++) {
          c[co + i] += xp * a[ar + i];
        }
      }
      return;
    }
    double[] bb = b;
    int boff = bo;
    if (tb) {
      bb = Transpose.of(b, bo, n, k);
      boff = 0;
    }
    int rows = i1 - i0;
    if (tiled(rows, n, k)) { // packs op(A) itself: no transposed copy
      VectorGemm.gemm(ta, m, n, k, a, ao, bb, boff, c, co, i0, i1, Blas.NO_POLL);
      return;
    }
    double[] aa = a;
    int aoff = ao;
    if (ta) { // rows i0..i1 of op(A) = columns of the stored k×m matrix
      aa = new double[(i1 - i0) * k];
      for (int p = 0; p < k; p++) {
        for (int i = i0; i < i1; i++) {
          aa[(i - i0) * k + p] = a[ao + p * m + i];
        }
      }
      aoff = -i0 * k;
    }
    java.util.Arrays.fill(c, co + i0 * n, co + i1 * n, 0.0);
    if (n == 1) { // matrix × vector: rows of dot products, in parallel when large
      final double[] va = aa;
      final int vo = aoff;
      final double[] vb = bb;
      final int vbo = boff;
      int tasks = (long) rows * k >= 1L << 16 ? Math.min(64, Math.max(1, rows / 256)) : 1;
      Parallel.forEach(tasks, t -> {
        int r0 = i0 + (int) ((long) rows * t / tasks);
        int r1 = i0 + (int) ((long) rows * (t + 1) / tasks);
        if (vector) { // scalar first (the same bits), the Vector API kernel once the session does real work
          gemv.use((long) (r1 - r0) * k).run(va, vo, vb, vbo, c, co, k, r0, r1);
        } else {
          ScalarGemm.simple(va, vo, vb, vbo, c, co, k, 1, r0, r1);
        }
      });
      return;
    }
    if ((long) rows * n * k < SMALL || n < 8 || rows < 8) { // few rows: streaming B beats packing it
      ScalarGemm.simple(aa, aoff, bb, boff, c, co, k, n, i0, i1);
      return;
    }
    int tasks = Math.max(1, (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK);
    final double[] fa = aa;
    final int fao = aoff;
    final double[] fb = bb;
    final int fbo = boff;
    Parallel.forEach(tasks, t -> {
      int r0 = i0 + (int) ((long) rows * t / tasks);
      int r1 = i0 + (int) ((long) rows * (t + 1) / tasks);
      ScalarGemm.gemm(fa, fao, fb, fbo, c, co, k, n, r0, r1);
    });
  }

  @Override
  public void zgemm(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co, int i0, int i1) {
    java.util.Arrays.fill(c, co + 2 * i0 * n, co + 2 * i1 * n, 0.0);
    int rows = i1 - i0;
    int tasks = (long) rows * n * k < 32L * 32 * 32 ? 1 : Math.max(1, (rows + 31) / 32);
    Parallel.forEach(tasks, t -> {
      int r0 = i0 + (int) ((long) rows * t / tasks);
      int r1 = i0 + (int) ((long) rows * (t + 1) / tasks);
      ComplexGemm.gemm(a, ao, b, bo, c, co, k, n, r0, r1);
    });
  }

  @Override
  public String describe() {
    return "pure Java (" + (vector ? "Vector API" : "scalar") + " kernel, " + Parallel.threads() + " threads"
        + (reason == null ? "" : "; " + reason) + ")";
  }

  @Override
  public boolean isNative() {
    return false;
  }
}
