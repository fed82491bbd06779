package dev.exp.solvers;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result record of an iterative solve, {x, iterations, residuals, converged, reason}, and the
 * residual history it is built from (relative residuals ‖b − A x_k‖/‖b‖, entry 0 for x0).
 */
final class Outcome {
  static final String TOLERANCE = "tolerance reached";
  static final String MAX_ITER = "max_iter reached";
  /** Restarts from the true residual before a solve reports that it stagnated (each must halve it). */
  static final double RESTART_GAIN = 0.5;

  private double[] history = new double[64];
  private int size;

  /** Appends one relative residual. */
  void record(double r) {
    if (size == history.length) {
      history = java.util.Arrays.copyOf(history, 2 * size);
    }
    history[size++] = r;
  }

  /**
   * The true residual r = b − A x of a solve whose recursively updated residual claims the
   * tolerance (or that stops at max_iter): computed into {@code r}, it replaces the last recorded
   * entry, so the history ends with what the returned x really leaves. Returns ‖r‖.
   */
  double confirm(SolverOperator a, double[] b, double[] x, double[] r, double bn) {
    double rn = Vec.residual(a, b, x, r);
    history[size - 1] = rn / bn;
    return rn;
  }

  /** The true residual at the last claimed convergence ({@link #settle}). */
  private double confirmed = Double.POSITIVE_INFINITY;

  /**
   * After the recurrence met tol: the result to return (converged when the true residual meets tol
   * too, stagnated when it did not halve since the last claim), or null to restart the iteration from
   * the true residual, which is then in {@code r} and its norm in {@link #confirmed()}.
   */
  Map<String, Object> settle(SolverOperator a, double[] b, double[] x, double[] r, double bn, double tol, int it) {
    double truth = confirm(a, b, x, r, bn);
    if (truth <= tol * bn || !Double.isFinite(truth)) {
      return result(x, it, true, TOLERANCE);   // a non-finite truth is reported by result
    }
    if (truth > RESTART_GAIN * confirmed) {
      return result(x, it, false, stagnated(truth / bn, tol));
    }
    confirmed = truth;
    return null;
  }

  /** ‖r‖ of the true residual the iteration restarts from (see {@link #settle}). */
  double confirmed() {
    return confirmed;
  }

  /**
   * The reason of a solve whose true residual stopped improving above tol: rounding errors in the
   * recurrences bound what double precision reaches for the system (about cond(A)·ε).
   */
  static String stagnated(double trueRelative, double tol) {
    return "stagnated: the true residual ‖b − A x‖/‖b‖ = " + String.format(java.util.Locale.ROOT, "%.3g", trueRelative)
        + " stays above tol = " + dev.exp.tensor.TensorArgs.fmt(tol) + " (rounding errors: this tolerance is out of "
        + "reach in double precision for this system)";
  }

  /** The last recorded residual. */
  double last() {
    return history[size - 1];
  }

  /**
   * The record; iterations = number of steps taken. A non-finite last residual is never reported as
   * converged (a NaN fails every "residual > tol" loop test, which would otherwise end a loop as if
   * the tolerance were reached).
   */
  Map<String, Object> result(double[] x, int iterations, boolean converged, String reason) {
    if (converged && size > 0 && !Double.isFinite(last())) {
      converged = false;
      reason = overflow(last(), iterations);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {x.length}, x));
    out.put("iterations", (double) iterations);
    out.put("residuals", Tensor.wrap(new int[] {size}, java.util.Arrays.copyOf(history, size)));
    out.put("converged", converged);
    out.put("reason", reason);
    return out;
  }

  /**
   * The reason for a residual that is not finite at a step: the inputs were checked finite where they
   * entered, so the iteration itself overflowed (it diverged, or the values are near the double range).
   */
  static String overflow(double r, int step) {
    return "breakdown: the residual is " + dev.exp.tensor.TensorArgs.fmt(r) + " at step " + step
        + " (the iteration overflowed)";
  }

  /** The starting vector: x0's values (copied, checked finite) or zeros. */
  static double[] start(Tensor x0, int n, String fn) {
    if (x0 == null) {
      return new double[n];
    }
    if (x0.size() != n || x0.rank() != 1) {
      throw KernelException.of("%s: x0 must be a vector of length %d, got shape %s", fn, n, Tensor.shapeString(x0.shape()));
    }
    double[] x = x0.toArray();
    SolverOperator.requireFinite(x, fn, "x0");
    return x;
  }

  /** The normaliser of relative residuals: ‖b‖, or 1 when b = 0. */
  static double scale(double[] b) {
    double nb = Vec.norm(b);
    return nb > 0 ? nb : 1;
  }

  /** Checks tol and max_iter; returns max_iter (a default of 10·n when null). */
  static int checkLimits(double tol, Integer maxIter, int n, String fn) {
    if (!(tol >= 0)) {
      throw KernelException.of("%s: tol must be >= 0, got %s", fn, tol);
    }
    int m = maxIter == null ? (int) Math.min(Integer.MAX_VALUE, Math.max(1000L, 10L * n)) : maxIter;
    if (m < 0) {
      throw KernelException.of("%s: max_iter must be >= 0, got %d", fn, m);
    }
    return m;
  }
}
