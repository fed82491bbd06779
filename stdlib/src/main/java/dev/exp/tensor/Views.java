package dev.exp.tensor;

import dev.exp.kernel.KernelException;

/**
 * Views in O(1): each result shares its input's storage and differs only in shape, strides and
 * offset (NumPy's basic indexing). Nothing here touches the data, so a slice, a row or a transpose
 * of any size costs the same few allocations. Tensors are values: a view is never written.
 */
public final class Views {
  private Views() {}

  /** {@code t[..., s, ...]} with the slice on {@code axis}: the axis keeps its place, shortened. */
  public static Tensor slice(Tensor t, int axis, Slice s) {
    int a = Tensor.normalizeAxis(axis, t.rank());
    int[] shape = t.shape();
    int[] st = t.strides();
    Slice.Range r = s.resolve(shape[a]);
    int offset = t.offset();
    if (r.length() > 0) {
      offset += r.first() * st[a];
    }
    shape[a] = r.length();
    st[a] = (int) (st[a] * r.step());
    return Tensor.view(t.dtype(), shape, st, offset, t.storage());
  }

  /** {@code t[..., i, ...]} with the point on {@code axis}: that axis disappears. Negative i counts from the end. */
  public static Tensor select(Tensor t, int axis, long i) {
    int a = Tensor.normalizeAxis(axis, t.rank());
    int n = t.dim(a);
    long j = i < 0 ? i + n : i;
    if (j < 0 || j >= n) {
      throw KernelException.of("index %d is out of range for axis %d of length %d (shape %s)", i, a, n,
          Tensor.shapeString(t.shape()));
    }
    int[] shape = t.shape();
    int[] st = t.strides();
    return Tensor.view(t.dtype(), TensorArgs.removeAxis(shape, a), TensorArgs.removeAxis(st, a),
        t.offset() + (int) j * st[a], t.storage());
  }

  /** Row {@code i} of {@code t} (its first-axis slice); negative i counts from the end. */
  public static Tensor row(Tensor t, long i) {
    if (t.rank() == 0) {
      throw KernelException.of("cannot index a 0-dimensional tensor");
    }
    return select(t, 0, i);
  }

  /**
   * Axes reordered: output axis k is input axis {@code perm[k]}. {@code perm} must name every axis
   * once (negative axes count from the end).
   */
  public static Tensor permute(Tensor t, int[] perm) {
    int r = t.rank();
    if (perm.length != r) {
      throw KernelException.of("transpose: axes %s do not match a tensor of rank %d (shape %s)",
          Tensor.shapeString(perm), r, Tensor.shapeString(t.shape()));
    }
    int[] shape = t.shape();
    int[] st = t.strides();
    int[] os = new int[r];
    int[] ost = new int[r];
    boolean[] seen = new boolean[r];
    for (int k = 0; k < r; k++) {
      int a = Tensor.normalizeAxis(perm[k], r);
      if (seen[a]) {
        throw KernelException.of("transpose: axes %s repeat axis %d", Tensor.shapeString(perm), a);
      }
      seen[a] = true;
      os[k] = shape[a];
      ost[k] = st[a];
    }
    return Tensor.view(t.dtype(), os, ost, t.offset(), t.storage());
  }

  /** The axes reversed ({@code .T}): a matrix's transpose; vectors and scalars are returned as they are. */
  public static Tensor transpose(Tensor t) {
    int r = t.rank();
    if (r < 2) {
      return t;
    }
    int[] perm = new int[r];
    for (int k = 0; k < r; k++) {
      perm[k] = r - 1 - k;
    }
    return permute(t, perm);
  }

  /** The elements along {@code axis} in reverse order (a negative stride). */
  public static Tensor flip(Tensor t, int axis) {
    return slice(t, axis, new Slice(null, null, -1));
  }

  /** The elements reversed along every axis. */
  public static Tensor flipAll(Tensor t) {
    Tensor out = t;
    for (int a = 0; a < t.rank(); a++) {
      out = flip(out, a);
    }
    return out;
  }

  /** A new axis of length 1 at {@code axis} (negative counts from the end of the result). */
  public static Tensor expandDims(Tensor t, int axis) {
    int r = t.rank();
    int a = Tensor.normalizeAxis(axis, r + 1);
    int[] shape = t.shape();
    int[] st = t.strides();
    int[] os = new int[r + 1];
    int[] ost = new int[r + 1];
    for (int k = 0, j = 0; k <= r; k++) {
      if (k == a) {
        os[k] = 1;
        ost[k] = 0;
      } else {
        os[k] = shape[j];
        ost[k] = st[j];
        j++;
      }
    }
    return Tensor.view(t.dtype(), os, ost, t.offset(), t.storage());
  }

  /** Axis {@code axis} removed; it must have length 1. */
  public static Tensor squeeze(Tensor t, int axis) {
    int a = Tensor.normalizeAxis(axis, t.rank());
    if (t.dim(a) != 1) {
      throw KernelException.of("squeeze: axis %d of shape %s has length %d, not 1", axis,
          Tensor.shapeString(t.shape()), t.dim(a));
    }
    return select(t, a, 0);
  }

  /** Every axis of length 1 removed. */
  public static Tensor squeezeAll(Tensor t) {
    int[] shape = t.shape();
    int[] st = t.strides();
    int keep = 0;
    for (int d : shape) {
      if (d != 1) {
        keep++;
      }
    }
    int[] os = new int[keep];
    int[] ost = new int[keep];
    for (int k = 0, j = 0; k < shape.length; k++) {
      if (shape[k] != 1) {
        os[j] = shape[k];
        ost[j++] = st[k];
      }
    }
    return Tensor.view(t.dtype(), os, ost, t.offset(), t.storage());
  }
}
