package dev.exp.attention;

import dev.exp.kernel.Parallel;

/**
 * Softmax attention that materialises the weight matrix: for every query row, the logits
 * {@code s_j = scale·q·k_j + bias_j} of the visible keys, their maximum, {@code w_j = exp(s_j − max) / Σ},
 * then {@code out = Σ w_j v_j}. Used when the caller asks for the weights; O(n·m) memory for them.
 * Rows run in parallel in blocks; each task writes its own rows.
 */
final class TwoPassSoftmax {
  private TwoPassSoftmax() {}

  private static final int ROWS_PER_TASK = 32;

  /**
   * Fills {@code out} (batch × n × dv) and {@code weights} (batch × n × m), both zeroed. Returns -1 or
   * the flat index {@code b * n + i} of the first query row without a visible key.
   */
  static long run(Problem p, double[] out, double[] weights) {
    int n = p.n;
    if (n == 0 || p.nb == 0) {
      return -1;
    }
    int blocks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    int tasks = blocks * p.nb;
    long[] empty = new long[tasks];
    Parallel.forEach(tasks, t -> {
      int b = t / blocks;
      int i0 = (t % blocks) * ROWS_PER_TASK;
      int i1 = Math.min(n, i0 + ROWS_PER_TASK);
      long first = -1;
      for (int i = i0; i < i1; i++) {
        if (!row(p, b, i, out, weights) && first < 0) {
          first = (long) b * n + i;
        }
      }
      empty[t] = first;
    });
    long first = -1;
    for (long e : empty) {
      if (e >= 0 && (first < 0 || e < first)) {
        first = e;
      }
    }
    return first;
  }

  /** One query row; returns false when every key is masked. */
  private static boolean row(Problem p, int b, int i, double[] out, double[] weights) {
    Masks.Spec mask = p.mask;
    int d = p.d;
    int m = p.m;
    int dv = p.dv;
    int lo = mask.lo(i);
    int hi = mask.hi(i);
    int wr = (b * p.n + i) * m;
    int qo = p.qOff[b] + i * d;
    int mr = i * m;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = lo; j < hi; j++) {
      int ko = p.kOff[b] + j * d;
      double dot = 0;
      for (int c = 0; c < d; c++) {
        dot += p.q[qo + c] * p.k[ko + c];
      }
      double x = dot * p.scale;
      if (mask.bias != null) {
        x += mask.bias[mask.biasOff[b] + mr + j];
      }
      if (mask.allowed != null && mask.allowed[mask.allowedOff[b] + mr + j] == 0) {
        x = Double.NEGATIVE_INFINITY;
      }
      weights[wr + j] = x;
      max = Math.max(max, x);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      for (int j = lo; j < hi; j++) {
        weights[wr + j] = 0;
      }
      return false;
    }
    if (!(max < Double.POSITIVE_INFINITY)) {
      throw Problem.overflow(p, b, i);
    }
    double sum = 0;
    for (int j = lo; j < hi; j++) {
      double w = Math.exp(weights[wr + j] - max);
      weights[wr + j] = w;
      sum += w;
    }
    double inv = 1 / sum;
    int oo = (b * p.n + i) * dv;
    for (int j = lo; j < hi; j++) {
      double w = weights[wr + j] * inv;
      weights[wr + j] = w;
      if (w != 0) {
        int vo = p.vOff[b] + j * dv;
        for (int c = 0; c < dv; c++) {
          out[oo + c] += w * p.v[vo + c];
        }
      }
    }
    return true;
  }
}
