package dev.exp.learn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Dots} on {@code jdk.incubator.vector.DoubleVector}, bit-identical to the scalar loops: the
 * {@link Dots#LANES} partial sums are held in 16 / L vectors of L lanes (the tail by masked loads, which
 * add exact zeros to the other lanes) and combined in the same pairwise order. Loaded only by reflection.
 */
final class VectorDots extends Dots {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  @Override
  boolean usable() {
    return L == 4 || L == 8;
  }

  private static DoubleVector fma(double[] a, int ao, double[] b, int bo, int i, int n, DoubleVector s) {
    if (i + L <= n) {
      return DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s);
    }
    if (i >= n) {
      return s;
    }
    VectorMask<Double> m = S.indexInRange(i, n);
    return DoubleVector.fromArray(S, a, ao + i, m).fma(DoubleVector.fromArray(S, b, bo + i, m), s);
  }

  /** The pairwise sum of the lanes of v (lanes 0..L−1): lane i + lane i + w for w = L/2, ..., 1. */
  private static double fold(DoubleVector v) {
    for (int w = L / 2; w >= 1; w /= 2) {
      v = v.add(v.slice(w));
    }
    return v.lane(0);
  }

  @Override
  public double dot(double[] a, int ao, double[] b, int bo, int n) {
    int up = n - n % LANES;
    int i = 0;
    if (L == 8) {
      DoubleVector s0 = DoubleVector.zero(S);
      DoubleVector s1 = DoubleVector.zero(S);
      for (; i < up; i += 16) {
        s0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), s0);
        s1 = DoubleVector.fromArray(S, a, ao + i + 8).fma(DoubleVector.fromArray(S, b, bo + i + 8), s1);
      }
      if (i < n) {
        s0 = fma(a, ao, b, bo, i, n, s0);
        s1 = fma(a, ao, b, bo, i + 8, n, s1);
      }
      return fold(s0.add(s1));
    }
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
    if (i < n) {
      s0 = fma(a, ao, b, bo, i, n, s0);
      s1 = fma(a, ao, b, bo, i + 4, n, s1);
      s2 = fma(a, ao, b, bo, i + 8, n, s2);
      s3 = fma(a, ao, b, bo, i + 12, n, s3);
    }
    return fold(s0.add(s2).add(s1.add(s3)));
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
