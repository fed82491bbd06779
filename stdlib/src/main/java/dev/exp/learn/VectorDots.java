package dev.exp.learn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Dots} on {@code jdk.incubator.vector.DoubleVector}, bit-identical to the scalar loops: the
 * {@link Dots#LANES} partial sums are held in 16 / L vectors of L lanes and combined in the same pairwise
 * order (lane extraction, no masks or shuffles: JDK 17 compiles those poorly). Loaded only by reflection.
 */
final class VectorDots extends Dots {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  boolean usable() {
    return L == 4 || L == 8;
  }

  @Override
  public double dot(double[] a, int ao, double[] b, int bo, int n) {
    int up = n - n % LANES;
    int i = 0;
    double sum;
    if (L == 8) {
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = DoubleVector.zero(S);
      for (; i < up; i += 16) {
        s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
        s1 = DoubleVector.fromArray(S, a, ao + i + 8).fma(DoubleVector.fromArray(S, b, bo + i + 8), s1);
      }
      DoubleVector t = s0.add(s1);
      sum = ((t.lane(0) + t.lane(4)) + (t.lane(2) + t.lane(6))) + ((t.lane(1) + t.lane(5)) + (t.lane(3) + t.lane(7)));
    } else {
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = DoubleVector.zero(S);
      DoubleVector s2 = DoubleVector.zero(S);
      DoubleVector s3 = DoubleVector.zero(S);
      for (; i < up; i += 16) {
        s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
        s1 = DoubleVector.fromArray(S, a, ao + i + 4).fma(DoubleVector.fromArray(S, b, bo + i + 4), s1);
        s2 = DoubleVector.fromArray(S, a, ao + i + 8).fma(DoubleVector.fromArray(S, b, bo + i + 8), s2);
        s3 = DoubleVector.fromArray(S, a, ao + i + 12).fma(DoubleVector.fromArray(S, b, bo + i + 12), s3);
      }
      DoubleVector t = s0.add(s2).add(s1.add(s3));
      sum = (t.lane(0) + t.lane(2)) + (t.lane(1) + t.lane(3));
    }
    for (; i < n; i++) {
      sum = Math.fma(a[ao + i], b[bo + i], sum);
    }
    return sum;
  }

  @Override
  public void syrkUpper(double[] b, int m, int p, int ps, double[] h) {
    if (ps % L != 0) {
      super.syrkUpper(b, m, p, ps, h);
      return;
    }
    for (int j = 0; j < p; j += 4) { // rows j..j+3 of H (j + 3 < ps: ps is a multiple of 8 ≥ p)
      int l = j - j % L;
      for (; l + 2 * L <= ps; l += 2 * L) {
        DoubleVector a00 = DoubleVector.zero(S);
        DoubleVector a01 = DoubleVector.zero(S);
        DoubleVector a10 = DoubleVector.zero(S);
        DoubleVector a11 = DoubleVector.zero(S);
        DoubleVector a20 = DoubleVector.zero(S);
        DoubleVector a21 = DoubleVector.zero(S);
        DoubleVector a30 = DoubleVector.zero(S);
        DoubleVector a31 = DoubleVector.zero(S);
        for (int i = 0, o = 0; i < m; i++, o += ps) {
          DoubleVector v0 = DoubleVector.fromArray(S, b, o + l);
          DoubleVector v1 = DoubleVector.fromArray(S, b, o + l + L);
          DoubleVector c0 = DoubleVector.broadcast(S, b[o + j]);
          DoubleVector c1 = DoubleVector.broadcast(S, b[o + j + 1]);
          DoubleVector c2 = DoubleVector.broadcast(S, b[o + j + 2]);
          DoubleVector c3 = DoubleVector.broadcast(S, b[o + j + 3]);
          a00 = c0.fma(v0, a00);
          a01 = c0.fma(v1, a01);
          a10 = c1.fma(v0, a10);
          a11 = c1.fma(v1, a11);
          a20 = c2.fma(v0, a20);
          a21 = c2.fma(v1, a21);
          a30 = c3.fma(v0, a30);
          a31 = c3.fma(v1, a31);
        }
        add(h, j * ps + l, a00, a01);
        add(h, (j + 1) * ps + l, a10, a11);
        add(h, (j + 2) * ps + l, a20, a21);
        add(h, (j + 3) * ps + l, a30, a31);
      }
      for (; l < ps; l += L) {
        DoubleVector a0 = DoubleVector.zero(S);
        DoubleVector a1 = DoubleVector.zero(S);
        DoubleVector a2 = DoubleVector.zero(S);
        DoubleVector a3 = DoubleVector.zero(S);
        for (int i = 0, o = 0; i < m; i++, o += ps) {
          DoubleVector v = DoubleVector.fromArray(S, b, o + l);
          a0 = DoubleVector.broadcast(S, b[o + j]).fma(v, a0);
          a1 = DoubleVector.broadcast(S, b[o + j + 1]).fma(v, a1);
          a2 = DoubleVector.broadcast(S, b[o + j + 2]).fma(v, a2);
          a3 = DoubleVector.broadcast(S, b[o + j + 3]).fma(v, a3);
        }
        DoubleVector.fromArray(S, h, j * ps + l).add(a0).intoArray(h, j * ps + l);
        DoubleVector.fromArray(S, h, (j + 1) * ps + l).add(a1).intoArray(h, (j + 1) * ps + l);
        DoubleVector.fromArray(S, h, (j + 2) * ps + l).add(a2).intoArray(h, (j + 2) * ps + l);
        DoubleVector.fromArray(S, h, (j + 3) * ps + l).add(a3).intoArray(h, (j + 3) * ps + l);
      }
    }
  }

  private static void add(double[] h, int o, DoubleVector a0, DoubleVector a1) {
    DoubleVector.fromArray(S, h, o).add(a0).intoArray(h, o);
    DoubleVector.fromArray(S, h, o + L).add(a1).intoArray(h, o + L);
  }

  @Override
  public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
    int up = S.loopBound(n);
    DoubleVector va = DoubleVector.broadcast(S, alpha);
    int i = 0;
    for (; i < up; i += L) {
      va.fma(DoubleVector.fromArray(S, x, xo + i), DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
    }
    for (; i < n; i++) {
      y[yo + i] = Math.fma(alpha, x[xo + i], y[yo + i]);
    }
  }
}
