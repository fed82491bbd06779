package dev.exp.tensor.blas;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API product kernel (GotoBLAS layout): B is packed into KC×NR column panels and A into
 * MR×KC row panels, and a 6×(2 vectors) register tile of C accumulates with fused multiply-adds.
 * Same contract as {@link ScalarGemm#gemm}. Only linked when jdk.incubator.vector is present.
 */
final class VectorGemm {
  private VectorGemm() {}

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 6;
  private static final int NR = 2 * L;
  private static final int KC = 256;
  private static final int MC = 96;
  private static final int NC = 2048;

  static void gemm(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int n, int i0, int i1) {
    int kcMax = Math.min(KC, k);
    int ncMax = Math.min(NC, n);
    double[] bp = new double[kcMax * ((ncMax + NR - 1) / NR) * NR];
    double[] ap = new double[kcMax * ((Math.min(MC, i1 - i0) + MR - 1) / MR) * MR];
    double[] tile = new double[MR * NR];
    for (int j0 = 0; j0 < n; j0 += NC) {
      int nc = Math.min(NC, n - j0);
      for (int k0 = 0; k0 < k; k0 += KC) {
        int kc = Math.min(KC, k - k0);
        packB(b, bo + k0 * n + j0, n, kc, nc, bp);
        for (int ib = i0; ib < i1; ib += MC) {
          int mc = Math.min(MC, i1 - ib);
          packA(a, ao + ib * k + k0, k, mc, kc, ap);
          for (int jp = 0; jp < nc; jp += NR) {
            int w = Math.min(NR, nc - jp);
            for (int ip = 0; ip < mc; ip += MR) {
              int h = Math.min(MR, mc - ip);
              micro(ap, ip * kc, bp, jp * kc, kc, c, co + (ib + ip) * n + j0 + jp, n, h, w, tile);
            }
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

  /** bp[panel·kc·NR + p·NR + jj] = B[p, panel·NR + jj], zero-padded to whole panels. */
  private static void packB(double[] b, int off, int ldb, int kc, int nc, double[] bp) {
    for (int jp = 0; jp < nc; jp += NR) {
      int w = Math.min(NR, nc - jp);
      int base = jp * kc;
      for (int p = 0; p < kc; p++) {
        int dst = base + p * NR;
        System.arraycopy(b, off + p * ldb + jp, bp, dst, w);
        for (int jj = w; jj < NR; jj++) {
          bp[dst + jj] = 0;
        }
      }
    }
  }

  /** ap[panel·kc·MR + p·MR + r] = A[panel·MR + r, p], zero-padded to whole panels. */
  private static void packA(double[] a, int off, int lda, int mc, int kc, double[] ap) {
    for (int ip = 0; ip < mc; ip += MR) {
      int h = Math.min(MR, mc - ip);
      int base = ip * kc;
      for (int r = 0; r < MR; r++) {
        if (r < h) {
          int src = off + (ip + r) * lda;
          for (int p = 0; p < kc; p++) {
            ap[base + p * MR + r] = a[src + p];
          }
        } else {
          for (int p = 0; p < kc; p++) {
            ap[base + p * MR + r] = 0;
          }
        }
      }
    }
  }

  private static void micro(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc,
      int h, int w, double[] tile) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    DoubleVector c40 = c00;
    DoubleVector c41 = c00;
    DoubleVector c50 = c00;
    DoubleVector c51 = c00;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * NR;
      DoubleVector b0 = DoubleVector.fromArray(S, bp, q);
      DoubleVector b1 = DoubleVector.fromArray(S, bp, q + L);
      int r = ao + p * MR;
      DoubleVector x = DoubleVector.broadcast(S, ap[r]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(S, ap[r + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(S, ap[r + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(S, ap[r + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(S, ap[r + 4]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(S, ap[r + 5]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
    }
    if (h == MR && w == NR) {
      add(c00, c01, c, co);
      add(c10, c11, c, co + ldc);
      add(c20, c21, c, co + 2 * ldc);
      add(c30, c31, c, co + 3 * ldc);
      add(c40, c41, c, co + 4 * ldc);
      add(c50, c51, c, co + 5 * ldc);
      return;
    }
    c00.intoArray(tile, 0);
    c01.intoArray(tile, L);
    c10.intoArray(tile, NR);
    c11.intoArray(tile, NR + L);
    c20.intoArray(tile, 2 * NR);
    c21.intoArray(tile, 2 * NR + L);
    c30.intoArray(tile, 3 * NR);
    c31.intoArray(tile, 3 * NR + L);
    c40.intoArray(tile, 4 * NR);
    c41.intoArray(tile, 4 * NR + L);
    c50.intoArray(tile, 5 * NR);
    c51.intoArray(tile, 5 * NR + L);
    for (int r = 0; r < h; r++) {
      for (int j = 0; j < w; j++) {
        c[co + r * ldc + j] += tile[r * NR + j];
      }
    }
  }

  private static void add(DoubleVector v0, DoubleVector v1, double[] c, int o) {
    DoubleVector.fromArray(S, c, o).add(v0).intoArray(c, o);
    DoubleVector.fromArray(S, c, o + L).add(v1).intoArray(c, o + L);
  }
}
