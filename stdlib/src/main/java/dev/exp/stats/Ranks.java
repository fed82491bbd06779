package dev.exp.stats;

import java.util.Arrays;

/** Ranks with ties averaged (1-based), as scipy.stats.rankdata's "average" method. */
public final class Ranks {
  private Ranks() {}

  /** Average ranks of x. */
  public static double[] average(double[] x) {
    int n = x.length;
    Integer[] ord = new Integer[n];
    for (int i = 0; i < n; i++) {
      ord[i] = i;
    }
    Arrays.sort(ord, (a, b) -> Double.compare(x[a], x[b]));
    double[] r = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && x[ord[j + 1]] == x[ord[i]]) {
        j++;
      }
      double avg = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        r[ord[t]] = avg;
      }
      i = j + 1;
    }
    return r;
  }
}
