package dev.exp.sparse;

/**
 * The diagonal (DIA) execution plan of a CSR matrix whose entries lie on a few diagonals, as stencil and
 * banded matrices do: an inspector–executor scheme. {@link #inspect} looks at the CSR structure once:
 * the plan's diagonals are the offsets j − i stored by at least half of the rows (at most {@link
 * #MAX_DIAGONALS} of them, out of at most {@link #MAX_SEEN} distinct offsets); when at least half of the
 * rows are <em>regular</em> (they store exactly the plan's diagonals, one entry each), the product runs
 * block by block (rows in L1 cache) with vector loops: when every diagonal is constant on the regular
 * rows (a stencil) as one fused stencil pass ({@link SolverLoops#stencil}), otherwise diagonal by
 * diagonal ({@link SolverLoops#diagonal}, a constant diagonal as a broadcast, no load); the irregular
 * rows are then recomputed from their CSR rows.
 *
 * <p>Exact: a regular row's sum is formed term by term in ascending column order starting from 0, just
 * as the CSR loop forms it, with the same products, so {@code y} is bit-identical to the CSR product
 * (also for infinite or NaN entries of x: irregular rows never use the plan's values). Memory: one array
 * of length rows per non-constant diagonal, at most twice the stored entries.
 */
final class DiagonalPlan {
  /** Most distinct diagonals a plan handles. */
  static final int MAX_DIAGONALS = 16;
  /** Rows per block: the diagonal sweeps of one block stay in L1 cache. */
  static final int BLOCK = 1024;
  /** Most distinct offsets looked at before giving up. */
  static final int MAX_SEEN = 64;
  /** Smallest matrix worth a plan. */
  static final int MIN_ROWS = 256;

  private final int rows;
  private final int cols;
  private final int[] offsets;
  private final double[] constants;
  private final double[][] values;
  private final int[] irregular;
  private final boolean allConstant;

  private DiagonalPlan(int rows, int cols, int[] offsets, double[] constants, double[][] values, int[] irregular) {
    this.rows = rows;
    this.cols = cols;
    this.offsets = offsets;
    this.constants = constants;
    this.values = values;
    this.irregular = irregular;
    boolean all = true;
    for (double[] d : values) {
      all &= d == null;
    }
    this.allConstant = all;
  }

  /** The plan of the CSR arrays (column indices sorted and unique per row), or null when CSR is better. */
  static DiagonalPlan inspect(int rows, int cols, int[] p, int[] ix, double[] v) {
    if (rows < MIN_ROWS) {
      return null;
    }
    // the distinct offsets j - i and how many rows store each (each row stores an offset at most once)
    int[] seen = new int[MAX_SEEN];
    int[] count = new int[MAX_SEEN];
    int ns = 0;
    for (int i = 0; i < rows; i++) {
      for (int k = p[i]; k < p[i + 1]; k++) {
        int off = ix[k] - i;
        int at = java.util.Arrays.binarySearch(seen, 0, ns, off);
        if (at < 0) {
          if (ns == MAX_SEEN) {
            return null;
          }
          at = -at - 1;
          System.arraycopy(seen, at, seen, at + 1, ns - at);
          System.arraycopy(count, at, count, at + 1, ns - at);
          seen[at] = off;
          count[at] = 0;
          ns++;
        }
        count[at]++;
      }
    }
    // the plan's diagonals: offsets stored by at least half of the rows (rare ones make rows irregular)
    int[] offs = new int[MAX_DIAGONALS];
    int nd = 0;
    for (int t = 0; t < ns; t++) {
      if (2L * count[t] >= rows) {
        if (nd == MAX_DIAGONALS) {
          return null;
        }
        offs[nd++] = seen[t];
      }
    }
    if (nd == 0) {
      return null;
    }
    boolean[] regular = new boolean[rows];
    int irregularCount = 0;
    for (int i = 0; i < rows; i++) {
      boolean ok = p[i + 1] - p[i] == nd;
      for (int t = 0; ok && t < nd; t++) {
        ok = ix[p[i] + t] - i == offs[t];
      }
      regular[i] = ok;
      if (!ok) {
        irregularCount++;
      }
    }
    if (2L * irregularCount > rows) {
      return null;
    }
    int[] irr = new int[irregularCount];
    int first = -1;
    for (int i = 0, c = 0; i < rows; i++) {
      if (!regular[i]) {
        irr[c++] = i;
      } else if (first < 0) {
        first = i;
      }
    }
    double[] constants = new double[nd];
    double[][] values = new double[nd][];
    for (int t = 0; t < nd; t++) {
      long bits = Double.doubleToRawLongBits(v[p[first] + t]);
      boolean constant = true;
      for (int i = first; i < rows && constant; i++) {
        constant = !regular[i] || Double.doubleToRawLongBits(v[p[i] + t]) == bits;
      }
      if (constant) {
        constants[t] = v[p[first] + t];
      } else {
        double[] d = new double[rows];
        for (int i = 0; i < rows; i++) {
          if (regular[i]) {
            d[i] = v[p[i] + t];
          }
        }
        values[t] = d;
      }
    }
    return new DiagonalPlan(rows, cols, java.util.Arrays.copyOf(offs, nd), constants, values, irr);
  }

  /** The diagonal sweeps of rows [s, e): y = 0 + (first diagonal) x, then += each further diagonal. */
  private void sweep(SolverLoops loops, double[] x, double[] y, int s, int e) {
    for (int t = 0; t < offsets.length; t++) {
      int off = offsets[t];
      int lo = Math.max(s, -off);
      int hi = Math.min(e, cols - off);
      if (lo < hi) {
        if (values[t] == null) {
          loops.diagonal(constants[t], x, lo + off, y, lo, hi - lo, t == 0);
        } else {
          loops.diagonal(values[t], lo, x, lo + off, y, lo, hi - lo, t == 0);
        }
      }
    }
  }

  /** Number of diagonals. */
  int diagonals() {
    return offsets.length;
  }

  /** Number of rows computed from CSR. */
  int irregularRows() {
    return irregular.length;
  }

  /**
   * y = A x; with lanes non-null also adds x[i]·y[i] into lanes (lane i mod 8, {@link SolverLoops#dotInto}),
   * block by block while y is in cache.
   */
  void multiply(SolverLoops loops, int[] p, int[] ix, double[] v, double[] x, double[] y, double[] lanes) {
    int next = 0;
    for (int s = 0; s < rows; s += BLOCK) {
      int e = Math.min(rows, s + BLOCK);
      if (allConstant) {
        // rows outside [-min offset, cols - max offset) lack a diagonal: irregular, recomputed below
        loops.stencil(constants, offsets, offsets.length, x, y, Math.max(s, -offsets[0]),
            Math.min(e, cols - offsets[offsets.length - 1]));
      } else {
        sweep(loops, x, y, s, e);
      }
      for (; next < irregular.length && irregular[next] < e; next++) {
        int i = irregular[next];
        double sum = 0;
        for (int k = p[i]; k < p[i + 1]; k++) {
          sum += v[k] * x[ix[k]];
        }
        y[i] = sum;
      }
      if (lanes != null) {
        loops.dotInto(x, y, s, e, lanes);
      }
    }
  }
}
