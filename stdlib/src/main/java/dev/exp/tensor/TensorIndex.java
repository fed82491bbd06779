package dev.exp.tensor;

import dev.exp.kernel.KernelException;

/**
 * Indexing a tensor with a list of per-axis items, as {@code x[i, a:b:s, idx]} does. An item is a
 * point (a {@link Long}; the axis disappears), a {@link Slice} (the axis stays, as a view) or an
 * integer tensor (fancy indexing: the axis is replaced by the index tensor's shape, as {@code take}
 * and NumPy do). Axes without an item are taken whole.
 *
 * <p>Points and slices alone give an O(1) view of the input's storage. Integer tensors gather a copy.
 * With more than one integer tensor each selects along its own axis independently (the outer
 * product of the selections, as {@code numpy.ix_}), not NumPy's broadcast of the index arrays.
 */
public final class TensorIndex {
  private TensorIndex() {}

  /** {@code t[items]}: a view when every item is a point or a slice, else a gathered copy. */
  public static Tensor get(Tensor t, Object[] items) {
    Tensor basic = basic(t, items);
    Tensor[] fancy = fancyAxes(t, items);
    if (fancy == null) {
      return basic;
    }
    if (basic.rank() == 1 && !basic.isComplex()) {
      return Gather.ofVector(basic, fancy[0]);   // x[idx] on a real vector: one pass, no position table
    }
    Gather g = new Gather(basic, fancy);
    int w = basic.dtype().width();
    double[] src = basic.storage();
    double[] out = new double[g.positions.length * w];
    for (int k = 0; k < g.positions.length; k++) {
      int p = g.positions[k];
      if (w == 1) {
        out[k] = src[p];
      } else {
        out[2 * k] = src[2 * p];
        out[2 * k + 1] = src[2 * p + 1];
      }
    }
    return w == 1 ? Tensor.wrap(g.shape, out) : Tensor.wrapComplex(g.shape, out);
  }

  /**
   * Storage position (in elements) of {@code t[idx0, idx1, ...]} with one point per axis; negative
   * indices count from the end. The cheap path for reading one element.
   */
  public static int elementPosition(Tensor t, long[] idx) {
    if (idx.length != t.rank()) {
      throw KernelException.of("%d indices for a tensor of shape %s", idx.length, Tensor.shapeString(t.shape()));
    }
    int pos = t.offset();
    for (int a = 0; a < idx.length; a++) {
      int n = t.dim(a);
      long i = idx[a] < 0 ? idx[a] + n : idx[a];
      if (i < 0 || i >= n) {
        throw KernelException.of("index %d is out of range for axis %d of length %d (shape %s)", idx[a], a, n,
            Tensor.shapeString(t.shape()));
      }
      pos += (int) i * t.stride(a);
    }
    return pos;
  }

