package dev.exp.learn.distance;

/**
 * The scalar reference {@link DistanceKernel}: row-major loops, {@link DistanceKernel#squared} per pair. The
 * neighbour search runs four reference rows at a time (four independent accumulation chains).
 */
class ScalarDistances extends DistanceKernel {
  @Override
  public String describe() {
    return "scalar";
  }

  @Override
  public Points prepare(double[] x, int n, int d) {
    return new Points(x, n, d, 1, false);
  }

  @Override
  public void assign(double[] x, int d, int p0, int p1, double[] centers, int k, int[] labels, double[] mind,
      double[] sums) {
    for (int i = p0; i < p1; i++) {
      double best = Double.POSITIVE_INFINITY;
      int label = 0;
      for (int c = 0; c < k; c++) {
        double s = squared(x, i * d, centers, c * d, d);
        if (s < best) {
          best = s;
          label = c;
        }
      }
      labels[i] = label;
      mind[i] = best;
      if (sums != null) {
        int so = label * d;
        for (int t = 0; t < d; t++) {
          sums[so + t] += x[i * d + t];
        }
      }
    }
  }

  @Override
  public void nearest(Points ref, double[] q, int q0, int q1, int k, int[] idx, double[] d2) {
    double[] r = ref.rows();
    int n = ref.count();
    int d = ref.dims();
    for (int i = q0; i < q1; i++) {
      KBest best = new KBest(1, k);
      int qo = i * d;
      int p = 0;
      for (; p + 4 <= n; p += 4) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int o = p * d;
        for (int j = 0; j < d; j++) {
          double qj = q[qo + j];
          double e0 = r[o + j] - qj;
          double e1 = r[o + d + j] - qj;
          double e2 = r[o + 2 * d + j] - qj;
          double e3 = r[o + 3 * d + j] - qj;
          s0 = Math.fma(e0, e0, s0);
          s1 = Math.fma(e1, e1, s1);
          s2 = Math.fma(e2, e2, s2);
          s3 = Math.fma(e3, e3, s3);
        }
        offer(best, s0, p);
        offer(best, s1, p + 1);
        offer(best, s2, p + 2);
        offer(best, s3, p + 3);
      }
      for (; p < n; p++) {
        offer(best, squared(r, p * d, q, qo, d), p);
      }
      best.drain(0, idx, d2, i * k);
    }
  }

  private static void offer(KBest best, double s, int p) {
    if (best.open(0) || s < best.bound(0)) {
      best.offer(0, s, p);
    }
  }
}
