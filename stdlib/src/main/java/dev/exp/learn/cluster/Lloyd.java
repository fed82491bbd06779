package dev.exp.learn.cluster;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.Parallel;
import dev.exp.learn.distance.DistanceKernel;
import java.util.Arrays;

/**
 * Lloyd's algorithm on a row-major n×d matrix: assignment by exact distance blocks ({@link DistanceKernel},
 * blocks of points in parallel), centre update by means, empty clusters moved to the points farthest from
 * their centres. One run from given centres. Block partial sums are added in block order, so the result does
 * not depend on the number of threads.
 */
final class Lloyd {
  private static final int BLOCK = 4096;

  private final double[] x;
  private final DistanceKernel kernel;
  private final int n;
  private final int d;
  private final int k;

  /** Lloyd runs of up to maxIter iterations, on the distance kernel suited to that much work. */
  Lloyd(double[] x, int n, int d, int k, int maxIter) {
    this(x, n, d, k, DistanceKernel.forWork((double) n * k * d * maxIter));
  }

  Lloyd(double[] x, int n, int d, int k, DistanceKernel kernel) {
    this.x = x;
    this.kernel = kernel;
    this.n = n;
    this.d = d;
    this.k = k;
  }

  /** The outcome of one run. */
  record Run(double[] centers, int[] labels, double inertia, double[] history, int iterations, boolean converged,
      String reason) {}

  /**
   * Assignment of every row to its nearest centre; fills labels and minimum squared distances, and (when sums
   * is not null) the per-cluster sums and counts. Returns the inertia.
   */
  double assign(double[] c, int[] labels, double[] mind, double[] sums, int[] counts) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] bsum = new double[blocks][];
    int[][] bcount = new int[blocks][];
    double[] binertia = new double[blocks];
    Parallel.forEach(blocks, b -> block(b, c, labels, mind, sums != null, bsum, bcount, binertia));
    double inertia = 0;
    if (counts != null) {
      Arrays.fill(counts, 0);
    }
    if (sums != null) {
      Arrays.fill(sums, 0);
    }
    for (int b = 0; b < blocks; b++) {
      inertia += binertia[b];
      if (counts != null) {
        for (int j = 0; j < k; j++) {
          counts[j] += bcount[b][j];
        }
      }
      if (sums != null) {
        for (int t = 0; t < k * d; t++) {
          sums[t] += bsum[b][t];
        }
      }
    }
    return inertia;
  }

  private void block(int b, double[] c, int[] labels, double[] mind, boolean withSums, double[][] bsum,
      int[][] bcount, double[] binertia) {
    int r0 = b * BLOCK;
    int r1 = Math.min(n, r0 + BLOCK);
    double[] s = withSums ? new double[k * d] : null;
    kernel.assign(x, d, r0, r1, c, k, labels, mind, s);
    int[] cnt = new int[k];
    double in = 0;
    for (int i = r0; i < r1; i++) {
      in += mind[i];
      cnt[labels[i]]++;
    }
    bsum[b] = s;
    bcount[b] = cnt;
    binertia[b] = in;
  }

  /** Runs Lloyd iterations from {@code init} (k×d, not modified). */
  Run run(double[] init, int maxIter, double tol, KernelContext ctx) {
    double[] c = init.clone();
    int[] labels = new int[n];
    int[] old = new int[n];
    Arrays.fill(old, -1);
    double[] mind = new double[n];
    double[] sums = new double[k * d];
    int[] counts = new int[k];
    double[] history = new double[maxIter];
    int it = 0;
    boolean converged = false;
    String reason = "max_iter reached";
    while (it < maxIter) {
      ctx.poll();
      history[it] = assign(c, labels, mind, sums, counts);
      it++;
      double[] next = new double[k * d];
      relocateEmpty(sums, counts, labels, mind);
      for (int j = 0; j < k; j++) {
        for (int t = 0; t < d; t++) {
          next[j * d + t] = counts[j] > 0 ? sums[j * d + t] / counts[j] : c[j * d + t];
        }
      }
      double shift = 0;
      for (int t = 0; t < k * d; t++) {
        double e = next[t] - c[t];
        shift += e * e;
      }
      c = next;
      if (Arrays.equals(labels, old)) {
        converged = true;
        reason = "labels unchanged";
        break;
      }
      if (shift <= tol) {
        converged = true;
        reason = "tolerance reached";
        break;
      }
      System.arraycopy(labels, 0, old, 0, n);
    }
    double inertia = assign(c, labels, mind, null, null);
    return new Run(c, labels, inertia, Arrays.copyOf(history, it), it, converged, reason);
  }

  /** Gives each empty cluster the point farthest from its centre (removing it from its old cluster's sums). */
  private void relocateEmpty(double[] sums, int[] counts, int[] labels, double[] mind) {
    for (int j = 0; j < k; j++) {
      if (counts[j] > 0) {
        continue;
      }
      int far = -1;
      for (int i = 0; i < n; i++) {
        if (counts[labels[i]] > 1 && (far < 0 || mind[i] > mind[far])) {
          far = i;
        }
      }
      if (far < 0) {
        return;
      }
      int from = labels[far];
      for (int t = 0; t < d; t++) {
        sums[from * d + t] -= x[far * d + t];
        sums[j * d + t] = x[far * d + t];
      }
      counts[from]--;
      counts[j] = 1;
      labels[far] = j;
      mind[far] = 0;
    }
  }
}

