package dev.exp.metrics;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.tensor.Tensor;
import java.util.Arrays;

/** Checks for label/score vectors of the classification, calibration and ranking metrics. */
final class BinaryInputs {
  private BinaryInputs() {}

  /** The values of a non-empty finite vector (any shape is flattened). */
  static double[] vector(Tensor t, String fn, String name) {
    double[] v = t.raw();
    if (v.length == 0) {
      throw new KernelException(fn + ": " + name + " is empty");
    }
    for (double e : v) {
      if (!Double.isFinite(e)) {
        throw new KernelException(fn + ": " + name + " contains " + Numbers.format(e) + " (values must be finite)");
      }
    }
    return v;
  }

  /** Requires two vectors of the same length. */
  static void sameLength(double[] a, double[] b, String fn, String an, String bn) {
    if (a.length != b.length) {
      throw KernelException.of("%s: %s has %d values but %s has %d", fn, an, a.length, bn, b.length);
    }
  }

  /** Binary labels as booleans: 1 (or pos_label) is positive, 0 negative; other values are an error. */
  static boolean[] binary(double[] y, String fn) {
    boolean[] out = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      if (y[i] == 1) {
        out[i] = true;
      } else if (y[i] != 0) {
        throw KernelException.of("%s: y_true must hold binary labels 0 and 1, found %s at index %d", fn,
            dev.exp.tensor.TensorArgs.fmt(y[i]), i);
      }
    }
    return out;
  }

  /** Indices sorted by descending score (stable: equal scores keep their order). */
  static Integer[] byScoreDescending(double[] s) {
    Integer[] ord = new Integer[s.length];
    for (int i = 0; i < s.length; i++) {
      ord[i] = i;
    }
    Arrays.sort(ord, (a, b) -> Double.compare(s[b], s[a]));
    return ord;
  }
}
