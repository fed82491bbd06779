package dev.exp.learn.neighbors;

import dev.exp.kernel.Parallel;

/**
 * Exact batched k-nearest-neighbour search under the Euclidean distance: squared distances
 * Σ_j (q_j − r_j)² computed directly over blocks of reference rows (feature-major, so the loop
 * vectorises; for the small d of neighbour search this beats the ‖q‖² + ‖r‖² − 2q·r BLAS product
 * and is exact), a bounded max-heap per query, then the k winners ordered by (distance, index). Equal distances are broken by the smaller reference index. Query blocks run in
 * parallel ({@link Parallel}).
 */
public final class NeighborSearch {
  private NeighborSearch() {}

  private static final int QUERY_BLOCK = 128;
  private static final int REF_BLOCK = 2048;

  /** The result: indices [m, k] and distances [m, k], row-major. */
  public record Result(int[] indices, double[] distances) {}

  /** The k nearest rows of ref [n, d] for every row of query [m, d]; k ≤ n. */
  public static Result search(double[] ref, int n, double[] query, int m, int d, int k) {
    // feature-major copy of the reference rows: the distance loop below then runs over contiguous
    // reference values and vectorises (faster than a BLAS product for the small d of neighbour search)
    double[] refT = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        refT[j * n + i] = ref[i * d + j];
      }
    }
    int[] idx = new int[m * k];
    double[] dist = new double[m * k];
    int blocks = (m + QUERY_BLOCK - 1) / QUERY_BLOCK;
    Parallel.forEach(blocks, b -> {
      int q0 = b * QUERY_BLOCK;
      int q1 = Math.min(m, q0 + QUERY_BLOCK);
      int bq = q1 - q0;
      double[] heapD = new double[bq * k];
      int[] heapI = new int[bq * k];
      int[] size = new int[bq];
      double[] acc = new double[Math.min(REF_BLOCK, n)];
      for (int r0 = 0; r0 < n; r0 += REF_BLOCK) {
        int r1 = Math.min(n, r0 + REF_BLOCK);
        int br = r1 - r0;
        for (int i = 0; i < bq; i++) {
          int qo = (q0 + i) * d;
          java.util.Arrays.fill(acc, 0, br, 0.0);
          for (int j = 0; j < d; j++) {
            double qj = query[qo + j];
            int ro = j * n + r0;
            for (int r = 0; r < br; r++) {
              double t = refT[ro + r] - qj;
              acc[r] += t * t;
            }
          }
          int ho = i * k;
          int sz = size[i];
          double worst = sz == k ? heapD[ho] : Double.POSITIVE_INFINITY;
          for (int r = 0; r < br; r++) {
            double d2 = acc[r];
            if (d2 < worst) {
              if (sz < k) {
                siftUp(heapD, heapI, ho, sz, d2, r0 + r);
                sz++;
              } else {
                replaceTop(heapD, heapI, ho, k, d2, r0 + r);
              }
              worst = sz == k ? heapD[ho] : Double.POSITIVE_INFINITY;
            }
          }
          size[i] = sz;
        }
      }
      for (int i = 0; i < bq; i++) {
        int ho = i * k;
        int qo = (q0 + i) * d;
        Integer[] order = new Integer[k];
        double[] exact = new double[k];
        for (int t = 0; t < k; t++) {
          int ri = heapI[ho + t];
          double s = 0;
          for (int j = 0; j < d; j++) {
            double v = query[qo + j] - ref[ri * d + j];
            s += v * v;
          }
          exact[t] = s;
          order[t] = t;
        }
        java.util.Arrays.sort(order, (a, c) -> exact[a] != exact[c] ? Double.compare(exact[a], exact[c])
            : Integer.compare(heapI[ho + a], heapI[ho + c]));
        int oo = (q0 + i) * k;
        for (int t = 0; t < k; t++) {
          idx[oo + t] = heapI[ho + order[t]];
          dist[oo + t] = Math.sqrt(exact[order[t]]);
        }
      }
    });
    return new Result(idx, dist);
  }

  /** Max-heap on (distance, index) stored at [o, o + size). */
  private static boolean above(double da, int ia, double db, int ib) {
    return da > db || (da == db && ia > ib);
  }

  private static void siftUp(double[] hd, int[] hi, int o, int pos, double dv, int iv) {
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

  private static void replaceTop(double[] hd, int[] hi, int o, int k, double dv, int iv) {
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
