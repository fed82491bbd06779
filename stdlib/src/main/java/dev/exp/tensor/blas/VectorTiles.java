package dev.exp.tensor.blas;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorGemm}: each multiplies one packed A panel (MR rows, element
 * (r, p) at {@code ao + p·MR + r}) by one packed B panel (V vectors wide, row p at {@code bo + p·V·L})
 * over kc steps, with MR·V vector accumulators of fused multiply-adds, and stores (first k block) or
 * adds the tile to C (row r at {@code co + r·ldc}). Only the top-left h×w corner reaches C: edge
 * tiles spill to {@code tile} (MR·V·L doubles) and are written element by element.
 *
 * <p>The wide family (8 rows × up to 3 vectors: 24 accumulators, 3 B vectors and 1 broadcast) is for
 * 32 vector registers (AVX-512); the narrow one (6 rows × up to 2 vectors) fits 16 (AVX2, NEON).
 * Loads use constant offsets from one index per step, so C2 hoists their range checks out of the loop.
 * The code is written out by hand on purpose: C2 keeps the accumulators in registers only when each
 * is a separate local.
 */
final class VectorTiles {
  private VectorTiles() {}

  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static final int L = S.length();

  /** Runs the tile of {@code rows} (8 or 6) rows and {@code vectors} B vectors. */
  static void run(int rows, int vectors, double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co,
      int ldc, int h, int w, boolean first, double[] tile) {
    if (rows == 8) {
      switch (vectors) {
        case 3 -> k8x3(ap, ao, bp, bo, kc, c, co, ldc, h, w, first, tile);
        case 2 -> k8x2(ap, ao, bp, bo, kc, c, co, ldc, h, w, first, tile);
        default -> k8x1(ap, ao, bp, bo, kc, c, co, ldc, h, w, first, tile);
      }
    } else if (vectors == 2) {
      k6x2(ap, ao, bp, bo, kc, c, co, ldc, h, w, first, tile);
    } else {
      k6x1(ap, ao, bp, bo, kc, c, co, ldc, h, w, first, tile);
    }
  }

  private static void put(DoubleVector v, double[] c, int o, boolean first) {
    (first ? v : v.add(DoubleVector.fromArray(S, c, o))).intoArray(c, o);
  }

  /** Writes the h×w corner of the spilled tile (row stride s) to C. */
  private static void flush(double[] tile, int s, double[] c, int co, int ldc, int h, int w, boolean first) {
    for (int r = 0; r < h; r++) {
      int t = r * s;
      int o = co + r * ldc;
      if (first) {
        System.arraycopy(tile, t, c, o, w);
      } else {
        for (int j = 0; j < w; j++) {
          c[o + j] += tile[t + j];
        }
      }
    }
  }

