package dev.exp.tensor.blas;

import java.util.Locale;

/**
 * Matrix products on a BLAS: OpenBLAS (native, bundled in the {@code org.bytedeco:openblas} jar) when
 * it loads, else a pure-Java kernel. The backend is chosen once, on first use; {@code -Dexp.blas=java}
 * forces the Java backend. Arrays are row-major with tight leading dimensions.
 *
 * <p>Long products can be split into row blocks of about {@link #BLOCK_MILLIS} ms of work with a hook
 * polled between blocks (for cancellation); without a hook the product runs as one call.
 */
public final class Blas {
  private Blas() {}

  /** System property that selects the backend: {@code java} forces the pure-Java one; unset or {@code auto} tries native first. */
  public static final String PROPERTY = "exp.blas";

  /** The target duration of one block between two polls, in milliseconds (approximate). */
  public static final int BLOCK_MILLIS = 50;

  /** Products with fewer multiply-adds than this run in Java even when native BLAS is active (JNI costs more). */
  static final long SMALL = 16L * 16 * 16;

  /** Tests only: when positive, the rows per block of every product (so blocking is testable on small sizes). */
  static volatile int stepOverride;

  /** A hook that does nothing: no splitting into blocks. */
  public static final Runnable NO_POLL = () -> { };

  private static final class Holder {
    static final BlasBackend BACKEND = loaded(choose(System.getProperty(PROPERTY)));
  }

  /**
   * Products from this many multiply-adds (256³) wait for the native library when it is not loaded
   * yet; smaller ones run in Java meanwhile (at most a few ms each, against 0.4-0.9 s of CPU to load).
   */
  static final long WAIT_MIN = 256L * 256 * 256;
  /** Decompositions from this size wait for LAPACK when it is not loaded yet; smaller ones use EJML meanwhile. */
  static final int LAPACK_WAIT_MIN = 160;
  /**
   * The work (multiply-adds, or n³ of a decomposition) done in Java because the library was not
   * loaded, after which it is loaded in the background ({@link #preload}): a script of many mid-size
   * products or solves repays the load, one that does a few never pays it.
   */
  static final long LOAD_AFTER = 1L << 26;
  private static final java.util.concurrent.atomic.AtomicLong javaWork = new java.util.concurrent.atomic.AtomicLong();
  /** The backend once chosen and loaded; null before (reading it never starts the load). */
  private static volatile BlasBackend loaded;

  private static BlasBackend loaded(BlasBackend b) {
    loaded = b;
    return b;
  }

  /** The backend for a product of {@code work} multiply-adds (see {@link #WAIT_MIN}). */
  private static BlasBackend forWork(long work) {
    if (work < SMALL) {
      return JavaHolder.JAVA;
    }
    BlasBackend b = loaded;
    if (b != null) {
      return b;
    }
    if (work < WAIT_MIN) {
      javaWorkDone(work);
      return JavaHolder.JAVA;
    }
    return Holder.BACKEND;
  }

  /** Counts Java work done while the library was not loaded; past {@link #LOAD_AFTER} the load starts. */
  private static void javaWorkDone(long work) {
    if (javaWork.addAndGet(work) >= LOAD_AFTER) {
      preload();
    }
  }

  /** The Java kernel for small products, in its own holder: a small product never loads the native library. */
  private static final class JavaHolder {
    static final JavaBlas JAVA = new JavaBlas(dev.exp.kernel.VectorImpl.modulePresent(), null);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean PRELOADING = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Chooses (and so loads) the backend on a low-priority daemon thread, once: loading OpenBLAS costs
   * 0.4-0.9 s of CPU on the reference machine, which a script that will decompose matrices can spend
   * on the other core while it is still being compiled and started. Products and decompositions below
   * {@link #WAIT_MIN} / {@link #LAPACK_WAIT_MIN} run in Java until it is done; larger ones wait for
   * it (class initialisation), so nothing changes but the timing.
   */
  public static void preload() {
    if (PRELOADING.compareAndSet(false, true)) {
      Thread t = new Thread(Blas::isNative, "exp-blas-preload");
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      t.start();
    }
  }

  /** Picks the backend for the given value of {@link #PROPERTY} (null: auto). */
  static BlasBackend choose(String setting) {
    String want = setting == null ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
    boolean vector = dev.exp.kernel.VectorImpl.modulePresent();
    if (want.equals("java")) {
      return new JavaBlas(vector, "forced by -D" + PROPERTY + "=java");
    }
    try {
      return NativeBlas.load();
    } catch (LinkageError | RuntimeException e) {
      return new JavaBlas(vector, "native library unavailable: " + reason(e));
    }
  }

  private static String reason(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    String s = t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  static BlasBackend backend() {
    return Holder.BACKEND;
  }

  /** The active backend for {@code exp --version}, e.g. "OpenBLAS 0.3.31 (native, 2 threads)". */
  public static String describe() {
    return Holder.BACKEND.describe();
  }

  /**
   * Matrices below this dimension are decomposed in Java (EJML) even when the native library is
   * active: at that size LAPACK is not faster, and a script that only solves small systems never pays
   * the 0.4-0.9 s of loading OpenBLAS. {@code -Dexp.lapack.min=N} changes it (the tests run the
   * reference values through LAPACK with 1).
   */
  public static final int LAPACK_MIN = 32;

  /**
   * Whether {@code dev.exp.linalg} decomposes a matrix of dimension {@code n} with LAPACK: from
   * {@link #LAPACK_MIN} when the library is loaded; while it is not, only from
   * {@link #LAPACK_WAIT_MIN} (which then loads it), smaller ones using EJML meanwhile.
   */
  public static boolean lapackFor(long n) {
    if (n < Integer.getInteger("exp.lapack.min", LAPACK_MIN)) {
      return false;
    }
    BlasBackend b = loaded;
    if (b != null) {
      return b.isNative();
    }
    if (n < LAPACK_WAIT_MIN) {
      javaWorkDone(n * n * n);
      return false;
    }
    return isNative();
  }

  /** True when the native library is active (then {@code dev.exp.linalg} may use LAPACK). */
  public static boolean isNative() {
    return Holder.BACKEND.isNative();
  }

  /** C = op(A)·op(B) without polling; see {@link #dgemm(boolean, boolean, int, int, int, double[], int, double[], int, double[], int, Runnable)}. */
  public static void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co) {
    dgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, NO_POLL);
  }

