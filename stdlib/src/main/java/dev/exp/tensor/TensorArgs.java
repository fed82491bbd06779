package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
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
    if (v instanceof Complex c) {
      return Tensor.wrapComplex(new int[0], new double[] {c.re(), c.im()});
    }
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        return Tensor.zeros(0);
      }
      List<Tensor> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(toTensor(o, what));
      }
      Tensor t = stackRows(parts);
      if (t == null) {
        for (Tensor p : parts) {
          if (!java.util.Arrays.equals(p.shape(), parts.get(0).shape())) {
            throw KernelException.of("%s: ragged list: elements have shapes %s and %s", what,
                Tensor.shapeString(parts.get(0).shape()), Tensor.shapeString(p.shape()));
          }
        }
      }
      return t;
    }
    throw KernelException.of("%s: expected a number or a tensor, got %s", what, Values.describe(v));
  }

  /**
   * A shape given as a number or a vector of integers, where one entry may be -1 (to be inferred by
   * the caller, as {@code reshape} does); any other negative entry is an error naming the shape.
   */
  public static int[] shapeWithInferred(Tensor shape, String fn) {
    if (shape.rank() > 1 || shape.isComplex()) {
      throw KernelException.of("%s: shape must be an integer or a list of integers, got a tensor of shape %s", fn,
          Tensor.shapeString(shape.shape()));
    }
    double[] d = shape.raw();
    int[] s = new int[d.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = toInt(d[i], fn + ": shape entry");
      if (s[i] < -1) {
        throw KernelException.of("%s: shape entry %d is negative (only -1, inferred, is allowed)", fn, s[i]);
      }
    }
    return s;
  }

  /**
   * A vector from a list of scalars (numbers and {@link Complex} values): complex128 when any item is
   * complex, else float64. Null when an item is not a scalar (or the list is empty).
   */
  public static Tensor vectorOf(List<?> items) {
    if (items.isEmpty()) {
      return null;
    }
    boolean complex = false;
    for (Object o : items) {
      if (o instanceof Complex) {
        complex = true;
      } else if (!(o instanceof Double)) {
        return null;
      }
    }
    int n = items.size();
    if (!complex) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = (Double) items.get(i);
      }
      return Tensor.wrap(new int[] {n}, d);
    }
    double[] z = new double[2 * n];
    for (int i = 0; i < n; i++) {
      Object o = items.get(i);
      if (o instanceof Complex c) {
        z[2 * i] = c.re();
        z[2 * i + 1] = c.im();
      } else {
        z[2 * i] = (Double) o;
      }
    }
    return Tensor.wrapComplex(new int[] {n}, z);
  }

  /**
   * Stacks tensors of one shape along a new first axis (list to tensor); complex128 when any part is
   * complex, else float64. Null when the shapes differ (the caller names the error).
   */
  public static Tensor stackRows(List<Tensor> rows) {
    if (rows.isEmpty()) {
      return Tensor.zeros(0);
    }
    int[] s0 = rows.get(0).shape();
    boolean complex = false;
    for (Tensor r : rows) {
      if (!java.util.Arrays.equals(r.shape(), s0)) {
        return null;
      }
      complex |= r.isComplex();
    }
    int w = complex ? 2 : 1;
    int each = rows.get(0).size() * w;
    double[] out = new double[each * rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Tensor r = rows.get(i);
      System.arraycopy(complex ? r.complexRaw() : r.raw(), 0, out, i * each, each);
    }
    int[] shape = new int[s0.length + 1];
    shape[0] = rows.size();
    System.arraycopy(s0, 0, shape, 1, s0.length);
    return complex ? Tensor.wrapComplex(shape, out) : Tensor.wrap(shape, out);
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
    return Numbers.format(v);
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

  /** Refuses a complex tensor as argument {@code arg} of kernel {@code fn}: "fn: arg must be real, got ...". */
  public static void requireReal(Tensor t, String fn, String arg) {
    if (t.isComplex()) {
      throw dev.exp.kernel.KernelException.of("%s: %s must be real, got a complex128 tensor of shape %s", fn, arg,
          Tensor.shapeString(t.shape()));
    }
  }
}