  /**
   * {@code t[items] = value}: the value broadcasts to the selection's shape. With {@code inPlace}
   * the caller guarantees that nobody else can see {@code t} (its storage is exclusively owned and
   * contiguous) and the write goes into it; otherwise a copy is written and returned.
   */
  public static Tensor set(Tensor t, Object[] items, Tensor value, boolean inPlace) {
    if (value.isComplex() && !t.isComplex()) {
      Tensor widened = Tensor.wrapComplex(t.shape(), t.complexRaw());
      return set(widened, items, value, true);
    }
    Tensor out = inPlace && t.isContiguous() && t.offset() == 0 && t.storage().length == t.size() * t.dtype().width()
        ? t : t.copy();
    Tensor basic = basic(out, items);
    Tensor[] fancy = fancyAxes(out, items);
    int[] positions;
    int[] shape;
    if (fancy == null) {
      positions = positions(basic);
      shape = basic.shape();
    } else {
      Gather g = new Gather(basic, fancy);
      positions = g.positions;
      shape = g.shape;
    }
    Tensor v;
    try {
      v = value.size() == 1 && value.rank() <= shape.length ? value.reshape(new int[0]).broadcastTo(shape)
          : value.broadcastTo(shape);
    } catch (KernelException e) {
      throw KernelException.of("cannot assign a value of shape %s to a selection of shape %s",
          Tensor.shapeString(value.shape()), Tensor.shapeString(shape));
    }
    double[] dst = out.storage();
    if (out.isComplex()) {
      double[] z = v.complexRaw();
      for (int k = 0; k < positions.length; k++) {
        dst[2 * positions[k]] = z[2 * k];
        dst[2 * positions[k] + 1] = z[2 * k + 1];
      }
    } else {
      double[] src = v.raw();
      for (int k = 0; k < positions.length; k++) {
        dst[positions[k]] = src[k];
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- parts

  /** Applies the points and slices (fancy axes are kept whole); the result is a view. */
  private static Tensor basic(Tensor t, Object[] items) {
    if (t.rank() == 0 && items.length > 0) {
      throw KernelException.of("cannot index a 0-dimensional tensor");
    }
    if (items.length > t.rank()) {
      throw KernelException.of("too many indices: %d for a tensor of shape %s", items.length,
          Tensor.shapeString(t.shape()));
    }
    Tensor v = t;
    int axis = 0;
    for (int k = 0; k < items.length; k++) {
      Object it = items[k];
      if (it instanceof Slice s) {
        v = Views.slice(v, axis, s);
        axis++;
      } else if (it instanceof Long i) {
        int n = v.dim(axis);
        if (i < -n || i >= n) {
          throw KernelException.of("index %d is out of range for axis %d of length %d (shape %s)", i, k, n,
              Tensor.shapeString(t.shape()));
        }
        v = Views.select(v, axis, i);
      } else if (it instanceof Tensor) {
        axis++;
      } else {
        throw KernelException.of("an index must be an integer, a slice or an integer tensor, got %s", it);
      }
    }
    return v;
  }

  /** For each axis of the basic view, its integer-tensor index (null = whole axis); null when there is none. */
  private static Tensor[] fancyAxes(Tensor t, Object[] items) {
    Tensor[] out = null;
    int axis = 0;
    int count = 0;
    for (Object it : items) {
      if (!(it instanceof Long)) {
        count++;
      }
    }
    int rank = t.rank() - (items.length - count);
    for (Object it : items) {
      if (it instanceof Tensor idx) {
        if (out == null) {
          out = new Tensor[rank];
        }
        out[axis] = idx;
      }
      if (!(it instanceof Long)) {
        axis++;
      }
    }
    return out;
  }

  /** Storage positions of every element of a view, row-major. */
  static int[] positions(Tensor v) {
    int n = v.size();
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    int[] shape = v.shape();
    int[] st = v.strides();
    int r = shape.length;
    int[] idx = new int[r];
    int pos = v.offset();
    for (int k = 0; k < n; k++) {
      out[k] = pos;
      for (int d = r - 1; d >= 0; d--) {
        idx[d]++;
        pos += st[d];
        if (idx[d] < shape[d]) {
          break;
        }
        pos -= st[d] * shape[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** The positions and result shape of an outer selection over a view's axes. */
  private static final class Gather {
    final int[] positions;
    final int[] shape;

    Gather(Tensor v, Tensor[] fancy) {
      int[] vs = v.shape();
      int[] st = v.strides();
      int r = vs.length;
      int[][] sel = new int[r][];
      int rank = 0;
      for (int a = 0; a < r; a++) {
        if (fancy[a] == null) {
          sel[a] = new int[vs[a]];
          for (int k = 0; k < vs[a]; k++) {
            sel[a][k] = k;
          }
          rank++;
        } else {
          sel[a] = indices(fancy[a], vs[a], a);
          rank += fancy[a].rank();
        }
      }
      int[] os = new int[rank];
      int j = 0;
      long total = 1;
      for (int a = 0; a < r; a++) {
        if (fancy[a] == null) {
          os[j++] = vs[a];
        } else {
          for (int d : fancy[a].shape()) {
            os[j++] = d;
          }
        }
        total *= sel[a].length;
      }
      if (total > Integer.MAX_VALUE - 8) {
        throw KernelException.of("index selection of shape %s has too many elements", Tensor.shapeString(os));
      }
      shape = os;
      positions = new int[(int) total];
      int[] idx = new int[r];
      for (int k = 0; k < total; k++) {
        int pos = v.offset();
        for (int a = 0; a < r; a++) {
          pos += sel[a][idx[a]] * st[a];
        }
        positions[k] = pos;
        for (int a = r - 1; a >= 0; a--) {
          if (++idx[a] < sel[a].length) {
            break;
          }
          idx[a] = 0;
        }
      }
    }

    private static int[] indices(Tensor idx, int n, int axis) {
      double[] d = indexValues(idx);
      int[] out = new int[d.length];
      for (int k = 0; k < d.length; k++) {
        out[k] = index(d[k], k, n, axis);
      }
      return out;
    }

    /** {@code v[idx]} for a real vector {@code v}: the result has idx's shape. */
    static Tensor ofVector(Tensor v, Tensor idx) {
      double[] d = indexValues(idx);
      double[] src = v.storage();
      int off = v.offset();
      int st = v.stride(0);
      int n = v.dim(0);
      double[] out = new double[d.length];
      for (int k = 0; k < d.length; k++) {
        out[k] = src[off + index(d[k], k, n, 0) * st];
      }
      return Tensor.wrap(idx.shape(), out);
    }

    private static double[] indexValues(Tensor idx) {
      if (idx.isComplex()) {
        throw KernelException.of("an index tensor must hold integers, got a complex128 tensor");
      }
      return idx.raw();
    }

    /** The position index value {@code x} (flat position k of the index tensor) picks among n (negative from the end). */
    private static int index(double x, int k, int n, int axis) {
      if (x != Math.rint(x) || Double.isInfinite(x)) {
        throw KernelException.of("an index tensor must hold integers, got %s at flat position %d", TensorArgs.fmt(x), k);
      }
      long i = (long) x;
      long w = i < 0 ? i + n : i;
      if (w < 0 || w >= n) {
        throw KernelException.of("index %d is out of range for axis %d of length %d", i, axis, n);
      }
      return (int) w;
    }
  }
}
