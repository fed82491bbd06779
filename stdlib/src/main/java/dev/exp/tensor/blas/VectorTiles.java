package dev.exp.tensor.blas;

import static jdk.incubator.vector.DoubleVector.fromArray;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tiles of {@link VectorGemm}: each multiplies one packed A panel (MR rows, element
 * (r, p) at {@code ao + p·MR + r}) by one packed B panel (V vectors wide, row p at {@code bo + p·V·L})
 * over kc steps, with MR·V vector accumulators of fused multiply-adds. The accumulators start from C
 * (zero in the first k block) and go back to C once, so each element of C is one FMA chain over the
 * whole k in order, whatever the k blocks, tile family or threads. Only the top-left h×w corner
 * reaches C (row r at {@code co + r·ldc}): edge tiles run on {@code tile} (MR·V·L doubles) and copy
 * their corner in and out.
 *
 * <p>The wide family (8 rows × up to 3 vectors: 24 accumulators, 3 B vectors and 1 broadcast) is for
 * 32 vector registers (AVX-512); the narrow one (6 rows × up to 2 vectors) fits 16 (AVX2, NEON).
 * Loads use constant offsets from one index per step, so C2 hoists their range checks out of the loop.
 * The code is written out by hand on purpose: C2 keeps the accumulators in registers only when each
 * is a separate local, and each kernel calls nothing but intrinsics, so it compiles as one unit
 * (a helper per C vector was not inlined past C2's node budget, and boxed every accumulator).
 */
final class VectorTiles {
  private VectorTiles() {}

  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** One zero row of the widest tile, read with row stride 0 as the starting C of a first k block. */
  private static final double[] ZERO = new double[3 * L];

  /**
   * Runs the tile of {@code rows} (8 or 6) rows and {@code vectors} B vectors: C's h×w corner at co
   * becomes (first ? 0 : C) + A panel · B panel.
   */
  static void run(int rows, int vectors, double[] ap, int ao, double[] bp, int bo, int kc, double[] c, int co,
      int ldc, int h, int w, boolean first, double[] tile) {
    int width = vectors * L;
    if (h == rows && w == width) {
      if (first) {
        kernel(rows, vectors, ap, ao, bp, bo, kc, ZERO, 0, 0, c, co, ldc);
      } else {
        kernel(rows, vectors, ap, ao, bp, bo, kc, c, co, ldc, c, co, ldc);
      }
      return;
    }
    java.util.Arrays.fill(tile, 0, rows * width, 0.0);
    if (!first) {
      for (int r = 0; r < h; r++) {
        System.arraycopy(c, co + r * ldc, tile, r * width, w);
      }
    }
    kernel(rows, vectors, ap, ao, bp, bo, kc, tile, 0, width, tile, 0, width);
    for (int r = 0; r < h; r++) {
      System.arraycopy(tile, r * width, c, co + r * ldc, w);
    }
  }

  /** The kernel for the shape: accumulators from src (row stride sld), results to dst (row stride ld). */
  private static void kernel(int rows, int vectors, double[] ap, int ao, double[] bp, int bo, int kc,
      double[] src, int s, int sld, double[] dst, int d, int ld) {
    if (rows == 8) {
      switch (vectors) {
        case 3 -> k8x3(ap, ao, bp, bo, kc, src, s, sld, dst, d, ld);
        case 2 -> k8x2(ap, ao, bp, bo, kc, src, s, sld, dst, d, ld);
        default -> k8x1(ap, ao, bp, bo, kc, src, s, sld, dst, d, ld);
      }
    } else if (vectors == 2) {
      k6x2(ap, ao, bp, bo, kc, src, s, sld, dst, d, ld);
    } else {
      k6x1(ap, ao, bp, bo, kc, src, s, sld, dst, d, ld);
    }
  }

  /** 8 rows × 3 vectors: B panel rows 3·L wide, A panel rows 8 wide. */
  static void k8x3(double[] ap, int ao, double[] bp, int bo, int kc, double[] src, int s, int sld,
      double[] dst, int d, int ld) {
    DoubleVector c00 = fromArray(S, src, s), c01 = fromArray(S, src, s + L), c02 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c10 = fromArray(S, src, s), c11 = fromArray(S, src, s + L), c12 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c20 = fromArray(S, src, s), c21 = fromArray(S, src, s + L), c22 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c30 = fromArray(S, src, s), c31 = fromArray(S, src, s + L), c32 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c40 = fromArray(S, src, s), c41 = fromArray(S, src, s + L), c42 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c50 = fromArray(S, src, s), c51 = fromArray(S, src, s + L), c52 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c60 = fromArray(S, src, s), c61 = fromArray(S, src, s + L), c62 = fromArray(S, src, s + 2 * L);
    s += sld;
    DoubleVector c70 = fromArray(S, src, s), c71 = fromArray(S, src, s + L), c72 = fromArray(S, src, s + 2 * L);
    for (int p = 0; p < kc; p++) {
      int q = bo + p * 3 * L;
      DoubleVector b0 = fromArray(S, bp, q);
      DoubleVector b1 = fromArray(S, bp, q + L);
      DoubleVector b2 = fromArray(S, bp, q + 2 * L);
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
    c00.intoArray(dst, d); c01.intoArray(dst, d + L); c02.intoArray(dst, d + 2 * L);
    d += ld;
    c10.intoArray(dst, d); c11.intoArray(dst, d + L); c12.intoArray(dst, d + 2 * L);
    d += ld;
    c20.intoArray(dst, d); c21.intoArray(dst, d + L); c22.intoArray(dst, d + 2 * L);
    d += ld;
    c30.intoArray(dst, d); c31.intoArray(dst, d + L); c32.intoArray(dst, d + 2 * L);
    d += ld;
    c40.intoArray(dst, d); c41.intoArray(dst, d + L); c42.intoArray(dst, d + 2 * L);
    d += ld;
    c50.intoArray(dst, d); c51.intoArray(dst, d + L); c52.intoArray(dst, d + 2 * L);
    d += ld;
    c60.intoArray(dst, d); c61.intoArray(dst, d + L); c62.intoArray(dst, d + 2 * L);
    d += ld;
    c70.intoArray(dst, d); c71.intoArray(dst, d + L); c72.intoArray(dst, d + 2 * L);
  }

  /** 8 rows × 2 vectors: B panel rows 2·L wide, A panel rows 8 wide. */
  static void k8x2(double[] ap, int ao, double[] bp, int bo, int kc, double[] src, int s, int sld,
      double[] dst, int d, int ld) {
    DoubleVector c00 = fromArray(S, src, s), c01 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c10 = fromArray(S, src, s), c11 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c20 = fromArray(S, src, s), c21 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c30 = fromArray(S, src, s), c31 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c40 = fromArray(S, src, s), c41 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c50 = fromArray(S, src, s), c51 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c60 = fromArray(S, src, s), c61 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c70 = fromArray(S, src, s), c71 = fromArray(S, src, s + L);
    for (int p = 0; p < kc; p++) {
      int q = bo + p * 2 * L;
      DoubleVector b0 = fromArray(S, bp, q);
      DoubleVector b1 = fromArray(S, bp, q + L);
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
    c00.intoArray(dst, d); c01.intoArray(dst, d + L);
    d += ld;
    c10.intoArray(dst, d); c11.intoArray(dst, d + L);
    d += ld;
    c20.intoArray(dst, d); c21.intoArray(dst, d + L);
    d += ld;
    c30.intoArray(dst, d); c31.intoArray(dst, d + L);
    d += ld;
    c40.intoArray(dst, d); c41.intoArray(dst, d + L);
    d += ld;
    c50.intoArray(dst, d); c51.intoArray(dst, d + L);
    d += ld;
    c60.intoArray(dst, d); c61.intoArray(dst, d + L);
    d += ld;
    c70.intoArray(dst, d); c71.intoArray(dst, d + L);
  }

  /** 8 rows × 1 vector: B panel rows 1·L wide, A panel rows 8 wide. */
  static void k8x1(double[] ap, int ao, double[] bp, int bo, int kc, double[] src, int s, int sld,
      double[] dst, int d, int ld) {
    DoubleVector c00 = fromArray(S, src, s);
    s += sld;
    DoubleVector c10 = fromArray(S, src, s);
    s += sld;
    DoubleVector c20 = fromArray(S, src, s);
    s += sld;
    DoubleVector c30 = fromArray(S, src, s);
    s += sld;
    DoubleVector c40 = fromArray(S, src, s);
    s += sld;
    DoubleVector c50 = fromArray(S, src, s);
    s += sld;
    DoubleVector c60 = fromArray(S, src, s);
    s += sld;
    DoubleVector c70 = fromArray(S, src, s);
    for (int p = 0; p < kc; p++) {
      int q = bo + p * L;
      DoubleVector b0 = fromArray(S, bp, q);
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
    c00.intoArray(dst, d);
    d += ld;
    c10.intoArray(dst, d);
    d += ld;
    c20.intoArray(dst, d);
    d += ld;
    c30.intoArray(dst, d);
    d += ld;
    c40.intoArray(dst, d);
    d += ld;
    c50.intoArray(dst, d);
    d += ld;
    c60.intoArray(dst, d);
    d += ld;
    c70.intoArray(dst, d);
  }

  /** 6 rows × 2 vectors: B panel rows 2·L wide, A panel rows 6 wide. */
  static void k6x2(double[] ap, int ao, double[] bp, int bo, int kc, double[] src, int s, int sld,
      double[] dst, int d, int ld) {
    DoubleVector c00 = fromArray(S, src, s), c01 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c10 = fromArray(S, src, s), c11 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c20 = fromArray(S, src, s), c21 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c30 = fromArray(S, src, s), c31 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c40 = fromArray(S, src, s), c41 = fromArray(S, src, s + L);
    s += sld;
    DoubleVector c50 = fromArray(S, src, s), c51 = fromArray(S, src, s + L);
    for (int p = 0; p < kc; p++) {
      int q = bo + p * 2 * L;
      DoubleVector b0 = fromArray(S, bp, q);
      DoubleVector b1 = fromArray(S, bp, q + L);
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
    c00.intoArray(dst, d); c01.intoArray(dst, d + L);
    d += ld;
    c10.intoArray(dst, d); c11.intoArray(dst, d + L);
    d += ld;
    c20.intoArray(dst, d); c21.intoArray(dst, d + L);
    d += ld;
    c30.intoArray(dst, d); c31.intoArray(dst, d + L);
    d += ld;
    c40.intoArray(dst, d); c41.intoArray(dst, d + L);
    d += ld;
    c50.intoArray(dst, d); c51.intoArray(dst, d + L);
  }

  /** 6 rows × 1 vector: B panel rows 1·L wide, A panel rows 6 wide. */
  static void k6x1(double[] ap, int ao, double[] bp, int bo, int kc, double[] src, int s, int sld,
      double[] dst, int d, int ld) {
    DoubleVector c00 = fromArray(S, src, s);
    s += sld;
    DoubleVector c10 = fromArray(S, src, s);
    s += sld;
    DoubleVector c20 = fromArray(S, src, s);
    s += sld;
    DoubleVector c30 = fromArray(S, src, s);
    s += sld;
    DoubleVector c40 = fromArray(S, src, s);
    s += sld;
    DoubleVector c50 = fromArray(S, src, s);
    for (int p = 0; p < kc; p++) {
      int q = bo + p * L;
      DoubleVector b0 = fromArray(S, bp, q);
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
    c00.intoArray(dst, d);
    d += ld;
    c10.intoArray(dst, d);
    d += ld;
    c20.intoArray(dst, d);
    d += ld;
    c30.intoArray(dst, d);
    d += ld;
    c40.intoArray(dst, d);
    d += ld;
    c50.intoArray(dst, d);
  }
}
