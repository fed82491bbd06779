package dev.exp.lp;

import dev.exp.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Solves an {@link LpProblem} with Hipparchus' two-phase simplex: bounds become shifts of
 * non-negative variables (x = lo + x', x = hi − x' or x = x⁺ − x⁻) plus rows x' <= hi − lo; the
 * multipliers come from a second simplex run on the dual program.
 */
final class SimplexEngine {
  private SimplexEngine() {}

  /** A simplex that polls the kernel context and counts its pivots. */
  private static final class PollingSimplex extends SimplexSolver {
    private final KernelContext ctx;
    int pivots;

    PollingSimplex(KernelContext ctx) {
      super(1e-9, 10, 1e-12);
      this.ctx = ctx;
    }

    @Override
    protected void incrementIterationCount() {
      ctx.poll();
      pivots++;
      super.incrementIterationCount();
    }
  }

  static LpSolution solve(LpProblem p, int maxIter, KernelContext ctx) {
    return solve(p, maxIter, ctx, true);
  }

  /** Solves p; the dual run (for the multipliers) only when withDuals. */
  static LpSolution solve(LpProblem p, int maxIter, KernelContext ctx, boolean withDuals) {
    int n = p.n;
    // column layout of the shifted variables: kind[k] 0 = lo + x', 1 = hi − x', 2 = x⁺ − x⁻ (two columns)
    int[] kind = new int[n];
    int[] col = new int[n];
    int cols = 0;
    for (int k = 0; k < n; k++) {
      col[k] = cols;
      if (Double.isFinite(p.lo[k])) {
        kind[k] = 0;
        cols++;
      } else if (Double.isFinite(p.hi[k])) {
        kind[k] = 1;
        cols++;
      } else {
        kind[k] = 2;
        cols += 2;
      }
    }
    double[] shift = new double[n];
    for (int k = 0; k < n; k++) {
      shift[k] = kind[k] == 0 ? p.lo[k] : kind[k] == 1 ? p.hi[k] : 0;
    }
    List<LinearConstraint> rows = new ArrayList<>();
    addRows(rows, p.aUb, p.bUb, Relationship.LEQ, p, kind, col, cols, shift);
    addRows(rows, p.aEq, p.bEq, Relationship.EQ, p, kind, col, cols, shift);
    for (int k = 0; k < n; k++) {
      if (kind[k] == 0 && Double.isFinite(p.hi[k])) {
        double[] e = new double[cols];
        e[col[k]] = 1;
        rows.add(new LinearConstraint(e, Relationship.LEQ, p.hi[k] - p.lo[k]));
      }
    }
    double[] obj = map(p.c, 0, p, kind, col, cols);
    double constant = 0;
    for (int k = 0; k < n; k++) {
      constant += p.c[k] * shift[k];
    }
    PollingSimplex primal = new PollingSimplex(ctx);
    PointValuePair opt;
    try {
      opt = primal.optimize(new MaxIter(maxIter), new LinearObjectiveFunction(obj, constant),
          new LinearConstraintSet(rows), GoalType.MINIMIZE, new NonNegativeConstraint(true));
    } catch (MathIllegalStateException e) {
      return failure(e, primal.pivots, maxIter);
    }
    double[] xp = opt.getPointRef();
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = switch (kind[k]) {
        case 0 -> p.lo[k] + xp[col[k]];
        case 1 -> p.hi[k] - xp[col[k]];
        default -> xp[col[k]] - xp[col[k] + 1];
      };
    }
    double fun = 0;
    for (int k = 0; k < n; k++) {
      fun += p.c[k] * x[k];
    }
    double[][] duals = withDuals ? duals(p, maxIter, ctx) : null;
    return new LpSolution("optimal", "Optimization terminated successfully.", x, fun, duals, primal.pivots);
  }

  private static void addRows(List<LinearConstraint> out, double[] a, double[] b, Relationship rel, LpProblem p,
      int[] kind, int[] col, int cols, double[] shift) {
    int n = p.n;
    for (int i = 0; i < b.length; i++) {
      double rhs = b[i];
      for (int k = 0; k < n; k++) {
        rhs -= a[i * n + k] * shift[k];
      }
      out.add(new LinearConstraint(map(a, i * n, p, kind, col, cols), rel, rhs));
    }
  }

  /** Row {@code v[off .. off+n)} in the shifted columns. */
  private static double[] map(double[] v, int off, LpProblem p, int[] kind, int[] col, int cols) {
    double[] e = new double[cols];
    for (int k = 0; k < p.n; k++) {
      double x = v[off + k];
      switch (kind[k]) {
        case 0 -> e[col[k]] = x;
        case 1 -> e[col[k]] = -x;
        default -> {
          e[col[k]] = x;
          e[col[k] + 1] = -x;
        }
      }
    }
    return e;
  }

  private static LpSolution failure(MathIllegalStateException e, int pivots, int maxIter) {
    Object spec = e.getSpecifier();
    if (spec == LocalizedOptimFormats.NO_FEASIBLE_SOLUTION) {
      return new LpSolution("infeasible", "The problem is infeasible: no x satisfies all the constraints and bounds.",
          null, Double.NaN, null, pivots);
    }
    if (spec == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
      return new LpSolution("unbounded", "The problem is unbounded: the objective decreases without limit.", null,
          Double.NaN, null, pivots);
    }
    if (spec == LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
      return new LpSolution("iteration limit", "The iteration limit (max_iter = " + maxIter + ") was reached.",
          null, Double.NaN, null, pivots);
    }
    throw e;
  }

  /**
   * The multipliers (ineqlin, eqlin, lower, upper) from the dual program max b_ubᵀy + b_eqᵀz + loᵀλ + hiᵀμ
   * subject to A_ubᵀy + A_eqᵀz + λ + μ = c, y <= 0, λ >= 0, μ <= 0 (λ, μ only for finite bounds).
   * Variables: y' = −y, z⁺, z⁻, λ, μ' = −μ, all >= 0. Null when the dual run fails (degenerate cases).
   */
  private static double[][] duals(LpProblem p, int maxIter, KernelContext ctx) {
    int n = p.n;
    int[] lamCol = new int[n];
    int[] muCol = new int[n];
    int cols = p.mUb + 2 * p.mEq;
    for (int k = 0; k < n; k++) {
      lamCol[k] = Double.isFinite(p.lo[k]) ? cols++ : -1;
    }
    for (int k = 0; k < n; k++) {
      muCol[k] = Double.isFinite(p.hi[k]) ? cols++ : -1;
    }
    double[] obj = new double[cols];
    for (int i = 0; i < p.mUb; i++) {
      obj[i] = -p.bUb[i];
    }
    for (int i = 0; i < p.mEq; i++) {
      obj[p.mUb + 2 * i] = p.bEq[i];
      obj[p.mUb + 2 * i + 1] = -p.bEq[i];
    }
    for (int k = 0; k < n; k++) {
      if (lamCol[k] >= 0) {
        obj[lamCol[k]] = p.lo[k];
      }
      if (muCol[k] >= 0) {
        obj[muCol[k]] = -p.hi[k];
      }
    }
    List<LinearConstraint> rows = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      double[] e = new double[cols];
      for (int i = 0; i < p.mUb; i++) {
        e[i] = -p.aUb[i * n + k];
      }
      for (int i = 0; i < p.mEq; i++) {
        e[p.mUb + 2 * i] = p.aEq[i * n + k];
        e[p.mUb + 2 * i + 1] = -p.aEq[i * n + k];
      }
      if (lamCol[k] >= 0) {
        e[lamCol[k]] = 1;
      }
      if (muCol[k] >= 0) {
        e[muCol[k]] = -1;
      }
      rows.add(new LinearConstraint(e, Relationship.EQ, p.c[k]));
    }
    double[] w;
    try {
      w = new PollingSimplex(ctx).optimize(new MaxIter(maxIter), new LinearObjectiveFunction(obj, 0),
          new LinearConstraintSet(rows), GoalType.MAXIMIZE, new NonNegativeConstraint(true)).getPointRef();
    } catch (MathIllegalStateException e) {
      return null;
    }
    double[][] d = {new double[p.mUb], new double[p.mEq], new double[n], new double[n]};
    for (int i = 0; i < p.mUb; i++) {
      d[0][i] = -w[i] + 0.0;
    }
    for (int i = 0; i < p.mEq; i++) {
      d[1][i] = w[p.mUb + 2 * i] - w[p.mUb + 2 * i + 1] + 0.0;
    }
    for (int k = 0; k < n; k++) {
      d[2][k] = lamCol[k] >= 0 ? w[lamCol[k]] + 0.0 : 0;
      d[3][k] = muCol[k] >= 0 ? -w[muCol[k]] + 0.0 : 0;
    }
    return d;
  }
}
