package dev.exp.learn;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.Locale;

/** Argument checks shared by the learners; every message names the kernel, the argument and the shape. */
public final class LearnArgs {
  private LearnArgs() {}

  /** Requires a finite [n, d] matrix with at least one row; returns its row-major values (not copied). */
  public static double[] design(Tensor x, String fn, String arg) {
    if (x.rank() != 2) {
      throw KernelException.of("%s: %s must be a matrix [samples, features], got shape %s", fn, arg,
          Tensor.shapeString(x.shape()));
    }
    if (x.dim(0) == 0) {
      throw KernelException.of("%s: %s has no rows (shape %s)", fn, arg, Tensor.shapeString(x.shape()));
    }
    TensorArgs.requireFinite(x, fn, arg);
    return x.raw();
  }

  /**
   * Like {@link #design} but without the finiteness scan (one pass over X): for fits that detect
   * non-finite values from their own first pass (its sums turn NaN or infinite) and then call
   * {@link #finiteAfterAll}.
   */
  public static double[] designDeferred(Tensor x, String fn, String arg) {
    if (x.rank() != 2) {
      throw KernelException.of("%s: %s must be a matrix [samples, features], got shape %s", fn, arg,
          Tensor.shapeString(x.shape()));
    }
    if (x.dim(0) == 0) {
      throw KernelException.of("%s: %s has no rows (shape %s)", fn, arg, Tensor.shapeString(x.shape()));
    }
    return x.raw();
  }

  /**
   * The deferred check of {@link #designDeferred}: when the sums a fit formed from X are not all finite,
   * names the first non-finite element of X, or (all elements finite) says the sums overflowed.
   */
  public static void finiteAfterAll(boolean sumsFinite, Tensor x, String fn, String arg) {
    if (sumsFinite) {
      return;
    }
    TensorArgs.requireFinite(x, fn, arg);
    throw KernelException.of("%s: %s has values too large for the fit (sums over its rows overflow)", fn, arg);
  }

  /** True when every value is finite. */
  public static boolean allFinite(double[] v) {
    for (double a : v) {
      if (!Double.isFinite(a)) {
        return false;
      }
    }
    return true;
  }

  /** Requires y to be a finite vector of n values or an [n, k] matrix; returns its values. */
  public static double[] targets(Tensor y, int n, String fn, String xArg) {
    boolean ok = (y.rank() == 1 || y.rank() == 2) && y.dim(0) == n;
    if (!ok) {
      throw KernelException.of("%s: y must be a vector of %d values or a matrix with %d rows (one per row of %s), "
          + "got shape %s", fn, n, n, xArg, Tensor.shapeString(y.shape()));
    }
    TensorArgs.requireFinite(y, fn, "y");
    return y.raw();
  }

  /** Requires a finite vector of n values (labels, single targets). */
  public static double[] vector(Tensor y, int n, String fn, String arg, String xArg) {
    if (y.rank() != 1 || y.dim(0) != n) {
      throw KernelException.of("%s: %s must be a vector of %d values (one per row of %s), got shape %s", fn, arg, n,
          xArg, Tensor.shapeString(y.shape()));
    }
    TensorArgs.requireFinite(y, fn, arg);
    return y.raw();
  }

  /** Number of output columns of y (1 for a vector). */
  public static int outputs(Tensor y) {
    return y.rank() == 1 ? 1 : y.dim(1);
  }

  /** Requires the rows of x given to a fitted model to have the d features it was fitted on. */
  public static double[] features(Tensor x, int d, String kind) {
    if (x.rank() != 2 || x.dim(1) != d) {
      throw KernelException.of("a %s model fitted on %d features needs a matrix [samples, %d], got shape %s", kind, d,
          d, Tensor.shapeString(x.shape()));
    }
    TensorArgs.requireFinite(x, kind, "x");
    return x.raw();
  }

  /** Requires v > 0 and finite. */
  public static void positive(double v, String fn, String arg) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number > 0, got %s", fn, arg, fmt(v));
    }
  }

  /** Requires v >= 0 and finite. */
  public static void nonNegative(double v, String fn, String arg) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw KernelException.of("%s: %s must be a finite number >= 0, got %s", fn, arg, fmt(v));
    }
  }

  /** Requires an integer >= 1. */
  public static void atLeastOne(int v, String fn, String arg) {
    if (v < 1) {
      throw KernelException.of("%s: %s must be at least 1, got %d", fn, arg, v);
    }
  }

  /** Requires s to be one of the choices. */
  public static String choice(String s, String fn, String arg, String... choices) {
    for (String c : choices) {
      if (c.equals(s)) {
        return s;
      }
    }
    throw KernelException.of("%s: %s must be one of %s, got \"%s\"", fn, arg,
        "\"" + String.join("\", \"", choices) + "\"", s);
  }

  /** A short number for messages and summaries. */
  public static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return dev.exp.kernel.Numbers.format(v); // nan, inf, -inf
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    int e = s.indexOf('e');
    String mant = e < 0 ? s : s.substring(0, e);
    if (mant.contains(".")) {
      mant = mant.replaceAll("0+$", "").replaceAll("\\.$", ""); // 1.500e-05 reads 1.5e-05, as Exp prints it
    }
    return e < 0 ? mant : mant + s.substring(e);
  }
}
