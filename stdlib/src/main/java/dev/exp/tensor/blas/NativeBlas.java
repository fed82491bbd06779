package dev.exp.tensor.blas;

import dev.exp.kernel.Parallel;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The native backend: OpenBLAS through the JavaCPP presets ({@code org.bytedeco:openblas}), whose jar
 * carries the shared libraries, so nothing needs installing. Real products run on the Java arrays
 * without copies through {@link CriticalBlas} when it loads; otherwise (and for complex products)
 * operands are copied into per-thread off-heap buffers, reused across calls. OpenBLAS's
 * thread count is global; it is set to the calling thread's {@link Parallel#threads()} budget
 * whenever that differs from the last value set.
 */
final class NativeBlas implements BlasBackend {
  /** Buffers above this many doubles (256 MiB) are freed after the call instead of kept. */
  private static final long KEEP_LIMIT = 32L << 20;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
  private static final Object THREADS_LOCK = new Object();
  private static volatile int threadsSet = -1;
  private static final java.util.concurrent.atomic.AtomicBoolean EXIT_WAIT = new java.util.concurrent.atomic.AtomicBoolean();

  private final String version;
  /** The zero-copy binding, or null (then operands are copied). */
  private final CriticalBlas critical;

  private NativeBlas(String version, CriticalBlas critical) {
    this.version = version;
    this.critical = critical;
  }

  /** Loads the native libraries (throws when they cannot load) and checks one tiny product. */
  static NativeBlas load() {
    return load(true);
  }

