package dev.exp.learn.distance;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link DistanceKernel} ({@code jdk.incubator.vector}). Every distance is one subtract and one
 * fused multiply-add per coordinate and lane, the same operations in the same order as the scalar reference,
 * so the values are bit-identical. k-means: the centres are tiled dimension-major (L centres per vector) and
 * each point's coordinates broadcast, four points at a time. k-NN: the reference points are tiled
 * dimension-major (L points per vector) and four queries share each pass over a tile; a tile none of whose
 * distances beats a query's k-th best is rejected with one vector compare. (A cross-term filter,
 * (1 − c)(‖r‖² + ‖q‖²) − 2r·q with exact re-measurement of the survivors, halves the arithmetic but measured
 * slower here.) Loaded only by reflection from {@link DistanceKernel#active()}.
 */
final class VectorDistances extends DistanceKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  /** Queries sharing one pass over a tile (one accumulator each). */
  private static final int G = 4;
  /** Reference points per cache chunk: the queries of a block scan a chunk in turn while it stays cached. */
  private static final int CHUNK = 2048;

  @Override
  boolean usable() {
    return L == 4 || L == 8;
  }

  @Override
  public String describe() {
    return "vector (" + L + " x float64 lanes)";
  }

  @Override
  public Points prepare(double[] x, int n, int d) {
    return new Points(x, n, d, L, true);
  }

  @Override
  public void assign(double[] x, int d, int p0, int p1, double[] centers, int k, int[] labels, double[] mind,
      double[] sums) {
    // centres tiled dimension-major, L centres per vector (+∞ past the last); each point's coordinates are
    // broadcast, so one vector holds its distances to L centres; four points at a time share the centre loads
    int ct = (k + L - 1) / L;
    int dl = d * L;
    double[] c = new double[ct * dl];
    java.util.Arrays.fill(c, Double.POSITIVE_INFINITY);
    for (int j = 0; j < k; j++) {
      int base = (j / L) * dl + j % L;
      for (int t = 0; t < d; t++) {
        c[base + t * L] = centers[j * d + t];
      }
    }
    DoubleVector zero = DoubleVector.zero(S);
    int i = p0;
    for (; i + 4 <= p1; i += 4) {
      int x0 = i * d;
      int x1 = x0 + d;
      int x2 = x1 + d;
      int x3 = x2 + d;
      double b0 = Double.POSITIVE_INFINITY;
      double b1 = b0;
      double b2 = b0;
      double b3 = b0;
      int l0 = 0;
      int l1 = 0;
      int l2 = 0;
      int l3 = 0;
      for (int tile = 0; tile < ct; tile++) {
        int base = tile * dl;
        DoubleVector a0 = zero;
        DoubleVector a1 = zero;
        DoubleVector a2 = zero;
        DoubleVector a3 = zero;
        for (int t = 0; t < d; t++) {
          DoubleVector cv = DoubleVector.fromArray(S, c, base + t * L);
          DoubleVector e0 = cv.sub(x[x0 + t]);
          DoubleVector e1 = cv.sub(x[x1 + t]);
          DoubleVector e2 = cv.sub(x[x2 + t]);
          DoubleVector e3 = cv.sub(x[x3 + t]);
          a0 = e0.fma(e0, a0);
          a1 = e1.fma(e1, a1);
          a2 = e2.fma(e2, a2);
          a3 = e3.fma(e3, a3);
        }
        int off = tile * L;
        double m0 = a0.reduceLanes(VectorOperators.MIN);
        if (m0 < b0) {
          b0 = m0;
          l0 = off + a0.compare(VectorOperators.EQ, m0).firstTrue();
        }
        double m1 = a1.reduceLanes(VectorOperators.MIN);
        if (m1 < b1) {
          b1 = m1;
          l1 = off + a1.compare(VectorOperators.EQ, m1).firstTrue();
        }
        double m2 = a2.reduceLanes(VectorOperators.MIN);
        if (m2 < b2) {
          b2 = m2;
          l2 = off + a2.compare(VectorOperators.EQ, m2).firstTrue();
        }
        double m3 = a3.reduceLanes(VectorOperators.MIN);
        if (m3 < b3) {
          b3 = m3;
          l3 = off + a3.compare(VectorOperators.EQ, m3).firstTrue();
        }
      }
      labels[i] = l0;
      labels[i + 1] = l1;
      labels[i + 2] = l2;
      labels[i + 3] = l3;
      mind[i] = b0;
      mind[i + 1] = b1;
      mind[i + 2] = b2;
      mind[i + 3] = b3;
    }
    for (; i < p1; i++) {
      int xo = i * d;
      double b = Double.POSITIVE_INFINITY;
      int l = 0;
      for (int tile = 0; tile < ct; tile++) {
        int base = tile * dl;
        DoubleVector a = zero;
        for (int t = 0; t < d; t++) {
          DoubleVector e = DoubleVector.fromArray(S, c, base + t * L).sub(x[xo + t]);
          a = e.fma(e, a);
        }
        double m = a.reduceLanes(VectorOperators.MIN);
        if (m < b) {
          b = m;
          l = tile * L + a.compare(VectorOperators.EQ, m).firstTrue();
        }
      }
      labels[i] = l;
      mind[i] = b;
    }
    if (sums != null) {
      // the rows just read are still cached
      int up = S.loopBound(d);
      for (int r = p0; r < p1; r++) {
        int xo = r * d;
        int so = labels[r] * d;
        int t = 0;
        for (; t < up; t += L) {
          DoubleVector.fromArray(S, sums, so + t).add(DoubleVector.fromArray(S, x, xo + t)).intoArray(sums, so + t);
        }
        for (; t < d; t++) {
          sums[so + t] += x[xo + t];
        }
      }
    }
  }

  @Override
  public void nearest(Points ref, double[] q, int q0, int q1, int k, int[] idx, double[] d2) {
    double[] t = ref.tiles();
    int n = ref.count();
    int d = ref.dims();
    int m = q1 - q0;
    int groups = (m + G - 1) / G;
    // the block's queries, padded to whole groups by repeating the last one (its results are dropped), each
    // coordinate replicated over L lanes: full-vector loads instead of broadcasts (which cost a shuffle each)
    double[] qp = new double[groups * G * d];
    for (int i = 0; i < groups * G; i++) {
      System.arraycopy(q, (q0 + Math.min(i, m - 1)) * d, qp, i * d, d);
    }
    double[] qb = replicate(qp, 0, qp.length);
    KBest best = new KBest(groups * G, k);
    double[] lanes = new double[L];
    int tiles = (n + L - 1) / L;
    int chunkTiles = Math.max(1, CHUNK / L);
    for (int c0 = 0; c0 < tiles; c0 += chunkTiles) {
      int c1 = Math.min(tiles, c0 + chunkTiles);
      for (int g = 0; g < groups; g++) {
        int a = g * G;
        int o0 = a * d * L;
        int o1 = o0 + d * L;
        int o2 = o1 + d * L;
        int o3 = o2 + d * L;
        double b0 = best.bound(a);
        double b1 = best.bound(a + 1);
        double b2 = best.bound(a + 2);
        double b3 = best.bound(a + 3);
        for (int ti = c0; ti < c1; ti++) {
          int base = ti * d * L;
          DoubleVector s0 = DoubleVector.zero(S);
          DoubleVector s1 = s0;
          DoubleVector s2 = s0;
          DoubleVector s3 = s0;
          for (int j = 0; j < d; j++) {
            int jl = j * L;
            DoubleVector r = DoubleVector.fromArray(S, t, base + jl);
            DoubleVector e0 = r.sub(DoubleVector.fromArray(S, qb, o0 + jl));
            DoubleVector e1 = r.sub(DoubleVector.fromArray(S, qb, o1 + jl));
            DoubleVector e2 = r.sub(DoubleVector.fromArray(S, qb, o2 + jl));
            DoubleVector e3 = r.sub(DoubleVector.fromArray(S, qb, o3 + jl));
            s0 = e0.fma(e0, s0);
            s1 = e1.fma(e1, s1);
            s2 = e2.fma(e2, s2);
            s3 = e3.fma(e3, s3);
          }
          int p = ti * L;
          if (s0.compare(VectorOperators.LT, b0).anyTrue() || best.open(a)) {
            b0 = offer(best, a, s0, p, n, lanes);
          }
          if (s1.compare(VectorOperators.LT, b1).anyTrue() || best.open(a + 1)) {
            b1 = offer(best, a + 1, s1, p, n, lanes);
          }
          if (s2.compare(VectorOperators.LT, b2).anyTrue() || best.open(a + 2)) {
            b2 = offer(best, a + 2, s2, p, n, lanes);
          }
          if (s3.compare(VectorOperators.LT, b3).anyTrue() || best.open(a + 3)) {
            b3 = offer(best, a + 3, s3, p, n, lanes);
          }
        }
      }
    }
    for (int i = 0; i < m; i++) {
      best.drain(i, idx, d2, (q0 + i) * k);
    }
  }

  /** v[o .. o+len) with every value repeated L times. */
  private static double[] replicate(double[] v, int o, int len) {
    double[] out = new double[len * L];
    for (int i = 0; i < len; i++) {
      java.util.Arrays.fill(out, i * L, i * L + L, v[o + i]);
    }
    return out;
  }

  /** Offers the lanes of one tile (points p .. p+L−1, those below n) in index order; returns the new bound. */
  private static double offer(KBest best, int query, DoubleVector s, int p, int n, double[] lanes) {
    s.intoArray(lanes, 0);
    int e = Math.min(L, n - p);
    for (int i = 0; i < e; i++) {
      double v = lanes[i];
      if (best.open(query) || v < best.bound(query)) {
        best.offer(query, v, p + i);
      }
    }
    return best.bound(query);
  }
}
