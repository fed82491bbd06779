package dev.exp.tensor.blas;

import dev.exp.kernel.Parallel;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API product kernel (GotoBLAS layout). For each KC×NC block of B: the block is packed once
 * into column panels (in parallel, shared by all threads), then row tasks of up to MC rows each pack
 * their MC×KC block of A into row panels and run the {@link VectorTiles register tiles} over it; the
 * first k block stores into C, later ones add, so C needs no zeroing. Tasks are bounded (at most
 * MC·KC·NC multiply-adds, ~10-20 ms), so {@link Parallel#forEach} polls limits often enough.
 * Only linked when jdk.incubator.vector is present.
 */
final class VectorGemm {
  private VectorGemm() {}

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Depth of a k block: an 8-row A panel (24 KB) and a B panel stay in L1/L2 over the tile's loop. */
  static final int KC = 384;
  /** Rows of a row task: its packed A block (MC·KC doubles, 1.2 MB) stays in the core's L2. */
  static final int MC = 384;
  /** Multiply-adds per task at most (~20 ms): cancellation is polled between tasks. */
  static final long TASK = 1L << 28;
  /** Products with fewer multiply-adds than this run as one task (forking costs more). */
  static final long PARALLEL = 1L << 21;
  /** The tile family for this machine's registers: 8×3 vectors with 32 registers, else 6×2. */
  static final boolean WIDE = L >= 8;

  /** C[i0..i1) = op(A)[i0..i1) · B on the tile family for this machine; see {@link #gemm(boolean, boolean, int, int, int, double[], int, double[], int, double[], int, int, int, Runnable)}. */
  static void gemm(boolean ta, int m, int n, int k, double[] a, int ao, double[] b, int bo, double[] c, int co,
      int i0, int i1, Runnable poll) {
    gemm(WIDE, ta, m, n, k, a, ao, b, bo, c, co, i0, i1, poll);
  }

  /**
   * Rows i0..i1 of C = op(A) · B, overwritten (C row i at co + i·n). op(A) is m×k: A stored m×k at ao,
   * or k×m when {@code ta}; B is k×n at bo. n, k >= 1. {@code wide} picks the tile family (8×3 or 6×2
   * vectors; tests run both). Runs on the {@link Parallel} thread budget; {@code poll} runs before every
   * product task but the first, on the thread that takes it (it may throw to abandon the product).
   */
  static void gemm(boolean wide, boolean ta, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int i0, int i1, Runnable poll) {
    int mr = wide ? 8 : 6;
    int nr = (wide ? 3 : 2) * L;
    int rows = i1 - i0;
    if (rows <= 0) {
      return;
    }
    int kc = ceilDiv(k, ceilDiv(k, KC)); // equal k blocks, not 384 + 384 + 16
    int kBlocks = ceilDiv(k, kc);
    int panels = ceilDiv(n, nr);
    int width = roundUp(n, L); // of all panels together: the last one is padded to whole vectors only
    long work = (long) rows * n * k;
    int threads = work < PARALLEL ? 1 : Parallel.threads();
    // row tasks of at most MC rows; columns cut into chunks of whole panels so that a task stays under
    // TASK multiply-adds and each thread gets several tasks (a thread slowed by a neighbour takes fewer)
    int step = roundUp(ceilDiv(rows, ceilDiv(rows, MC)), mr);
    int rowTasks = ceilDiv(rows, step);
    int chunks = (int) Math.max(ceilDiv((long) step * n * k, TASK), threads == 1 ? 1 : ceilDiv(4 * threads, rowTasks));
    int chunk = ceilDiv(panels, Math.min(panels, chunks)) * nr;
    int colTasks = ceilDiv(n, chunk);
    double[] bp = new double[k * width];
    int units = kBlocks * panels;
    int packTasks = Math.min(units, threads);
    Parallel.forEach(packTasks, t -> {
      for (int u = units * t / packTasks, end = units * (t + 1) / packTasks; u < end; u++) {
        int k0 = u / panels * kc;
        packB(b, bo, n, k0, Math.min(kc, k - k0), u % panels * nr, nr, bp, k0 * width);
      }
    });
    ConcurrentLinkedQueue<double[]> buffers = new ConcurrentLinkedQueue<>();
    Parallel.forEach(rowTasks * colTasks, t -> {
      if (t > 0) {
        poll.run();
      }
      double[] ap = buffers.poll();
      if (ap == null) {
        ap = new double[step * kc];
      }
      double[] tile = new double[mr * nr];
      int r0 = i0 + t / colTasks * step;
      int mc = Math.min(step, i1 - r0);
      int j0 = t % colTasks * chunk;
      int j1 = Math.min(n, j0 + chunk);
      for (int k0 = 0; k0 < k; k0 += kc) {
        int pk = Math.min(kc, k - k0);
        packA(a, ao, ta, m, k, r0, mc, k0, pk, mr, ap);
        int bk = k0 * width;
        for (int jp = j0; jp < j1; jp += nr) {
          int w = Math.min(nr, n - jp);
          int vectors = ceilDiv(w, L);
          for (int ip = 0; ip < mc; ip += mr) {
            VectorTiles.run(mr, vectors, ap, ip * pk, bp, bk + jp * pk, pk, c, co + (r0 + ip) * n + jp, n,
                Math.min(mr, mc - ip), w, k0 == 0, tile);
          }
        }
      }
      buffers.add(ap);
    });
  }

  /**
   * Matrix × vector: c[co + i] += Σ_p A[i, p]·x[p] for rows i0 ≤ i < i1 of the row-major A (k columns
   * at ao), with four vector accumulators per row (independent FMA chains) and a scalar tail.
   */
  static void gemv(double[] a, int ao, double[] x, int xo, double[] c, int co, int k, int i0, int i1) {
    int step = 4 * L;
    int full = k - k % step;
    int vec = k - k % L;
    double[] lanes = new double[L];
    for (int i = i0; i < i1; i++) {
      int ar = ao + i * k;
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      int p = 0;
      for (; p < full; p += step) {
        s0 = DoubleVector.fromArray(S, a, ar + p).fma(DoubleVector.fromArray(S, x, xo + p), s0);
        s1 = DoubleVector.fromArray(S, a, ar + p + L).fma(DoubleVector.fromArray(S, x, xo + p + L), s1);
        s2 = DoubleVector.fromArray(S, a, ar + p + 2 * L).fma(DoubleVector.fromArray(S, x, xo + p + 2 * L), s2);
        s3 = DoubleVector.fromArray(S, a, ar + p + 3 * L).fma(DoubleVector.fromArray(S, x, xo + p + 3 * L), s3);
      }
      for (; p < vec; p += L) {
        s0 = DoubleVector.fromArray(S, a, ar + p).fma(DoubleVector.fromArray(S, x, xo + p), s0);
      }
      // lanes added in a fixed order (reduceLanes leaves the order open, so its bits may change with
      // the JIT's state)
      s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
      double t = 0;
      for (int j = 0; j < L; j++) {
        t += lanes[j];
      }
      for (; p < k; p++) {
        t = Math.fma(a[ar + p], x[xo + p], t);
      }
      c[co + i] += t;
    }
  }

  /**
   * Packs the panel of B (k×n at bo) with columns jp..jp+nr, rows k0..k0+kc, at bp[base + jp·kc]: row p at
   * + p·w', where w' is nr, or for the last panel its width rounded up to whole vectors (zero-padded),
   * so the edge tile runs on fewer vectors.
   */
  private static void packB(double[] b, int bo, int n, int k0, int kc, int jp, int nr, double[] bp, int base) {
    int w = Math.min(nr, n - jp);
    int width = w == nr ? nr : roundUp(w, L);
    int dst = base + jp * kc;
    for (int p = 0; p < kc; p++, dst += width) {
      System.arraycopy(b, bo + (k0 + p) * n + jp, bp, dst, w);
      for (int jj = w; jj < width; jj++) {
        bp[dst + jj] = 0;
      }
    }
  }

  /**
   * Packs rows r0..r0+mc, columns k0..k0+kc of op(A) into panels of mr rows: panel at ap[ip·kc], element
   * (r, p) at + p·mr + r; rows past mc are zero. op(A)(i, p) is a[ao + i·k + p], or a[ao + p·m + i]
   * when {@code ta}.
   */
  private static void packA(double[] a, int ao, boolean ta, int m, int k, int r0, int mc, int k0, int kc, int mr,
      double[] ap) {
    for (int ip = 0; ip < mc; ip += mr) {
      int h = Math.min(mr, mc - ip);
      int base = ip * kc;
      if (ta) {
        for (int p = 0; p < kc; p++) {
          int src = ao + (k0 + p) * m + r0 + ip;
          int dst = base + p * mr;
          System.arraycopy(a, src, ap, dst, h);
          for (int r = h; r < mr; r++) {
            ap[dst + r] = 0;
          }
        }
      } else {
        for (int r = 0; r < mr; r++) {
          if (r < h) {
            int src = ao + (r0 + ip + r) * k + k0;
            for (int p = 0; p < kc; p++) {
              ap[base + p * mr + r] = a[src + p];
            }
          } else {
            for (int p = 0; p < kc; p++) {
              ap[base + p * mr + r] = 0;
            }
          }
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static int roundUp(int a, int b) {
    return ceilDiv(a, b) * b;
  }
}
