package dev.exp.tensor.loops;

import dev.exp.tensor.Tensor;

/**
 * Iteration over the rows of a (broadcast, strided) element-wise operation: the output is walked in
 * row-major order, one inner row at a time, while a position per operand advances by its strides
 * (0 on broadcast axes, negative on reversed ones). Adjacent axes that every operand traverses
 * contiguously are merged first, so a contiguous operation is a single row.
 */
public final class Strided {
  /** Row length (merged inner axis). */
  public final int n;
  /** Inner stride of each operand. */
  public final int[] inner;
  /** Storage position of the current row's first element, per operand. */
  public final int[] pos;
  /** Flat output index of the current row's first element. */
  public int row;

  private final int[] outer;
  private final int[][] strides;
  private final int[] idx;
  private final int rows;
  private final int[] base;
  /** Rows handed out by {@link #next} so far (the current row's number once it returned true). */
  private int done;
  /** Whether {@link #next} has been called since the start or the last {@link #seek}. */
  private boolean started;

  /**
   * Rows of {@code shape} for operands with the given element strides (already broadcast to
   * {@code shape}) and offsets.
   */
  public Strided(int[] shape, int[][] operandStrides, int[] offsets) {
    int k = operandStrides.length;
    // merge axes from the innermost outwards; drop axes of length 1
    int rank = shape.length;
    int[] ms = new int[rank];
    int[][] mst = new int[k][rank];
    int m = 0;
    for (int d = rank - 1; d >= 0; d--) {
      if (shape[d] == 1) {
        continue;
      }
      boolean merge = m > 0;
      for (int j = 0; j < k && merge; j++) {
        merge = operandStrides[j][d] == mst[j][m - 1] * ms[m - 1];
      }
      if (merge) {
        ms[m - 1] *= shape[d];
      } else {
        ms[m] = shape[d];
        for (int j = 0; j < k; j++) {
          mst[j][m] = operandStrides[j][d];
        }
        m++;
      }
    }
    int total = 1;
    for (int d : shape) {
      total *= d;
    }
    this.n = m == 0 ? (total == 0 ? 0 : 1) : ms[0];
    this.inner = new int[k];
    for (int j = 0; j < k; j++) {
      inner[j] = m == 0 ? 0 : mst[j][0];
    }
    // outer axes, innermost first
    this.outer = new int[Math.max(0, m - 1)];
    this.strides = new int[k][outer.length];
    for (int d = 1; d < m; d++) {
      outer[d - 1] = ms[d];
      for (int j = 0; j < k; j++) {
        strides[j][d - 1] = mst[j][d];
      }
    }
    this.idx = new int[outer.length];
    this.pos = offsets.clone();
    this.base = offsets.clone();
    this.rows = n == 0 ? 0 : total / n;
  }

  /**
   * Positions the walk so that the next call of {@link #next} moves to row {@code r}
   * (0 ≤ r ≤ {@link #rows()}): a range of rows can then be walked on its own, e.g. by one task.
   */
  public void seek(int r) {
    System.arraycopy(base, 0, pos, 0, pos.length);
    int rem = r;
    for (int d = 0; d < outer.length; d++) {
      idx[d] = rem % outer[d];
      rem /= outer[d];
      for (int j = 0; j < pos.length; j++) {
        pos[j] += idx[d] * strides[j][d];
      }
    }
    row = r * n;
    done = r;
    started = false;
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Moves to the next row; false when there is none. Call once before the first row. */
  public boolean next() {
    if (!started) {
      started = true;
      return done++ < rows;
    }
    if (done >= rows) {
      return false;
    }
    done++;
    row += n;
    for (int d = 0; d < outer.length; d++) {
      idx[d]++;
      for (int j = 0; j < pos.length; j++) {
        pos[j] += strides[j][d];
      }
      if (idx[d] < outer[d]) {
        break;
      }
      for (int j = 0; j < pos.length; j++) {
        pos[j] -= strides[j][d] * outer[d];
      }
      idx[d] = 0;
    }
    return true;
  }

  /** Strides of {@code t} broadcast to {@code shape} (right-aligned; 0 on broadcast axes). */
  public static int[] broadcastStrides(Tensor t, int[] shape) {
    int[] ts = t.shape();
    int[] st = t.strides();
    int[] out = new int[shape.length];
    int lead = shape.length - ts.length;
    for (int i = 0; i < ts.length; i++) {
      out[lead + i] = ts[i] == 1 ? 0 : st[i];
    }
    return out;
  }

  /** Copies n values from a[p], a[p + s], ... into buf[0 .. n). */
  public static void gather(double[] a, int p, int s, double[] buf, int n) {
    for (int i = 0; i < n; i++, p += s) {
      buf[i] = a[p];
    }
  }

  /**
   * Copies elements [k, k + len) (row-major over {@code shape}) of a view into {@code buf}: the
   * block reader of fused programs.
   */
  public static void gatherBlock(double[] a, int offset, int[] shape, int[] strides, int k, int len, double[] buf) {
    int rank = shape.length;
    if (rank == 0) {
      for (int i = 0; i < len; i++) {
        buf[i] = a[offset];
      }
      return;
    }
    int[] idx = new int[rank];
    int pos = offset;
    int rem = k;
    for (int d = rank - 1; d >= 0; d--) {
      idx[d] = rem % shape[d];
      rem /= shape[d];
      pos += idx[d] * strides[d];
    }
    int last = rank - 1;
    int st = strides[last];
    int dim = shape[last];
    int i = 0;
    while (i < len) {
      int run = Math.min(dim - idx[last], len - i);
      for (int j = 0; j < run; j++, pos += st) {
        buf[i + j] = a[pos];
      }
      i += run;
      idx[last] += run;
      if (idx[last] < dim) {
        break;
      }
      pos -= st * dim;
      idx[last] = 0;
      for (int d = last - 1; d >= 0; d--) {
        idx[d]++;
        pos += strides[d];
        if (idx[d] < shape[d]) {
          break;
        }
        pos -= strides[d] * shape[d];
        idx[d] = 0;
      }
    }
  }
}
