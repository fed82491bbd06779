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

  private double[] history = new double[64];
  private int size;

  /** Appends one relative residual. */
  void record(double r) {
    if (size == history.length) {
      history = java.util.Arrays.copyOf(history, 2 * size);
    }
    history[size++] = r;
  }

  /** The last recorded residual. */
  double last() {
    return history[size - 1];
  }

  /** The record; iterations = number of steps taken. */
  Map<String, Object> result(double[] x, int iterations, boolean converged, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("x", Tensor.wrap(new int[] {x.length}, x));
    out.put("iterations", (double) iterations);
    out.put("residuals", Tensor.wrap(new int[] {size}, java.util.Arrays.copyOf(history, size)));
    out.put("converged", converged);
    out.put("reason", reason);
    return out;
  }

  /** The starting vector: x0's values (copied) or zeros. */
  static double[] start(Tensor x0, int n, String fn) {
    if (x0 == null) {
      return new double[n];
    }
    if (x0.size() != n || x0.rank() != 1) {
      throw KernelException.of("%s: x0 must be a vector of length %d, got shape %s", fn, n, Tensor.shapeString(x0.shape()));
    }
    return x0.toArray();
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
