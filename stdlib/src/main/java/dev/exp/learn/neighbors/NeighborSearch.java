package dev.exp.learn.neighbors;

import dev.exp.kernel.Parallel;
import dev.exp.learn.distance.DistanceKernel;
import dev.exp.learn.distance.Points;

/**
 * Exact batched k-nearest-neighbour search under the Euclidean distance: squared distances Σ_j (q_j − r_j)²
 * computed directly by {@link DistanceKernel} (register tiles of reference points, whole tiles rejected
 * against each query's running k-th best), the k winners ordered by (distance, index): equal distances are
 * broken by the smaller reference index. Blocks of queries run in parallel ({@link Parallel}).
 */
public final class NeighborSearch {
  private NeighborSearch() {}

  private static final int QUERY_BLOCK = 64;

  /** The result: indices [m, k] and distances [m, k], row-major. */
  public record Result(int[] indices, double[] distances) {}

  /** The k nearest rows of ref [n, d] for every row of query [m, d]; k ≤ n. */
  public static Result search(double[] ref, int n, double[] query, int m, int d, int k) {
    return search(DistanceKernel.forWork((double) n * m * d), ref, n, query, m, d, k);
  }

  /** {@link #search(double[], int, double[], int, int, int)} with a given distance kernel (tests). */
  static Result search(DistanceKernel kernel, double[] ref, int n, double[] query, int m, int d, int k) {
    Points points = kernel.prepare(ref, n, d);
    int[] idx = new int[m * k];
    double[] dist = new double[m * k];
    int blocks = (m + QUERY_BLOCK - 1) / QUERY_BLOCK;
    Parallel.forEach(blocks, b -> {
      int q0 = b * QUERY_BLOCK;
      int q1 = Math.min(m, q0 + QUERY_BLOCK);
      kernel.nearest(points, query, q0, q1, k, idx, dist);
      for (int t = q0 * k; t < q1 * k; t++) {
        dist[t] = Math.sqrt(dist[t]);
      }
    });
    return new Result(idx, dist);
  }
}