  /**
   * C = op(A) · op(B), overwriting the m×n matrix C at {@code co}. op(A) is m×k: A is stored m×k at
   * {@code ao}, or k×m when {@code ta} (then op(A) = Aᵀ); likewise B is k×n, or n×k when {@code tb}.
   * Any of m, n, k may be 0 (k = 0 gives zeros). {@code poll} runs between row blocks of about
   * {@link #BLOCK_MILLIS} ms (on the packed Vector API kernel: between its tasks, of at most that, on
   * any kernel thread); it may throw to abandon the product (C is then partly written).
   */
  public static void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, Runnable poll) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("dgemm: negative dimension m=" + m + " n=" + n + " k=" + k);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, co, co + m * n, 0.0);
      return;
    }
    BlasBackend be = vectorProduct(ta, tb, m, n) ? JavaHolder.JAVA : forWork((long) m * n * k);
    if (tb && !be.isNative()) { // transpose B once, not once per block
      b = Transpose.of(b, bo, n, k);
      bo = 0;
      tb = false;
    }
    if (be instanceof JavaBlas j && j.tiled(m, n, k) && stepOverride == 0) { // polls between its own tasks
      j.dgemmTiled(ta, m, n, k, a, ao, b, bo, c, co, poll);
      return;
    }
    int step = poll == NO_POLL ? m : rowsPerBlock(be, 2L * n * k, m);
    if (stepOverride > 0) {
      step = stepOverride;
    }
    be.dgemmBlocks(ta, tb, m, n, k, a, ao, b, bo, c, co, step, poll);
  }

  /** Complex C = A · B without polling; see {@link #zgemm(int, int, int, double[], int, double[], int, double[], int, Runnable)}. */
  public static void zgemm(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co) {
    zgemm(m, n, k, a, ao, b, bo, c, co, NO_POLL);
  }

  /**
   * Complex C = A · B on interleaved (re, im) row-major storage (as EJML's ZMatrixRMaj): A is m×k
   * (2·m·k doubles at {@code ao}), B is k×n, C is m×n, overwritten. Dimensions may be 0. {@code poll}
   * runs between row blocks, as for {@code dgemm}.
   */
  public static void zgemm(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co,
      Runnable poll) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("zgemm: negative dimension m=" + m + " n=" + n + " k=" + k);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      java.util.Arrays.fill(c, co, co + 2 * m * n, 0.0);
      return;
    }
    BlasBackend be = forWork(4L * m * n * k);
    int step = poll == NO_POLL ? m : rowsPerBlock(be, 8L * n * k, m);
    if (stepOverride > 0) {
      step = stepOverride;
    }
    for (int i0 = 0; i0 < m; i0 += step) {
      if (i0 > 0) {
        poll.run();
      }
      be.zgemm(m, n, k, a, ao, b, bo, c, co, i0, Math.min(m, i0 + step));
    }
  }

  /**
   * Matrix × vector and vector × matrix (untransposed) run in Java: they read each matrix element once, so
   * copying the matrix to native memory would cost as much as the product; Java keeps the summation
   * order of a plain loop (results independent of the backend).
   */
  static boolean vectorProduct(boolean ta, boolean tb, int m, int n) {
    return n == 1 && !tb || m == 1 && !ta;
  }

  /** Rows per block so that a block is at most about BLOCK_MILLIS of work at the backend's rough speed. */
  static int rowsPerBlock(BlasBackend be, long flopsPerRow, int m) {
    double gflops = be.isNative() ? 80 : 4; // per-call speeds (native: 64-92 GFLOP/s measured at 1024², 2 cores)
    double budget = gflops * 1e9 * BLOCK_MILLIS / 1000.0;
    long rows = Math.max(1, (long) (budget / Math.max(1, flopsPerRow)));
    long blocks = (m + rows - 1) / rows;
    return (int) ((m + blocks - 1) / blocks); // blocks of equal size: no small last block
  }
}
