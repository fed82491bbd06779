package dev.exp.tensor.blas;

import dev.exp.kernel.Parallel;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API product kernel (GotoBLAS layout). B is packed once per call into column panels of
 * KC-deep blocks (in parallel; shared read-only by the threads; in column blocks when it exceeds
 * {@link #PACKED}). Then each task takes a block of up to MC rows and a chunk of whole panels: for
 * every k block it packs its rows of op(A) into row panels (MC×KC, kept in the core's L2) and runs the
 * {@link VectorTiles register tiles} over the chunk's panels (each panel, KC×NR, reused from L1/L2 by
 * all row panels). The tiles of the first k block start from zero, later ones from C, so C needs no
 * zeroing, and each element is one FMA chain over the whole k in order: the bits do not depend on the
 * threads, the k blocks or the tile family. Tasks are
 * bounded (at most {@link #TASK} multiply-adds, about 20 ms), so limits are polled often enough between
 * them. Only linked when jdk.incubator.vector is present.
 */
final class VectorGemm {
  private VectorGemm() {}

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** Lanes of the vectors {@link #gemv} uses (for {@link ScalarGemm#gemvLanes}). */
  static int lanes() {
    return L;
  }
  /** Depth of a k block: an 8-row A panel (24 KB) and a B panel stay in L1/L2 over the tile's loop. */
  static final int KC = 384;
  /** Rows of a row task: its packed A block (MC·KC doubles, 1.2 MB) stays in the core's L2. */
  static final int MC = 384;
  /** Doubles of packed B at most (64 MB): wider products pack and run it in column blocks. */
  static final int PACKED = 1 << 23;
  /** Multiply-adds per task at most (~20 ms): cancellation is polled between tasks. */
  static final long TASK = 1L << 28;
  /** Products with fewer multiply-adds than this run as one task (forking costs more). */
  static final long PARALLEL = 1L << 21;
  /** The tile family for this machine's registers: 8×3 vectors with 32 registers, else 6×2. */
  static final boolean WIDE = L >= 8;

  /** The product on the tile family for this machine ({@link #WIDE}); see the overload with {@code wide}. */
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
    gemm(wide, ta, m, n, k, a, ao, b, bo, c, co, i0, i1, poll, PACKED);
  }

  /** As above, with at most {@code packed} doubles of packed B at a time (tests use small blocks). */
  static void gemm(boolean wide, boolean ta, int m, int n, int k, double[] a, int ao, double[] b, int bo,
      double[] c, int co, int i0, int i1, Runnable poll, int packed) {
    int mr = wide ? 8 : 6;
    int nr = (wide ? 3 : 2) * L;
    int rows = i1 - i0;
    if (rows <= 0) {
      return;
    }
    int kc = ceilDiv(k, ceilDiv(k, KC)); // equal k blocks, not 384 + 384 + 16
    int threads = (long) rows * n * k < PARALLEL ? 1 : Parallel.threads();
    // row tasks of at most MC rows, a multiple of the threads when there are rows enough
    int rowTasks = ceilDiv(rows, MC);
    if (threads > 1) {
      rowTasks = Math.min(roundUp(rowTasks, threads), ceilDiv(rows, mr));
    }
    int step = roundUp(ceilDiv(rows, rowTasks), mr);
    // B is packed in blocks of whole panels, all of it at once unless that exceeds `packed` doubles
    int panels = ceilDiv(n, nr);
    int blocks = ceilDiv(panels, Math.max(1, packed / k / nr));
    int nb = ceilDiv(panels, blocks) * nr; // equal blocks, not 2040 + 8 columns
    double[] bp = PackBuffers.take(k * roundUp(Math.min(nb, n), L));
    for (int j0 = 0; j0 < n; j0 += nb) {
      if (j0 > 0) {
        poll.run();
      }
      Block blk = new Block(mr, nr, kc, step, ceilDiv(rows, step), threads, i0, i1, j0, Math.min(n, j0 + nb), n,
          k);
      Parallel.forEach(blk.packTasks, t -> blk.pack(t, b, bo, bp));
      Parallel.forEach(blk.tasks(), t -> {
        if (t > 0) {
          poll.run();
        }
        double[] ap = PackBuffers.take(step * kc);
        blk.run(t, ta, m, a, ao, bp, ap, c, co);
        PackBuffers.give(ap);
      });
    }
    PackBuffers.give(bp);
  }

  /**
   * Columns j0..j1 of one product: B packed at bp[k0·width + (jp − j0)·kc + p·w'] (k block at k0, panel
   * jp, row p; w' the panel's width), and the tasks (row block × chunk of panels) that use it.
   */
  private static final class Block {
    final int mr;
    final int nr;
    final int kc;
    final int step;
    final int rowTasks;
    final int i0;
    final int i1;
    final int j0;
    final int j1;
    final int n;
    final int k;
    final int panels;
    final int width;
    final int chunk;
    final int colTasks;
    final int packTasks;

    Block(int mr, int nr, int kc, int step, int rowTasks, int threads, int i0, int i1, int j0, int j1, int n, int k) {
      this.mr = mr;
      this.nr = nr;
      this.kc = kc;
      this.step = step;
      this.rowTasks = rowTasks;
      this.i0 = i0;
      this.i1 = i1;
      this.j0 = j0;
      this.j1 = j1;
      this.n = n;
      this.k = k;
      int cols = j1 - j0;
      panels = ceilDiv(cols, nr);
      width = roundUp(cols, L); // of all panels together: the last one is padded to whole vectors only
      // chunks of whole panels so that a task stays under TASK multiply-adds and each thread gets at
      // least two tasks (one slowed down by a neighbour on its core then takes fewer); no more chunks
      // than that, as each chunk packs its rows of A again
      long chunks = Math.max(ceilDiv((long) step * cols * k, TASK),
          threads == 1 ? 1 : ceilDiv(2 * threads, rowTasks));
      chunk = ceilDiv(panels, (int) Math.min(panels, chunks)) * nr;
      colTasks = ceilDiv(cols, chunk);
      packTasks = Math.min(ceilDiv(k, kc) * panels, 4 * threads);
    }

    int tasks() {
      return rowTasks * colTasks;
    }

    /** Packs share t of the (k block, panel) pairs. */
    void pack(int t, double[] b, int bo, double[] bp) {
      int units = ceilDiv(k, kc) * panels;
      int end = (int) ((long) units * (t + 1) / packTasks);
      for (int u = (int) ((long) units * t / packTasks); u < end; u++) {
        int k0 = u / panels * kc;
        int pk = Math.min(kc, k - k0);
        int jp = u % panels * nr;
        packB(b, bo, n, k0, pk, j0 + jp, nr, bp, k0 * width + jp * pk);
      }
    }

    /** Task t: its rows of op(A) packed k block by k block into ap, times its chunk of panels. */
    void run(int t, boolean ta, int m, double[] a, int ao, double[] bp, double[] ap, double[] c, int co) {
      double[] tile = new double[mr * nr];
      int r0 = i0 + t / colTasks * step;
      int mc = Math.min(step, i1 - r0);
      int c0 = t % colTasks * chunk;
      int c1 = Math.min(j1 - j0, c0 + chunk);
      for (int k0 = 0; k0 < k; k0 += kc) {
        int pk = Math.min(kc, k - k0);
        packA(a, ao, ta, m, k, r0, mc, k0, pk, mr, ap);
        int bk = k0 * width;
        for (int jp = c0; jp < c1; jp += nr) {
          int w = Math.min(nr, j1 - j0 - jp);
          int vectors = ceilDiv(w, L);
          for (int ip = 0; ip < mc; ip += mr) {
            VectorTiles.run(mr, vectors, ap, ip * pk, bp, bk + jp * pk, pk, c, co + (r0 + ip) * n + j0 + jp, n,
                Math.min(mr, mc - ip), w, k0 == 0, tile);
          }
        }
      }
    }
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
   * Packs the panel of B (k×n at bo) with columns jg..jg+nr, rows k0..k0+kc, at bp[dst]: row p at
   * + p·w', where w' is nr, or for the last panel its width rounded up to whole vectors (zero-padded),
   * so the edge tile runs on fewer vectors.
   */
  private static void packB(double[] b, int bo, int n, int k0, int kc, int jg, int nr, double[] bp, int dst) {
    int w = Math.min(nr, n - jg);
    if (w == nr) { // whole vectors: copied as such (an arraycopy call per short row costs more)
      for (int p = 0, src = bo + k0 * n + jg; p < kc; p++, dst += nr, src += n) {
        for (int v = 0; v < nr; v += L) {
          DoubleVector.fromArray(S, b, src + v).intoArray(bp, dst + v);
        }
      }
      return;
    }
    int width = roundUp(w, L);
    for (int p = 0; p < kc; p++, dst += width) {
      System.arraycopy(b, bo + (k0 + p) * n + jg, bp, dst, w);
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
