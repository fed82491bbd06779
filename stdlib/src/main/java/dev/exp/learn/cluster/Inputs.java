package dev.exp.learn.cluster;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.tensor.Tensor;

/** Checks of the data matrices the unsupervised learners take (clustering and decompositions). */
public final class Inputs {
  private Inputs() {}

  /** Requires a finite n×d matrix with n &gt;= minRows; returns its row-major values. */
  public static double[] matrix(Tensor x, String fn, String name, int minRows) {
    if (x.rank() != 2) {
      throw new KernelException(fn + ": " + name + " must be a matrix (samples × features), got shape "
          + Tensor.shapeString(x.shape()));
    }
    if (x.dim(0) < minRows || x.dim(1) < 1) {
      throw new KernelException(fn + ": " + name + " needs at least " + minRows + " rows and 1 column, got shape "
          + Tensor.shapeString(x.shape()));
    }
    double[] v = x.raw();
    for (double e : v) {
      if (!Double.isFinite(e)) {
        throw new KernelException(fn + ": " + name + " contains " + Numbers.format(e) + " (values must be finite)");
      }
    }
    return v;
  }

  /** Requires the features of {@code x} to match a model fitted on {@code d} features. */
  public static double[] features(Tensor x, int d, String kind) {
    if (x.rank() == 1 && x.dim(0) == d) {
      return x.raw();
    }
    if (x.rank() != 2 || x.dim(1) != d) {
      throw new KernelException("the " + kind + " model was fitted on " + d + " features; x has shape "
          + Tensor.shapeString(x.shape()));
    }
    return x.raw();
  }

  /** Number of rows of {@code x} (1 for a single sample given as a vector). */
  public static int rows(Tensor x) {
    return x.rank() == 1 ? 1 : x.dim(0);
  }

  /** Requires a positive integer parameter. */
  public static void positive(String fn, String name, int v) {
    if (v < 1) {
      throw new KernelException(fn + ": " + name + " must be at least 1, got " + v);
    }
  }
}
