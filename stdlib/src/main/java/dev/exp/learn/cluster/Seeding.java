package dev.exp.learn.cluster;

import dev.exp.kernel.KernelContext;
import dev.exp.random.Rng;

/** Initial k-means centres: k distinct random rows, or greedy k-means++ (Arthur and Vassilvitskii 2007). */
final class Seeding {
  private Seeding() {}

  /** k distinct rows chosen uniformly (partial Fisher–Yates). */
  static double[] random(double[] x, int n, int d, int k, Rng rng) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    double[] c = new double[k * d];
    for (int j = 0; j < k; j++) {
      int r = j + rng.nextInt(n - j);
      int t = idx[j];
      idx[j] = idx[r];
      idx[r] = t;
      System.arraycopy(x, idx[j] * d, c, j * d, d);
    }
    return c;
  }

  /**
   * Greedy k-means++: the first centre is a uniform row; each next one is the best (lowest potential) of
   * 2 + ⌊ln k⌋ candidates drawn with probability proportional to the squared distance to the chosen centres.
   */
  static double[] plusPlus(double[] x, int n, int d, int k, Rng rng, KernelContext ctx) {
    double[] c = new double[k * d];
    int trials = 2 + (int) Math.log(k);
    int first = rng.nextInt(n);
    System.arraycopy(x, first * d, c, 0, d);
    double[] closest = new double[n];
    double[] one = new double[n];
    distancesTo(x, n, d, first, closest);
    double pot = sum(closest);
    double[] cand = new double[n];
    double[] bestD = new double[n];
    for (int j = 1; j < k; j++) {
      ctx.poll();
      int bestIdx = -1;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int idx = sample(closest, pot, rng);
        distancesTo(x, n, d, idx, one);
        double p = 0;
        for (int i = 0; i < n; i++) {
          cand[i] = Math.min(closest[i], one[i]);
          p += cand[i];
        }
        if (p < bestPot) {
          bestPot = p;
          bestIdx = idx;
          System.arraycopy(cand, 0, bestD, 0, n);
        }
      }
      System.arraycopy(x, bestIdx * d, c, j * d, d);
      System.arraycopy(bestD, 0, closest, 0, n);
      pot = bestPot;
    }
    return c;
  }

  private static int sample(double[] w, double total, Rng rng) {
    if (!(total > 0)) {
      return rng.nextInt(w.length);
    }
    double u = rng.nextDouble() * total;
    double acc = 0;
    for (int i = 0; i < w.length; i++) {
      acc += w[i];
      if (acc > u) {
        return i;
      }
    }
    for (int i = w.length - 1; i >= 0; i--) {
      if (w[i] > 0) {
        return i;
      }
    }
    return w.length - 1;
  }

  private static void distancesTo(double[] x, int n, int d, int row, double[] out) {
    int ro = row * d;
    for (int i = 0; i < n; i++) {
      double s = 0;
      int io = i * d;
      for (int t = 0; t < d; t++) {
        double e = x[io + t] - x[ro + t];
        s += e * e;
      }
      out[i] = s;
    }
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e;
    }
    return s;
  }
}
