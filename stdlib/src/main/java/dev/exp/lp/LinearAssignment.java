package dev.exp.lp;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code optim.linear_sum_assignment}: the linear assignment problem (minimum- or maximum-weight
 * matching of a rectangular cost matrix) by shortest augmenting paths with dual potentials, the
 * Jonker–Volgenant method in the form SciPy uses (one Dijkstra-like search per row, O(n²·m)).
 */
public final class LinearAssignment {
  private LinearAssignment() {}

  @Kernel(name = "optim.linear_sum_assignment", doc = "Solves the linear assignment problem: matches each row of the "
      + "cost matrix C [n, m] to a distinct column (min(n, m) pairs) so that the total cost Σ C[row, col] is "
      + "minimal (maximize: true: maximal), like scipy.optimize.linear_sum_assignment. Shortest augmenting paths "
      + "(Jonker–Volgenant), O(n²·m) for n <= m; rectangular matrices are fine (the shorter side is fully matched). "
      + "Entries may be inf (forbidden pairs); an error names the problem when no complete matching avoids them. "
      + "Returns {rows (ascending), cols, cost, u [n], v [m]}: indices are 0-based; u and v are dual potentials "
      + "certifying optimality: u[i] + v[j] <= C[i, j] for every pair (>= when maximizing), with equality on the "
      + "matched pairs, the unmatched side's potentials are 0 (v[j] <= 0 for unmatched columns is what the LP dual "
      + "allows) and Σu + Σv = cost. Example: optim.linear_sum_assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]]).cost is 5")
  public static Map<String, Object> linearSumAssignment(@Arg("C") Tensor c,
      @Arg(value = "maximize", dflt = "false") boolean maximize) {
    String fn = "optim.linear_sum_assignment";
    if (c.isComplex() || c.rank() != 2) {
      throw KernelException.of("%s: C must be a real matrix [n, m], got %s", fn,
          c.isComplex() ? "a complex tensor" : "shape " + Tensor.shapeString(c.shape()));
    }
    int n = c.dim(0);
    int m = c.dim(1);
    double[] a = c.raw();
    for (int k = 0; k < a.length; k++) {
      double x = a[k];
      if (Double.isNaN(x) || (maximize ? x == Double.POSITIVE_INFINITY : x == Double.NEGATIVE_INFINITY)) {
        throw KernelException.of("%s: C[%d, %d] is %s (only %s marks a forbidden pair)", fn, k / m, k % m, x,
            maximize ? "-inf" : "inf");
      }
    }
    boolean transpose = n > m;
    int nr = transpose ? m : n;
    int nc = transpose ? n : m;
    double sign = maximize ? -1 : 1;
    // solve only reads w: a plain minimisation uses C's values in place (no 8 MB copy for 1000²)
    double[] w = !transpose && !maximize ? a : new double[a.length];
    if (transpose) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          w[j * n + i] = sign * a[i * m + j];
        }
      }
    } else if (maximize) {
      for (int k = 0; k < a.length; k++) {
        w[k] = -a[k];
      }
    }
    Solution s = solve(w, nr, nc, KernelContext.current());
    if (s == null) {
      throw KernelException.of("%s: no complete matching of the %d %s avoids the forbidden (%s) entries of C [%d, %d]",
          fn, nr, transpose ? "columns" : "rows", maximize ? "-inf" : "inf", n, m);
    }
    int k = nr;
    double[] rows = new double[k];
    double[] cols = new double[k];
    double[] u = new double[n];
    double[] v = new double[m];
    if (!transpose) {
      for (int i = 0; i < k; i++) {
        rows[i] = i;
        cols[i] = s.col4row[i];
      }
      for (int i = 0; i < n; i++) {
        u[i] = sign * s.u[i];
      }
      for (int j = 0; j < m; j++) {
        v[j] = sign * s.v[j];
      }
    } else {
      // solved C^T: its rows are C's columns; list the pairs by ascending row of C
      int t = 0;
      for (int i = 0; i < n; i++) {
        if (s.row4col[i] >= 0) {
          rows[t] = i;
          cols[t] = s.row4col[i];
          t++;
        }
      }
      for (int i = 0; i < n; i++) {
        u[i] = sign * s.v[i];
      }
      for (int j = 0; j < m; j++) {
        v[j] = sign * s.u[j];
      }
    }
    double cost = 0;
    for (int i = 0; i < k; i++) {
      cost += a[(int) rows[i] * m + (int) cols[i]];
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("rows", Tensor.wrap(new int[] {k}, rows));
    r.put("cols", Tensor.wrap(new int[] {k}, cols));
    r.put("cost", cost);
    r.put("u", Tensor.wrap(new int[] {n}, u));
    r.put("v", Tensor.wrap(new int[] {m}, v));
    return r;
  }

  /** A minimum-cost matching of every row (nr <= nc) with its duals; see {@link #solve}. */
  public static final class Solution {
    /** The column matched to each row. */
    public final int[] col4row;
    /** The row matched to each column, or -1. */
    public final int[] row4col;
    /** Row potentials. */
    public final double[] u;
    /** Column potentials. */
    public final double[] v;

    Solution(int[] col4row, int[] row4col, double[] u, double[] v) {
      this.col4row = col4row;
      this.row4col = row4col;
      this.u = u;
      this.v = v;
    }
  }

  /**
   * Minimum-cost assignment of every row of the row-major cost {@code w} [nr, nc] (nr <= nc, entries
   * finite or +inf) to distinct columns, or null when +inf entries leave no complete matching. Keeps
   * reduced costs w[i, j] − u[i] − v[j] >= 0 throughout; matched pairs have reduced cost 0.
   */
  public static Solution solve(double[] w, int nr, int nc, KernelContext ctx) {
    double[] u = new double[nr];
    double[] v = new double[nc];
    double[] dist = new double[nc];
    int[] path = new int[nc];
    int[] col4row = new int[nr];
    int[] row4col = new int[nc];
    int[] scannedRows = new int[nr];
    int[] remaining = new int[nc];
    java.util.Arrays.fill(col4row, -1);
    java.util.Arrays.fill(row4col, -1);
    if (nr == nc && columnReduction(w, nr, v, col4row, row4col)) {
      for (int pass = 0; pass < 2; pass++) {
        ctx.poll();
        augmentingRowReduction(w, nr, v, col4row, row4col);
      }
      // explicit row potentials: u_i = min_j (w_ij − v_j), attained at the matched column of a matched row
      for (int i = 0; i < nr; i++) {
        double best = Double.POSITIVE_INFINITY;
        int base = i * nc;
        for (int j = 0; j < nc; j++) {
          best = Math.min(best, w[base + j] - v[j]);
        }
        u[i] = col4row[i] >= 0 ? w[base + col4row[i]] - v[col4row[i]] : best;
      }
    }
    for (int cur = 0; cur < nr; cur++) {
      if (col4row[cur] >= 0) {
        continue;
      }
      if ((cur & 31) == 0) {
        ctx.poll();
      }
      // Dijkstra over reduced costs from row cur to the nearest unmatched column
      for (int it = 0; it < nc; it++) {
        remaining[it] = nc - it - 1;
        dist[it] = Double.POSITIVE_INFINITY;
      }
      int numRemaining = nc;
      int nScanned = 0;
      double minVal = 0;
      int sink = -1;
      int i = cur;
      while (sink < 0) {
        scannedRows[nScanned++] = i;
        int index = scan(w, i * nc, minVal - u[i], v, remaining, numRemaining, dist, path, i, row4col);
        double lowest = index < 0 ? Double.POSITIVE_INFINITY : dist[remaining[index]];
        minVal = lowest;
        if (minVal == Double.POSITIVE_INFINITY) {
          return null;
        }
        int j = remaining[index];
        if (row4col[j] < 0) {
          sink = j;
        } else {
          i = row4col[j];
        }
        // move the scanned column behind the remaining ones
        remaining[index] = remaining[--numRemaining];
        remaining[numRemaining] = j;
      }
      // dual update: scanned rows rise, scanned columns (all but the remaining ones) fall
      u[cur] += minVal;
      for (int t = 1; t < nScanned; t++) {
        int r = scannedRows[t];
        u[r] += minVal - dist[col4row[r]];
      }
      for (int it = numRemaining; it < nc; it++) {
        int j = remaining[it];
        v[j] -= minVal - dist[j];
      }
      // augment along the path back to row cur
      int j = sink;
      while (true) {
        int r = path[j];
        row4col[j] = r;
        int prev = col4row[r];
        col4row[r] = j;
        j = prev;
        if (r == cur) {
          break;
        }
      }
    }
    return new Solution(col4row, row4col, u, v);
  }

  /**
   * One Dijkstra relaxation from row i: lowers dist[j] to ui + w[i, j] − v[j] (recording path[j] = i)
   * over the remaining columns and returns the position in remaining of the closest one (a free column
   * on ties), or -1 when all are at infinity. A method of its own so the JIT compiles the hot loop whole.
   */
  private static int scan(double[] w, int base, double ui, double[] v, int[] remaining, int numRemaining,
      double[] dist, int[] path, int i, int[] row4col) {
    int index = -1;
    double lowest = Double.POSITIVE_INFINITY;
    for (int it = 0; it < numRemaining; it++) {
      int j = remaining[it];
      double r = ui + w[base + j] - v[j];
      double dj = dist[j];
      if (r < dj) {
        path[j] = i;
        dist[j] = r;
        dj = r;
      }
      if (dj < lowest || (dj == lowest && row4col[j] < 0)) {
        lowest = dj;
        index = it;
      }
    }
    return index;
  }

  /**
   * Jonker–Volgenant's column reduction for a square cost: v[j] = min_i w[i, j] (u = 0), and each column
   * is matched to its minimising row while that row is free. Reduced costs stay >= 0 and matched pairs
   * are tight, so the augmenting phase only has to place the rows left free. Skipped (v = 0) when a
   * column has no finite entry. Not used for rectangular costs: there, unmatched columns must keep v = 0.
   */
  private static boolean columnReduction(double[] w, int n, double[] v, int[] col4row, int[] row4col) {
    double[] min = new double[n];
    int[] arg = new int[n];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        double x = w[base + j];
        if (x < min[j]) {
          min[j] = x;
          arg[j] = i;
        }
      }
    }
    for (int j = 0; j < n; j++) {
      if (min[j] == Double.POSITIVE_INFINITY) {
        return false;
      }
    }
    // columns in reverse order, as Jonker and Volgenant do, so ties go to the lower column index last
    for (int j = n - 1; j >= 0; j--) {
      v[j] = min[j];
      int i = arg[j];
      if (col4row[i] < 0) {
        col4row[i] = j;
        row4col[j] = i;
      }
    }
    return true;
  }

  /**
   * One pass of Jonker–Volgenant's augmenting row reduction over the free rows: a free row takes the
   * column of its smallest reduced cost w_ij − v_j, lowering that column's v to the row's second
   * smallest (so the row stays at its minimum) and evicting the column's previous row, which is placed
   * next when its own minimum dropped, or left for the next pass. Every matched row stays at the
   * minimum of its reduced costs. Bounded to 8·n placements; rows still free go to the augmenting phase.
   */
  private static void augmentingRowReduction(double[] w, int n, double[] v, int[] col4row, int[] row4col) {
    int[] free = new int[n];
    int numFree = 0;
    for (int i = 0; i < n; i++) {
      if (col4row[i] < 0) {
        free[numFree++] = i;
      }
    }
    int k = 0;
    int prev = numFree;
    numFree = 0;
    long budget = 8L * n;
    double[] mins = new double[3];
    while (k < prev && budget-- > 0) {
      int i = free[k++];
      int base = i * n;
      int j1 = twoSmallest(w, base, v, n, mins);
      double u1 = mins[0];
      double u2 = mins[1];
      int j2 = (int) mins[2];
      if (u1 == Double.POSITIVE_INFINITY) {
        continue; // no finite entry: the augmenting phase reports it
      }
      int i0 = row4col[j1];
      boolean lowered = u1 < u2 && u2 < Double.POSITIVE_INFINITY;
      if (lowered) {
        v[j1] -= u2 - u1;
      } else if (i0 >= 0 && j2 >= 0 && u2 == u1) {
        j1 = j2;
        i0 = row4col[j1];
      }
      if (i0 >= 0) {
        col4row[i0] = -1;
      }
      col4row[i] = j1;
      row4col[j1] = i;
      if (i0 >= 0) {
        if (lowered) {
          free[--k] = i0;
        } else {
          free[numFree++] = i0;
        }
      }
    }
  }

  /**
   * The column of the smallest reduced cost w[i, j] − v[j] of the row starting at base; out receives
   * {smallest, second smallest, column of the second} (second = inf and column -1 when n = 1).
   */
  private static int twoSmallest(double[] w, int base, double[] v, int n, double[] out) {
    double u1 = w[base] - v[0];
    int j1 = 0;
    double u2 = Double.POSITIVE_INFINITY;
    int j2 = -1;
    for (int j = 1; j < n; j++) {
      double h = w[base + j] - v[j];
      if (h < u2) {
        if (h >= u1) {
          u2 = h;
          j2 = j;
        } else {
          u2 = u1;
          j2 = j1;
          u1 = h;
          j1 = j;
        }
      }
    }
    out[0] = u1;
    out[1] = u2;
    out[2] = j2;
    return j1;
  }
}
