package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared argument helpers for the core kernels: converting loosely typed values to tensors, checking
 * integrality, and the "lane" view of a tensor along one axis used by reductions, scans and sorts.
 */
public final class TensorArgs {
  private TensorArgs() {}

  /** Converts a number, a tensor, or a (nested) list of numbers/tensors to a tensor. */
  public static Tensor toTensor(Object v, String what) {
    if (v instanceof Tensor t) {
      return t;
    }
    if (v instanceof Number n) {
      return Tensor.scalar(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return Tensor.scalar(b ? 1 : 0);
    }
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        return Tensor.zeros(0);
      }
      List<Tensor> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(toTensor(o, what));
      }
      int[] s0 = parts.get(0).shape();
      for (Tensor p : parts) {
        if (!java.util.Arrays.equals(p.shape(), s0)) {
          throw KernelException.of("%s: ragged list: elements have shapes %s and %s", what,
              Tensor.shapeString(s0), Tensor.shapeString(p.shape()));
        }
      }
      int per = parts.get(0).size();
      double[] d = new double[per * parts.size()];
      for (int i = 0; i < parts.size(); i++) {
        System.arraycopy(parts.get(i).raw(), 0, d, i * per, per);
      }
      int[] s = new int[s0.length + 1];
      s[0] = parts.size();
      System.arraycopy(s0, 0, s, 1, s0.length);
      return Tensor.wrap(s, d);
    }
    throw KernelException.of("%s: expected a number or a tensor, got %s", what, Values.describe(v));
  }

  /** Requires {@code v} to be an integral double within int range; returns it as an int. */
  public static int toInt(double v, String what) {
    if (v != Math.rint(v) || Double.isInfinite(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw KernelException.of("%s must be an integer, got %s", what, fmt(v));
    }
    return (int) v;
  }

  /** Formats a double the way Exp prints numbers (integral without a decimal point). */
  public static String fmt(double v) {
    if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return Double.toString(v);
  }

  /** Fails with a clear message unless every value is finite. */
  public static void requireFinite(Tensor t, String fn, String arg) {
    double[] d = t.raw();
    for (int i = 0; i < d.length; i++) {
      if (!Double.isFinite(d[i])) {
        throw KernelException.of("%s: %s contains %s (at flat index %d); expected finite values", fn, arg, fmt(d[i]), i);
      }
    }
  }

  /** Product of a range of dimensions. */
  public static int prod(int[] shape, int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= shape[i];
    }
    return p;
  }

  /** Shape with {@code axis} removed. */
  public static int[] removeAxis(int[] shape, int axis) {
    int[] s = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        s[j++] = shape[i];
      }
    }
    return s;
  }

  /** Shape with {@code shape[axis]} replaced by {@code len}. */
  public static int[] withAxis(int[] shape, int axis, int len) {
    int[] s = shape.clone();
    s[axis] = len;
    return s;
  }

  /**
   * The lanes of a tensor along one axis: {@code outer * inner} lanes of {@code n} elements each,
   * lane {@code (o, j)} starting at {@code o * n * inner + j} with stride {@code inner}.
   */
  public record Lanes(int outer, int n, int inner) {
    public static Lanes of(int[] shape, int axis) {
      return new Lanes(prod(shape, 0, axis), shape[axis], prod(shape, axis + 1, shape.length));
    }

    public int count() {
      return outer * inner;
    }

    /** Start offset of lane {@code l} (0 ≤ l < count()). */
    public int start(int l) {
      int o = l / inner;
      int j = l % inner;
      return o * n * inner + j;
    }

    public int stride() {
      return inner;
    }
  }
}