  /** 8 rows × 3 vectors (3·L columns); B panel rows 3·L wide, A panel rows 8 wide. */
  static void k8x3(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, int h, int w,
      boolean first, double[] tile) {
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector c00 = z, c01 = z, c02 = z;
    DoubleVector c10 = z, c11 = z, c12 = z;
    DoubleVector c20 = z, c21 = z, c22 = z;
    DoubleVector c30 = z, c31 = z, c32 = z;
    DoubleVector c40 = z, c41 = z, c42 = z;
    DoubleVector c50 = z, c51 = z, c52 = z;
    DoubleVector c60 = z, c61 = z, c62 = z;
    DoubleVector c70 = z, c71 = z, c72 = z;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * 3 * L;
      DoubleVector b0 = DoubleVector.fromArray(S, bp, q);
      DoubleVector b1 = DoubleVector.fromArray(S, bp, q + L);
      DoubleVector b2 = DoubleVector.fromArray(S, bp, q + 2 * L);
      int r = ao + p * 8;
      DoubleVector x = DoubleVector.broadcast(S, ap[r]);
      c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
      x = DoubleVector.broadcast(S, ap[r + 1]);
      c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
      x = DoubleVector.broadcast(S, ap[r + 2]);
      c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
      x = DoubleVector.broadcast(S, ap[r + 3]);
      c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
      x = DoubleVector.broadcast(S, ap[r + 4]);
      c40 = x.fma(b0, c40); c41 = x.fma(b1, c41); c42 = x.fma(b2, c42);
      x = DoubleVector.broadcast(S, ap[r + 5]);
      c50 = x.fma(b0, c50); c51 = x.fma(b1, c51); c52 = x.fma(b2, c52);
      x = DoubleVector.broadcast(S, ap[r + 6]);
      c60 = x.fma(b0, c60); c61 = x.fma(b1, c61); c62 = x.fma(b2, c62);
      x = DoubleVector.broadcast(S, ap[r + 7]);
      c70 = x.fma(b0, c70); c71 = x.fma(b1, c71); c72 = x.fma(b2, c72);
    }
    if (h == 8 && w == 3 * L) {
      put(c00, c, co, first); put(c01, c, co + L, first); put(c02, c, co + 2 * L, first);
      put(c10, c, co + ldc, first); put(c11, c, co + ldc + L, first); put(c12, c, co + ldc + 2 * L, first);
      put(c20, c, co + 2 * ldc, first); put(c21, c, co + 2 * ldc + L, first); put(c22, c, co + 2 * ldc + 2 * L, first);
      put(c30, c, co + 3 * ldc, first); put(c31, c, co + 3 * ldc + L, first); put(c32, c, co + 3 * ldc + 2 * L, first);
      put(c40, c, co + 4 * ldc, first); put(c41, c, co + 4 * ldc + L, first); put(c42, c, co + 4 * ldc + 2 * L, first);
      put(c50, c, co + 5 * ldc, first); put(c51, c, co + 5 * ldc + L, first); put(c52, c, co + 5 * ldc + 2 * L, first);
      put(c60, c, co + 6 * ldc, first); put(c61, c, co + 6 * ldc + L, first); put(c62, c, co + 6 * ldc + 2 * L, first);
      put(c70, c, co + 7 * ldc, first); put(c71, c, co + 7 * ldc + L, first); put(c72, c, co + 7 * ldc + 2 * L, first);
      return;
    }
    int s = 3 * L;
    c00.intoArray(tile, 0); c01.intoArray(tile, L); c02.intoArray(tile, 2 * L);
    c10.intoArray(tile, s); c11.intoArray(tile, s + L); c12.intoArray(tile, s + 2 * L);
    c20.intoArray(tile, 2 * s); c21.intoArray(tile, 2 * s + L); c22.intoArray(tile, 2 * s + 2 * L);
    c30.intoArray(tile, 3 * s); c31.intoArray(tile, 3 * s + L); c32.intoArray(tile, 3 * s + 2 * L);
    c40.intoArray(tile, 4 * s); c41.intoArray(tile, 4 * s + L); c42.intoArray(tile, 4 * s + 2 * L);
    c50.intoArray(tile, 5 * s); c51.intoArray(tile, 5 * s + L); c52.intoArray(tile, 5 * s + 2 * L);
    c60.intoArray(tile, 6 * s); c61.intoArray(tile, 6 * s + L); c62.intoArray(tile, 6 * s + 2 * L);
    c70.intoArray(tile, 7 * s); c71.intoArray(tile, 7 * s + L); c72.intoArray(tile, 7 * s + 2 * L);
    flush(tile, s, c, co, ldc, h, w, first);
  }

  /** 8 rows × 2 vectors (2·L columns); B panel rows 2·L wide, A panel rows 8 wide. */
  static void k8x2(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, int h, int w,
      boolean first, double[] tile) {
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector c00 = z, c01 = z;
    DoubleVector c10 = z, c11 = z;
    DoubleVector c20 = z, c21 = z;
    DoubleVector c30 = z, c31 = z;
    DoubleVector c40 = z, c41 = z;
    DoubleVector c50 = z, c51 = z;
    DoubleVector c60 = z, c61 = z;
    DoubleVector c70 = z, c71 = z;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * 2 * L;
      DoubleVector b0 = DoubleVector.fromArray(S, bp, q);
      DoubleVector b1 = DoubleVector.fromArray(S, bp, q + L);
      int r = ao + p * 8;
      DoubleVector x = DoubleVector.broadcast(S, ap[r]);
      c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(S, ap[r + 1]);
      c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(S, ap[r + 2]);
      c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(S, ap[r + 3]);
      c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(S, ap[r + 4]);
      c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(S, ap[r + 5]);
      c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
      x = DoubleVector.broadcast(S, ap[r + 6]);
      c60 = x.fma(b0, c60); c61 = x.fma(b1, c61);
      x = DoubleVector.broadcast(S, ap[r + 7]);
      c70 = x.fma(b0, c70); c71 = x.fma(b1, c71);
    }
    if (h == 8 && w == 2 * L) {
      put(c00, c, co, first); put(c01, c, co + L, first);
      put(c10, c, co + ldc, first); put(c11, c, co + ldc + L, first);
      put(c20, c, co + 2 * ldc, first); put(c21, c, co + 2 * ldc + L, first);
      put(c30, c, co + 3 * ldc, first); put(c31, c, co + 3 * ldc + L, first);
      put(c40, c, co + 4 * ldc, first); put(c41, c, co + 4 * ldc + L, first);
      put(c50, c, co + 5 * ldc, first); put(c51, c, co + 5 * ldc + L, first);
      put(c60, c, co + 6 * ldc, first); put(c61, c, co + 6 * ldc + L, first);
      put(c70, c, co + 7 * ldc, first); put(c71, c, co + 7 * ldc + L, first);
      return;
    }
    int s = 2 * L;
    c00.intoArray(tile, 0); c01.intoArray(tile, L);
    c10.intoArray(tile, s); c11.intoArray(tile, s + L);
    c20.intoArray(tile, 2 * s); c21.intoArray(tile, 2 * s + L);
    c30.intoArray(tile, 3 * s); c31.intoArray(tile, 3 * s + L);
    c40.intoArray(tile, 4 * s); c41.intoArray(tile, 4 * s + L);
    c50.intoArray(tile, 5 * s); c51.intoArray(tile, 5 * s + L);
    c60.intoArray(tile, 6 * s); c61.intoArray(tile, 6 * s + L);
    c70.intoArray(tile, 7 * s); c71.intoArray(tile, 7 * s + L);
    flush(tile, s, c, co, ldc, h, w, first);
  }

  /** 8 rows × 1 vector (1·L columns); B panel rows 1·L wide, A panel rows 8 wide. */
  static void k8x1(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, int h, int w,
      boolean first, double[] tile) {
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector c00 = z;
    DoubleVector c10 = z;
    DoubleVector c20 = z;
    DoubleVector c30 = z;
    DoubleVector c40 = z;
    DoubleVector c50 = z;
    DoubleVector c60 = z;
    DoubleVector c70 = z;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * L;
      DoubleVector b0 = DoubleVector.fromArray(S, bp, q);
      int r = ao + p * 8;
      DoubleVector x = DoubleVector.broadcast(S, ap[r]);
      c00 = x.fma(b0, c00);
      x = DoubleVector.broadcast(S, ap[r + 1]);
      c10 = x.fma(b0, c10);
      x = DoubleVector.broadcast(S, ap[r + 2]);
      c20 = x.fma(b0, c20);
      x = DoubleVector.broadcast(S, ap[r + 3]);
      c30 = x.fma(b0, c30);
      x = DoubleVector.broadcast(S, ap[r + 4]);
      c40 = x.fma(b0, c40);
      x = DoubleVector.broadcast(S, ap[r + 5]);
      c50 = x.fma(b0, c50);
      x = DoubleVector.broadcast(S, ap[r + 6]);
      c60 = x.fma(b0, c60);
      x = DoubleVector.broadcast(S, ap[r + 7]);
      c70 = x.fma(b0, c70);
    }
    if (h == 8 && w == L) {
      put(c00, c, co, first);
      put(c10, c, co + ldc, first);
      put(c20, c, co + 2 * ldc, first);
      put(c30, c, co + 3 * ldc, first);
      put(c40, c, co + 4 * ldc, first);
      put(c50, c, co + 5 * ldc, first);
      put(c60, c, co + 6 * ldc, first);
      put(c70, c, co + 7 * ldc, first);
      return;
    }
    int s = L;
    c00.intoArray(tile, 0);
    c10.intoArray(tile, s);
    c20.intoArray(tile, 2 * s);
    c30.intoArray(tile, 3 * s);
    c40.intoArray(tile, 4 * s);
    c50.intoArray(tile, 5 * s);
    c60.intoArray(tile, 6 * s);
    c70.intoArray(tile, 7 * s);
    flush(tile, s, c, co, ldc, h, w, first);
  }

  /** 6 rows × 2 vectors (2·L columns); B panel rows 2·L wide, A panel rows 6 wide. */
  static void k6x2(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, int h, int w,
      boolean first, double[] tile) {
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector c00 = z, c01 = z;
    DoubleVector c10 = z, c11 = z;
    DoubleVector c20 = z, c21 = z;
    DoubleVector c30 = z, c31 = z;
    DoubleVector c40 = z, c41 = z;
    DoubleVector c50 = z, c51 = z;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * 2 * L;
      DoubleVector b0 = DoubleVector.fromArray(S, bp, q);
      DoubleVector b1 = DoubleVector.fromArray(S, bp, q + L);
      int r = ao + p * 6;
      DoubleVector x = DoubleVector.broadcast(S, ap[r]);
      c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(S, ap[r + 1]);
      c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(S, ap[r + 2]);
      c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(S, ap[r + 3]);
      c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(S, ap[r + 4]);
      c40 = x.fma(b0, c40); c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(S, ap[r + 5]);
      c50 = x.fma(b0, c50); c51 = x.fma(b1, c51);
    }
    if (h == 6 && w == 2 * L) {
      put(c00, c, co, first); put(c01, c, co + L, first);
      put(c10, c, co + ldc, first); put(c11, c, co + ldc + L, first);
      put(c20, c, co + 2 * ldc, first); put(c21, c, co + 2 * ldc + L, first);
      put(c30, c, co + 3 * ldc, first); put(c31, c, co + 3 * ldc + L, first);
      put(c40, c, co + 4 * ldc, first); put(c41, c, co + 4 * ldc + L, first);
      put(c50, c, co + 5 * ldc, first); put(c51, c, co + 5 * ldc + L, first);
      return;
    }
    int s = 2 * L;
    c00.intoArray(tile, 0); c01.intoArray(tile, L);
    c10.intoArray(tile, s); c11.intoArray(tile, s + L);
    c20.intoArray(tile, 2 * s); c21.intoArray(tile, 2 * s + L);
    c30.intoArray(tile, 3 * s); c31.intoArray(tile, 3 * s + L);
    c40.intoArray(tile, 4 * s); c41.intoArray(tile, 4 * s + L);
    c50.intoArray(tile, 5 * s); c51.intoArray(tile, 5 * s + L);
    flush(tile, s, c, co, ldc, h, w, first);
  }

  /** 6 rows × 1 vector (1·L columns); B panel rows 1·L wide, A panel rows 6 wide. */
  static void k6x1(double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co, int ldc, int h, int w,
      boolean first, double[] tile) {
    DoubleVector z = DoubleVector.zero(S);
    DoubleVector c00 = z;
    DoubleVector c10 = z;
    DoubleVector c20 = z;
    DoubleVector c30 = z;
    DoubleVector c40 = z;
    DoubleVector c50 = z;
    for (int p = 0; p < kc; p++) {
      int q = bo + p * L;
      DoubleVector b0 = DoubleVector.fromArray(S, bp, q);
      int r = ao + p * 6;
      DoubleVector x = DoubleVector.broadcast(S, ap[r]);
      c00 = x.fma(b0, c00);
      x = DoubleVector.broadcast(S, ap[r + 1]);
      c10 = x.fma(b0, c10);
      x = DoubleVector.broadcast(S, ap[r + 2]);
      c20 = x.fma(b0, c20);
      x = DoubleVector.broadcast(S, ap[r + 3]);
      c30 = x.fma(b0, c30);
      x = DoubleVector.broadcast(S, ap[r + 4]);
      c40 = x.fma(b0, c40);
      x = DoubleVector.broadcast(S, ap[r + 5]);
      c50 = x.fma(b0, c50);
    }
    if (h == 6 && w == L) {
      put(c00, c, co, first);
      put(c10, c, co + ldc, first);
      put(c20, c, co + 2 * ldc, first);
      put(c30, c, co + 3 * ldc, first);
      put(c40, c, co + 4 * ldc, first);
      put(c50, c, co + 5 * ldc, first);
      return;
    }
    int s = L;
    c00.intoArray(tile, 0);
    c10.intoArray(tile, s);
    c20.intoArray(tile, 2 * s);
    c30.intoArray(tile, 3 * s);
    c40.intoArray(tile, 4 * s);
    c50.intoArray(tile, 5 * s);
    flush(tile, s, c, co, ldc, h, w, first);
  }
}
