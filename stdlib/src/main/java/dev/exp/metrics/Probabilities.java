package dev.exp.metrics;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;

/**
 * Shared checks and conventions for probability tensors: the last axis is the distribution axis, a
 * "row" is one distribution, rows must be finite, non-negative and sum to 1 within {@link #SUM_TOL};
 * integer labels index the last axis. Used by the {@code metrics} and {@code data} kernels.
 */
public final class Probabilities {
  private Probabilities() {}

  /** How far a distribution's sum may be from 1. */
  public static final double SUM_TOL = 1e-9;

  /** Number of entries of the distribution (last) axis; fails for scalars and empty axes. */
  public static int width(Tensor p, String fn, String arg) {
    if (p.rank() == 0) {
      throw KernelException.of("%s: %s must have at least one axis (the last axis holds the distribution), got a scalar",
          fn, arg);
    }
    int a = p.dim(p.rank() - 1);
    if (a == 0) {
      throw KernelException.of("%s: %s has an empty distribution axis (shape %s)", fn, arg, Tensor.shapeString(p.shape()));
    }
    return a;
  }

  /** Describes row {@code r} (flat index over all axes but the last) of a tensor with this shape. */
  public static String row(int[] shape, int r) {
    if (shape.length <= 1) {
      return "";
    }
    if (shape.length == 2) {
      return " at row " + r;
    }
    int[] idx = new int[shape.length - 1];
    int rest = r;
    for (int i = shape.length - 2; i >= 0; i--) {
      idx[i] = rest % shape[i];
      rest /= shape[i];
    }
    return " at row " + java.util.Arrays.toString(idx);
  }

  /**
   * Requires every row (last axis) of {@code p} to be a probability distribution: finite,
   * non-negative entries summing to 1 within {@link #SUM_TOL}. Returns the row width.
   */
  public static int requireDistributions(Tensor p, String fn, String arg) {
    int a = width(p, fn, arg);
    double[] d = p.raw();
    int rows = d.length / a;
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int j = 0; j < a; j++) {
        double v = d[r * a + j];
        if (Double.isNaN(v)) {
          throw KernelException.of("%s: %s contains nan%s (entry %d)", fn, arg, row(p.shape(), r), j);
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw KernelException.of("%s: %s has the entry %s%s (entry %d); probabilities must be finite and non-negative",
              fn, arg, TensorArgs.fmt(v), row(p.shape(), r), j);
        }
        s += v;
      }
      if (Math.abs(s - 1) > SUM_TOL) {
        throw KernelException.of("%s: %s sums to %s%s; a distribution must sum to 1 (within %s)", fn, arg,
            Double.toString(s), row(p.shape(), r), "1e-9");
      }
    }
    return a;
  }

  /**
   * The natural logarithm of the base (the divisor that turns nats into the base's units); {@code null}
   * means nats (1). The base must be finite, positive and not 1.
   */
  public static double lnBase(Double base, String fn) {
    if (base == null) {
      return 1;
    }
    if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
      throw KernelException.of("%s: base must be positive, finite and not 1 (e.g. 2 for bits), got %s", fn,
          TensorArgs.fmt(base));
    }
    return Math.log(base);
  }

  /**
   * One value per row: a number for a single distribution (rank-1 input), otherwise a tensor with the
   * shape of the input without its last axis.
   */
  public static Object perRow(double[] values, int[] shape) {
    if (shape.length == 1) {
      return values[0];
    }
    return Tensor.wrap(TensorArgs.removeAxis(shape, shape.length - 1), values);
  }

  /**
   * Integer labels in {@code [0, alphabet)} as ints; fails naming the first bad position (not an
   * integer, NaN, out of range).
   */
  public static int[] labels(Tensor labels, int alphabet, String fn, String arg) {
    double[] d = labels.raw();
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      double v = d[i];
      if (v != Math.rint(v) || v < 0 || v >= alphabet) {
        String where = labels.rank() <= 1 ? "[" + i + "]" : " (flat index " + i + ")";
        throw KernelException.of("%s: %s%s = %s is not a symbol in 0..%d (integers below %d)", fn, arg, where,
            TensorArgs.fmt(v), alphabet - 1, alphabet);
      }
      out[i] = (int) v;
    }
    return out;
  }
}
