package dev.exp.learn.linear;

import dev.exp.kernel.Parallel;
import dev.exp.learn.Dots;

/**
 * Column means, centred sums of squares Σ(x_ij − x̄_j)² and centred cross products Σ(x_ij − x̄_j)(y_i − ȳ)
 * of a row-major design in one pass over it: blocks of {@link #ROWS} rows are centred by their own means
 * (two passes over a block that stays in cache) and merged with Chan, Golub and LeVeque's pairwise update,
 * so large column means cost no accuracy. A fixed number of tasks, merged in order, keeps the result
 * independent of the thread count. Also the centred products X̃ᵀv of the coordinate-descent solvers.
 */
record Moments(double[] mean, double[] m2, double[] cross) {
  private static final int ROWS = 256;
  private static final int TASKS = 64;

  /** The moments of x [n, d] and y [n]. */
  static Moments of(double[] x, double[] y, int n, int d) {
    int blocks = (n + ROWS - 1) / ROWS;
    int tasks = Math.min(TASKS, blocks);
    Acc[] acc = new Acc[tasks];
    Parallel.forEach(tasks, t -> {
      Acc a = new Acc(d);
      Acc b = new Acc(d);
      double[] row = new double[d];
      for (int blk = (int) ((long) t * blocks / tasks); blk < (long) (t + 1) * blocks / tasks; blk++) {
        b.block(x, y, blk * ROWS, Math.min(n, (blk + 1) * ROWS), d, row);
        a.merge(b);
      }
      acc[t] = a;
    });
    Acc all = acc[0];
    for (int t = 1; t < tasks; t++) {
      all.merge(acc[t]);
    }
    return new Moments(all.mean, all.m2, all.cross);
  }

  /** Running moments of a set of rows. */
  private static final class Acc {
    long count;
    double yMean;
    final double[] mean;
    final double[] m2;
    final double[] cross;

    Acc(int d) {
      mean = new double[d];
      m2 = new double[d];
      cross = new double[d];
    }

    /** Sets this to the moments of rows [i0, i1). */
    void block(double[] x, double[] y, int i0, int i1, int d, double[] row) {
      count = i1 - i0;
      java.util.Arrays.fill(mean, 0.0);
      java.util.Arrays.fill(m2, 0.0);
      java.util.Arrays.fill(cross, 0.0);
      double ys = 0;
      for (int i = i0; i < i1; i++) {
        int o = i * d;
        for (int j = 0; j < d; j++) {
          mean[j] += x[o + j];
        }
        ys += y[i];
      }
      for (int j = 0; j < d; j++) {
        mean[j] /= count;
      }
      yMean = ys / count;
      for (int i = i0; i < i1; i++) {
        int o = i * d;
        double yi = y[i] - yMean;
        for (int j = 0; j < d; j++) {
          double v = x[o + j] - mean[j];
          row[j] = v;
          m2[j] = Math.fma(v, v, m2[j]);
        }
        for (int j = 0; j < d; j++) {
          cross[j] = Math.fma(yi, row[j], cross[j]);
        }
      }
    }

    /** Merges the moments of other (disjoint rows) into this. */
    void merge(Acc o) {
      if (o.count == 0) {
        return;
      }
      if (count == 0) {
        count = o.count;
        yMean = o.yMean;
        System.arraycopy(o.mean, 0, mean, 0, mean.length);
        System.arraycopy(o.m2, 0, m2, 0, m2.length);
        System.arraycopy(o.cross, 0, cross, 0, cross.length);
        return;
      }
      double na = count;
      double nb = o.count;
      double nn = na + nb;
      double f = na * nb / nn;
      double dy = o.yMean - yMean;
      for (int j = 0; j < mean.length; j++) {
        double dx = o.mean[j] - mean[j];
        m2[j] += o.m2[j] + dx * dx * f;
        cross[j] += o.cross[j] + dx * dy * f;
        mean[j] += dx * nb / nn;
      }
      yMean += dy * nb / nn;
      count += o.count;
    }
  }

  /** Rows per block of {@link #xtr}. */
  private static final int XTR_ROWS = 1024;

  /**
   * X̃ᵀv (X̃ = x − 1·meanᵀ, x [n, d] row-major) in one pass over the rows: blocks of {@link #XTR_ROWS}
   * rows spread over the kernel threads, partial sums added in block order (independent of the thread
   * count); when sq is not null it also receives the squared column norms ‖x̃_j‖².
   */
  static double[] xtr(double[] x, double[] mean, double[] v, int n, int d, double[] sq) {
    int blocks = (n + XTR_ROWS - 1) / XTR_ROWS;
    double[][] part = new double[blocks][];
    double[][] partSq = sq == null ? null : new double[blocks][];
    Parallel.forEach(blocks, b -> {
      double[] p = new double[d];
      double[] ps = sq == null ? null : new double[d];
      double[] row = new double[d];
      Dots dots = Dots.active((long) XTR_ROWS * d);
      for (int i = b * XTR_ROWS; i < Math.min(n, (b + 1) * XTR_ROWS); i++) {
        int o = i * d;
        for (int j = 0; j < d; j++) {
          row[j] = x[o + j] - mean[j];
        }
        dots.axpy(v[i], row, 0, p, 0, d);
        if (ps != null) {
          for (int j = 0; j < d; j++) {
            ps[j] = Math.fma(row[j], row[j], ps[j]);
          }
        }
      }
      part[b] = p;
      if (ps != null) {
        partSq[b] = ps;
      }
    });
    double[] out = part[0];
    for (int b = 1; b < blocks; b++) {
      for (int j = 0; j < d; j++) {
        out[j] += part[b][j];
      }
    }
    if (sq != null) {
      for (int b = 0; b < blocks; b++) {
        for (int j = 0; j < d; j++) {
          sq[j] += partSq[b][j];
        }
      }
    }
    return out;
  }

}