  /** As {@link #load()}; {@code zeroCopy} false keeps to the copying path (tests compare both). */
  static NativeBlas load(boolean zeroCopy) {
    org.bytedeco.javacpp.Loader.load(openblas.class);
    if (EXIT_WAIT.compareAndSet(false, true)) {
      NativeCalls.installExitWait();
    }
    String v = openblas.OPENBLAS_VERSION == null ? "OpenBLAS" : openblas.OPENBLAS_VERSION.trim();
    NativeBlas nb = new NativeBlas(v.isEmpty() ? "OpenBLAS" : v, zeroCopy ? CriticalBlas.load() : null);
    double[] c = new double[4];
    nb.dgemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, 0, new double[] {5, 6, 7, 8}, 0, c, 0, 0, 2);
    if (c[0] != 19 || c[1] != 22 || c[2] != 43 || c[3] != 50) {
      throw new IllegalStateException("native dgemm self-check failed");
    }
    return nb;
  }

  /** Sets OpenBLAS's global thread count to this thread's kernel budget when it differs. */
  static void syncThreads() {
    int want = Parallel.threads();
    if (want != threadsSet) {
      synchronized (THREADS_LOCK) {
        if (want != threadsSet) {
          openblas.blas_set_num_threads(want);
          threadsSet = want;
        }
      }
    }
  }

  @Override
  public void dgemm(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int i0, int i1) {
    dgemmBlocks(ta, tb, m, n, k, a, ao, b, bo, c, co, i0, i1, i1 - i0, Blas.NO_POLL);
  }

  /** Copies B (and a transposed A) to native memory once, then computes the row blocks. */
  @Override
  public void dgemmBlocks(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int step, Runnable poll) {
    dgemmBlocks(ta, tb, m, n, k, a, ao, b, bo, c, co, 0, m, step, poll);
  }

  private void dgemmBlocks(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int from, int to, int step, Runnable poll) {
    NativeCalls.enter();
    try {
      products(ta, tb, m, n, k, a, ao, b, bo, c, co, from, to, step, poll);
    } finally {
      NativeCalls.exit();
    }
  }

  private void products(boolean ta, boolean tb, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int from, int to, int step, Runnable poll) {
    syncThreads();
    if (critical != null && ta && !tb && from == 0 && to == m) {
      // a transposed A in blocks along k (same work per block as `step` rows)
      critical.dgemmTransposedA(m, n, k, a, ao, b, bo, c, co, Math.max(1, (int) ((long) step * k / m)), poll);
      return;
    }
    if (critical != null && !ta) {
      // (a transposed A goes through the copies: the binding's bounds check refuses its row blocks,
      // which start at a column offset of the stored matrix)
      for (int i0 = from; i0 < to; i0 += step) {
        if (i0 > from) {
          poll.run();
        }
        critical.dgemm(ta, tb, m, n, k, a, ao, b, bo, c, co, i0, Math.min(to, i0 + step));
      }
      return;
    }
    Scratch s = SCRATCH.get();
    try {
      DoublePointer pb = s.b(k * (long) n).put(b, bo, k * n);
      int ldb = tb ? k : n;
      if (ta) { // stored k×m; rows i0..i1 of op(A) are columns i0..i1: the whole matrix, offset by i0
        s.a(m * (long) k).put(a, ao, m * k);
      }
      for (int i0 = from; i0 < to; i0 += step) {
        if (i0 > from) {
          poll.run();
        }
        int i1 = Math.min(to, i0 + step);
        int rows = i1 - i0;
        DoublePointer pa;
        int lda;
        if (ta) {
          pa = s.a(m * (long) k);
          pa.position(i0);
          lda = m;
        } else {
          pa = s.a(rows * (long) k).put(a, ao + i0 * k, rows * k);
          lda = k;
        }
        DoublePointer pc = s.c(rows * (long) n);
        if (n == 1 && !tb) {
          openblas.cblas_dgemv(openblas.CblasRowMajor, ta ? openblas.CblasTrans : openblas.CblasNoTrans,
              ta ? k : rows, ta ? rows : k, 1.0, pa, lda, pb, 1, 0.0, pc, 1);
        } else if (rows == 1 && !ta) {
          openblas.cblas_dgemv(openblas.CblasRowMajor, tb ? openblas.CblasNoTrans : openblas.CblasTrans,
              tb ? n : k, tb ? k : n, 1.0, pb, ldb, pa, 1, 0.0, pc, 1);
        } else {
          openblas.cblas_dgemm(openblas.CblasRowMajor, ta ? openblas.CblasTrans : openblas.CblasNoTrans,
              tb ? openblas.CblasTrans : openblas.CblasNoTrans, rows, n, k, 1.0, pa, lda, pb, ldb, 0.0, pc, n);
        }
        pa.position(0);
        pc.get(c, co + i0 * n, rows * n);
      }
    } finally {
      s.trim();
    }
  }

  @Override
  public void zgemm(int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co, int i0, int i1) {
    syncThreads();
    int rows = i1 - i0;
    Scratch s = SCRATCH.get();
    NativeCalls.enter();
    try {
      DoublePointer pa = s.a(2L * rows * k).put(a, ao + 2 * i0 * k, 2 * rows * k);
      DoublePointer pb = s.b(2L * k * n).put(b, bo, 2 * k * n);
      DoublePointer pc = s.c(2L * rows * n);
      openblas.cblas_zgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, rows, n, k,
          s.one, pa, k, pb, n, s.zero, pc, n);
      pc.get(c, co + 2 * i0 * n, 2 * rows * n);
    } finally {
      NativeCalls.exit();
      s.trim();
    }
  }

  @Override
  public String describe() {
    return version + " (native, " + Parallel.threads() + " threads" + (critical != null ? ", zero-copy" : "") + ")";
  }

  @Override
  public boolean isNative() {
    return true;
  }

  /** Grow-only off-heap buffers of one thread; very large ones are released after each call. */
  private static final class Scratch {
    final DoublePointer one = new DoublePointer(1.0, 0.0);
    final DoublePointer zero = new DoublePointer(0.0, 0.0);
    private DoublePointer a;
    private DoublePointer b;
    private DoublePointer c;

    DoublePointer a(long size) {
      return a = fit(a, size);
    }

    DoublePointer b(long size) {
      return b = fit(b, size);
    }

    DoublePointer c(long size) {
      return c = fit(c, size);
    }

    private static DoublePointer fit(DoublePointer p, long size) {
      long want = Math.max(1, size);
      if (p != null && p.capacity() >= want) {
        p.position(0);
        return p;
      }
      if (p != null) {
        p.close();
      }
      return new DoublePointer(want);
    }

    void trim() {
      a = drop(a);
      b = drop(b);
      c = drop(c);
    }

    private static DoublePointer drop(DoublePointer p) {
      if (p != null && p.capacity() > KEEP_LIMIT) {
        p.close();
        return null;
      }
      return p;
    }
  }
}
