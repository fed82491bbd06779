package dev.exp.learn.linear;

import dev.exp.kernel.KernelContext;
import dev.exp.kernel.Parallel;
import dev.exp.learn.Dots;
import dev.exp.learn.LearnArgs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Working-set coordinate descent for the elastic net on the columns of X (scikit-learn's scaling, the
 * objective of {@link CoordinateDescent}), for designs too wide for the Gram form. The design stays as
 * given (row-major, uncentred); the solver
 * <ol>
 *   <li>computes q = X̃ᵀr (X̃ = X − 1x̄ᵀ, r the residual) in one row-major pass and the duality gap of the
 *       <em>full</em> problem with scikit-learn's formula; it stops when that gap is below tol·‖y − ȳ‖²
 *       (scikit-learn's criterion; every stop is certified by the full gap);</li>
 *   <li>otherwise picks a working set: the non-zero coefficients plus the features that violate the
 *       optimality conditions most (|q_j| − l1 largest relative to ‖x̃_j‖), about twice as many as the
 *       non-zeros (at least 64); their centred columns are copied once and cached;</li>
 *   <li>runs cyclic coordinate descent on the working set until the sub-problem's duality gap is below a
 *       fraction of the tolerance, then goes back to 1.</li>
 * </ol>
 * Each outer round reads X once or twice; the sweeps touch only the working set's columns. The sweeps
 * are counted against max_iter.
 */
final class WorkingSet implements EnetSolver {
  /** Rows per block of the row-major passes (fixed, so results do not depend on the thread count). */
  private static final int ROWS = 1024;
  private static final int MIN_SET = 64;

  private final double[] x;
  private final double[] mean;
  private final int n;
  private final int d;
  private final double[] y;
  private final double yy;
  private final double[] xty;
  private final double[] colSq;
  private final double[][] cols; // centred column j, copied on first use
  // the state of the last solve: residual r = y − X̃w and q = X̃ᵀr at coefficients wAt
  private double[] r;
  private double[] q;
  private double[] wAt;

  /**
   * The design x [n, d] (not copied, not modified) and the centred targets yc; with an intercept the
   * column means, the centred column norms ‖x̃_j‖² and X̃ᵀyc come from one pass over x.
   */
  WorkingSet(double[] x, boolean intercept, double[] yc, int n, int d) {
    this.x = x;
    this.n = n;
    this.d = d;
    this.y = yc;
    this.yy = Dots.active(n).dot(yc, 0, yc, 0, n);
    if (intercept) {
      Moments m = Moments.of(x, yc, n, d);
      this.mean = m.mean();
      this.colSq = m.m2();
      this.xty = m.cross();
    } else {
      this.mean = new double[d];
      this.colSq = new double[d];
      this.xty = xtr(yc, colSq);
    }
    this.cols = new double[d][];
    this.r = yc.clone();
    this.q = xty.clone();
    this.wAt = new double[d];
  }

  @Override
  public boolean finite() {
    return LearnArgs.allFinite(xty) && LearnArgs.allFinite(colSq) && LearnArgs.allFinite(mean);
  }

  /** A solver for other centred targets on the same design, sharing the moments and the cached columns. */
  private WorkingSet(WorkingSet o, double[] yc) {
    this.x = o.x;
    this.n = o.n;
    this.d = o.d;
    this.mean = o.mean;
    this.colSq = o.colSq;
    this.cols = o.cols;
    this.y = yc;
    this.yy = Dots.active(n).dot(yc, 0, yc, 0, n);
    this.xty = xtr(yc, null);
    this.r = yc.clone();
    this.q = xty.clone();
    this.wAt = new double[d];
  }

  @Override
  public EnetSolver target(double[] yc) {
    return new WorkingSet(this, yc);
  }

  @Override
  public double[] xMean() {
    return mean;
  }

  @Override
  public double[] xty() {
    return xty;
  }

  private double[] xtr(double[] v, double[] sq) {
    return Moments.xtr(x, mean, v, n, d, sq);
  }

  /** Copies the centred columns of the given features that are not cached yet (one gather pass). */
  private void cache(int[] features) {
    int[] missing = Arrays.stream(features).filter(j -> cols[j] == null).toArray();
    if (missing.length == 0) {
      return;
    }
    double[][] c = new double[missing.length][n];
    Parallel.forEach((n + ROWS - 1) / ROWS, b -> {
      for (int i = b * ROWS; i < Math.min(n, (b + 1) * ROWS); i++) {
        int o = i * d;
        for (int k = 0; k < missing.length; k++) {
          int j = missing[k];
          c[k][i] = x[o + j] - mean[j];
        }
      }
    });
    for (int k = 0; k < missing.length; k++) {
      cols[missing[k]] = c[k];
    }
  }

  @Override
  public Outcome solve(double[] w, double l1, double l2, double tol, int maxIter, KernelContext ctx) {
    double gapTol = tol * yy;
    if (!Arrays.equals(w, wAt)) {
      restart(w);
    }
    int sweeps = 0;
    double innerFraction = 0.3;
    int lastSize = -1;
    int lastNew = -1;
    while (true) {
      ctx.poll();
      double gap = fullGap(w, l1, l2);
      if (gap < gapTol) {
        return finish(w, sweeps, gap, true);
      }
      if (sweeps >= maxIter) {
        return finish(w, sweeps, gap, false);
      }
      int[] set = workingSet(w, l1);
      int fresh = 0;
      for (int j : set) {
        fresh += cols[j] == null ? 1 : 0;
      }
      if (set.length == lastSize && fresh == 0 && lastNew == 0) {
        innerFraction /= 10; // same set, no new features: the sub-problem needs a tighter solve
      }
      lastSize = set.length;
      lastNew = fresh;
      cache(set);
      sweeps += inner(set, w, l1, l2, tol, innerFraction * gapTol, maxIter - sweeps, ctx);
      q = xtr(r, null);
      wAt = w.clone();
    }
  }

  private Outcome finish(double[] w, int sweeps, double gap, boolean converged) {
    wAt = w.clone();
    return new Outcome(sweeps, gap, converged);
  }

  /** r = y − X̃w and q = X̃ᵀr for a warm start w. */
  private void restart(double[] w) {
    r = y.clone();
    int[] support = support(w);
    cache(support);
    for (int j : support) {
      Dots.active(n).axpy(-w[j], cols[j], 0, r, 0, n);
    }
    q = xtr(r, null);
    wAt = w.clone();
  }

  private static int[] support(double[] w) {
    int nnz = 0;
    for (double v : w) {
      nnz += v != 0 ? 1 : 0;
    }
    int[] s = new int[nnz];
    int k = 0;
    for (int j = 0; j < w.length; j++) {
      if (w[j] != 0) {
        s[k++] = j;
      }
    }
    return s;
  }

  /** The non-zeros plus the strongest violators of |q_j| ≤ l1, in feature order. */
  private int[] workingSet(double[] w, double l1) {
    int[] support = support(w);
    int target = Math.min(d, Math.max(MIN_SET, 2 * support.length));
    List<double[]> viol = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      if (w[j] == 0 && colSq[j] > 0 && Math.abs(q[j]) > l1) {
        viol.add(new double[] {(Math.abs(q[j]) - l1) / Math.sqrt(colSq[j]), j});
      }
    }
    viol.sort((a, b) -> Double.compare(b[0], a[0]));
    int take = Math.min(viol.size(), Math.max(0, target - support.length));
    int[] set = Arrays.copyOf(support, support.length + take);
    for (int k = 0; k < take; k++) {
      set[support.length + k] = (int) viol.get(k)[1];
    }
    Arrays.sort(set);
    return set;
  }

  /**
   * Cyclic sweeps over the working set, r kept up to date, until the sub-problem's gap is below subTol
   * (checked, as scikit-learn does, when the largest change is below tol relative to the largest
   * coefficient) or the sweep budget is spent. Returns the sweeps done.
   */
  private int inner(int[] set, double[] w, double l1, double l2, double tol, double subTol, int budget,
      KernelContext ctx) {
    int m = set.length;
    double[] qs = new double[m];
    for (int it = 0; it < budget; it++) {
      ctx.poll();
      Dots dots = Dots.active(2L * m * n);
      double wMax = 0;
      double dMax = 0;
      for (int j : set) {
        double sq = colSq[j];
        if (sq == 0) {
          continue;
        }
        double[] c = cols[j];
        double old = w[j];
        double tmp = dots.dot(c, 0, r, 0, n) + sq * old;
        double nw = Math.signum(tmp) * Math.max(Math.abs(tmp) - l1, 0) / (sq + l2);
        if (nw != old) {
          dots.axpy(old - nw, c, 0, r, 0, n);
          w[j] = nw;
        }
        dMax = Math.max(dMax, Math.abs(nw - old));
        wMax = Math.max(wMax, Math.abs(nw));
      }
      if (wMax == 0 || dMax / wMax < tol || it == budget - 1) {
        for (int k = 0; k < m; k++) {
          qs[k] = dots.dot(cols[set[k]], 0, r, 0, n);
        }
        double[] ws = new double[m];
        for (int k = 0; k < m; k++) {
          ws[k] = w[set[k]];
        }
        if (gap(ws, qs, l1, l2) < subTol) {
          return it + 1;
        }
      }
    }
    return budget;
  }

  private double fullGap(double[] w, double l1, double l2) {
    return gap(w, q, l1, l2);
  }

  /** The duality gap for coefficients w with correlations xtr = X̃ᵀr of the current residual. */
  private double gap(double[] w, double[] xtr, double l1, double l2) {
    return CoordinateDescent.gap(w, xtr, l1, l2, Dots.active(n).dot(r, 0, r, 0, n), Dots.active(n).dot(r, 0, y, 0, n));
  }
}
