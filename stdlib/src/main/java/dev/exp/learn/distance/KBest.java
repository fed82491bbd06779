package dev.exp.learn.distance;

import java.util.Arrays;

/**
 * Bounded max-heaps on (squared distance, index) for a block of queries: the k best candidates seen so far
 * per query, ordered so the worst (largest distance, then largest index) is on top; then the winners sorted.
 */
final class KBest {
  private final int k;
  private final double[] hd;
  private final int[] hi;
  private final int[] size;

  KBest(int queries, int k) {
    this.k = k;
    this.hd = new double[queries * k];
    this.hi = new int[queries * k];
    this.size = new int[queries];
  }

  /** Whether query q holds fewer than k candidates (then every candidate enters). */
  boolean open(int q) {
    return size[q] < k;
  }

  /** The squared distance a candidate must beat (strictly, candidates arriving in increasing index) to enter. */
  double bound(int q) {
    return size[q] < k ? Double.POSITIVE_INFINITY : hd[q * k];
  }

  /** Offers candidate (dv, iv) to query q. */
  void offer(int q, double dv, int iv) {
    int o = q * k;
    int sz = size[q];
    if (sz < k) {
      siftUp(o, sz, dv, iv);
      size[q] = sz + 1;
    } else if (above(hd[o], hi[o], dv, iv)) {
      replaceTop(o, dv, iv);
    }
  }

  /** Writes query q's candidates sorted by (distance, index) to idx/d2 at offset out. */
  void drain(int q, int[] idx, double[] d2, int out) {
    int o = q * k;
    int sz = size[q];
    Integer[] ord = new Integer[sz];
    for (int t = 0; t < sz; t++) {
      ord[t] = t;
    }
    Arrays.sort(ord, (a, b) -> hd[o + a] != hd[o + b] ? Double.compare(hd[o + a], hd[o + b])
        : Integer.compare(hi[o + a], hi[o + b]));
    for (int t = 0; t < sz; t++) {
      idx[out + t] = hi[o + ord[t]];
      d2[out + t] = hd[o + ord[t]];
    }
  }

  private static boolean above(double da, int ia, double db, int ib) {
    return da > db || (da == db && ia > ib);
  }

  private void siftUp(int o, int pos, double dv, int iv) {
    while (pos > 0) {
      int parent = (pos - 1) / 2;
      if (!above(dv, iv, hd[o + parent], hi[o + parent])) {
        break;
      }
      hd[o + pos] = hd[o + parent];
      hi[o + pos] = hi[o + parent];
      pos = parent;
    }
    hd[o + pos] = dv;
    hi[o + pos] = iv;
  }

  private void replaceTop(int o, double dv, int iv) {
    int pos = 0;
    while (true) {
      int l = 2 * pos + 1;
      if (l >= k) {
        break;
      }
      int c = l;
      if (l + 1 < k && above(hd[o + l + 1], hi[o + l + 1], hd[o + l], hi[o + l])) {
        c = l + 1;
      }
      if (!above(hd[o + c], hi[o + c], dv, iv)) {
        break;
      }
      hd[o + pos] = hd[o + c];
      hi[o + pos] = hi[o + c];
      pos = c;
    }
    hd[o + pos] = dv;
    hi[o + pos] = iv;
  }
}
