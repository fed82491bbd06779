package dev.exp.learn.cluster;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.Parallel;
import java.util.Arrays;

/**
 * Lloyd's algorithm on a row-major n×d matrix: assignment by BLAS distance blocks, centre update by
 * means, empty clusters moved to the points farthest from their centres. One run from given centres.
 */
final class Lloyd {
  private static final int BLOCK = 4096;

  private final double[] x;
  private final double[] xn;
  private final int n;
  private final int d;
  private final int k;

  Lloyd(double[] x, double[] xn, int n, int d, int k) {
    this.x = x;
    this.xn = xn;
    this.n = n;
    this.d = d;
    this.k = k;
  }

  /** The outcome of one run. */
  record Run(double[] centers, int[] labels, double inertia, double[] history, int iterations, boolean converged,
      String reason) {}

  /** Assignment of every row to its nearest centre; fills labels and minimum squared distances. */
  double assign(double[] c, int[] labels, double[] mind, double[] sums, int[] counts) {
    double[] cn = Distances.rowNorms(c, k, d);
    int blocks = (n + BLOCK - 1) / BLOCK;
    double[][] bsum = new double[blocks][];
    int[][] bcount = new int[blocks][];
    double[] binertia = new double[blocks];
    // blocks run in turn on the calling thread with single-threaded BLAS: the products are only k columns
    // wide, and on the shared 2-core machine both a Parallel hand-off per block and multi-threaded OpenBLAS
    // calls measured slower
    Parallel.withThreads(1, () -> {
      for (int b = 0; b < blocks; b++) {
        block(b, c, cn, labels, mind, sums, bsum, bcount, binertia);
      }
      return null;
    });
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

  private void block(int b, double[] c, double[] cn, int[] labels, double[] mind, double[] sums, double[][] bsum,
      int[][] bcount, double[] binertia) {
    int r0 = b * BLOCK;
    int rows = Math.min(BLOCK, n - r0);
    double[] dist = new double[rows * k];
    Distances.squared(x, xn, r0, rows, d, c, cn, k, dist);
    double[] s = sums == null ? null : new double[k * d];
    int[] cnt = new int[k];
    double in = 0;
    for (int i = 0; i < rows; i++) {
      int best = 0;
      double bd = dist[i * k];
      for (int j = 1; j < k; j++) {
        double v = dist[i * k + j];
        if (v < bd) {
          bd = v;
          best = j;
        }
      }
      labels[r0 + i] = best;
      mind[r0 + i] = bd;
      in += bd;
      cnt[best]++;
      if (s != null) {
        int xo = (r0 + i) * d;
        int so = best * d;
        for (int t = 0; t < d; t++) {
          s[so + t] += x[xo + t];
        }
      }
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

