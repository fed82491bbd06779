package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import java.util.Arrays;
import java.util.List;

/** Shape manipulation: reshape, concatenation, stacking, transposition, tiling, flipping. */
public final class Shapes {
  private Shapes() {}

  @Kernel(name = "reshape", doc = "The same values (row-major order) with a new shape; one dimension may be -1 "
      + "and is then inferred. Example: reshape(arange(6), [2, -1])")
  public static Tensor reshape(@Arg("x") Tensor x, @Arg("shape") Tensor shape) {
    return x.reshape(TensorArgs.shapeWithInferred(shape, "reshape"));
  }

  /** {@code reshape} for Java callers; one dimension may be -1. */
  public static Tensor reshape(Tensor x, int[] shape) {
    return x.reshape(shape);
  }

  @Kernel(name = "flatten", doc = "The values of x as a vector, in row-major order.")
  public static Tensor flatten(@Arg("x") Tensor x) {
    return x.reshape(x.size());
  }

  @Kernel(name = "concat", doc = "Joins tensors along an existing axis. "
      + "All tensors must have the same rank and the same dimensions except along axis. "
      + "Example: concat([a, b], axis: 1)")
  public static Tensor concat(@Arg("tensors") List<Tensor> tensors, @Arg(value = "axis", dflt = "0") int axis) {
    if (tensors == null || tensors.isEmpty()) {
      throw KernelException.of("concat: need at least one tensor");
    }
    int[] s0 = tensors.get(0).shape();
    if (s0.length == 0) {
      throw KernelException.of("concat: tensor 0 is a number, not a vector or matrix: concat takes one list of tensors, "
          + "concat([a, b]) (to make a vector of numbers, use stack or a literal [x, y])");
    }
    int ax = Tensor.normalizeAxis(axis, s0.length);
    int total = 0;
    for (int i = 0; i < tensors.size(); i++) {
      int[] s = tensors.get(i).shape();
      boolean ok = s.length == s0.length;
      for (int d = 0; ok && d < s.length; d++) {
        ok = d == ax || s[d] == s0[d];
      }
      if (!ok) {
        throw KernelException.of("concat: tensor %d has shape %s but tensor 0 has shape %s: all dimensions except axis %d must match",
            i, Tensor.shapeString(s), Tensor.shapeString(s0), ax);
      }
      total += s[ax];
    }
    int[] os = TensorArgs.withAxis(s0, ax, total);
    boolean complex = false;
    for (Tensor t : tensors) {
      complex |= t.isComplex();
    }
    int w = complex ? 2 : 1;
    int outer = TensorArgs.prod(s0, 0, ax);
    int inner = TensorArgs.prod(s0, ax + 1, s0.length) * w;
    double[] d = new double[outer * total * inner];
    int off = 0;
    for (Tensor t : tensors) {
      int chunk = t.dim(ax) * inner;
      double[] src = complex ? t.complexRaw() : t.raw();
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * chunk, d, o * total * inner + off, chunk);
      }
      off += chunk;
    }
    return complex ? Tensor.wrapComplex(os, d) : Tensor.wrap(os, d);
  }

  @Kernel(name = "stack", doc = "Joins tensors of equal shape along a new axis. "
      + "Example: stack([a, b]) has shape [2] followed by a.shape; stack([a, b], axis: -1) puts the new axis last")
  public static Tensor stack(@Arg("tensors") List<Tensor> tensors, @Arg(value = "axis", dflt = "0") int axis) {
    if (tensors == null || tensors.isEmpty()) {
      throw KernelException.of("stack: need at least one tensor");
    }
    int[] s0 = tensors.get(0).shape();
    for (int i = 1; i < tensors.size(); i++) {
      if (!Arrays.equals(tensors.get(i).shape(), s0)) {
        throw KernelException.of("stack: tensor %d has shape %s but tensor 0 has shape %s: all shapes must be equal",
            i, Tensor.shapeString(tensors.get(i).shape()), Tensor.shapeString(s0));
      }
    }
    int ax = Tensor.normalizeAxis(axis, s0.length + 1);
    int[] ns = insertAxis(s0, ax);
    Tensor[] parts = new Tensor[tensors.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = tensors.get(i).reshape(ns);
    }
    return concat(Arrays.asList(parts), ax);
  }

  private static int[] insertAxis(int[] s, int ax) {
    int[] ns = new int[s.length + 1];
    System.arraycopy(s, 0, ns, 0, ax);
    ns[ax] = 1;
    System.arraycopy(s, ax, ns, ax + 1, s.length - ax);
    return ns;
  }

  @Kernel(name = "transpose", doc = "Permutes the axes of x (a view: no data is copied). "
      + "axes none reverses them (a matrix's transpose); otherwise axes lists, for each output axis, the input "
      + "axis it comes from (negative counts from the end, as in NumPy). "
      + "Example: transpose(x, [0, 2, 1]); transpose(x, [0, -1, 1]) is the same for a rank-3 x")
  public static Tensor transpose(@Arg("x") Tensor x, @Arg(value = "axes", dflt = "none") Tensor axes) {
    return axes == null ? Views.transpose(x) : Views.permute(x, axisList(axes));
  }

  /** Transpose of a matrix (reversal of axes in general). */
  public static Tensor transpose(Tensor x) {
    return Views.transpose(x);
  }

  /** {@code transpose(x, axes)} from Java: for each output axis, the input axis (negative from the end). */
  public static Tensor transpose(Tensor x, int[] axes) {
    return Views.permute(x, axes);
  }

  /** A list of axis numbers (negative ones allowed; the caller normalises them against its rank). */
  private static int[] axisList(Tensor axes) {
    if (axes.rank() > 1 || axes.isComplex()) {
      throw KernelException.of("transpose: axes must be a list of integers, got shape %s",
          Tensor.shapeString(axes.shape()));
    }
    int[] out = new int[axes.size()];
    for (int i = 0; i < out.length; i++) {
      double a = axes.at(i);
      if (a != Math.rint(a) || Math.abs(a) > 1 << 20) {
        throw KernelException.of("transpose: axes must be integers, got %s", a);
      }
      out[i] = (int) a;
    }
    return out;
  }

  static Tensor permute(Tensor x, int[] perm) {
    return Views.permute(x, perm);
  }

  @Kernel(name = "squeeze", doc = "Removes axes of length 1: all of them (axis none) or the given one, "
      + "which must have length 1.")
  public static Tensor squeeze(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis) {
    return axis == null ? Views.squeezeAll(x) : Views.squeeze(x, axis);
  }

  @Kernel(name = "expand_dims", doc = "Inserts an axis of length 1 at position axis (negative counts from the end "
      + "of the result). Example: expand_dims(v, 0) turns shape [n] into [1, n]")
  public static Tensor expandDims(@Arg("x") Tensor x, @Arg("axis") int axis) {
    return Views.expandDims(x, axis);
  }

  @Kernel(name = "tile", doc = "Repeats the whole of x reps times along each axis (NumPy tile). "
      + "If reps is longer than x's rank, x gains leading axes of length 1; if shorter, reps gains leading 1s. "
      + "Example: tile([1, 2], 3) is [1, 2, 1, 2, 1, 2]; tile(m, [2, 1]) stacks m twice vertically")
  public static Tensor tile(@Arg("x") Tensor x, @Arg("reps") int[] reps) {
    int r = Math.max(x.rank(), reps.length);
    int[] s = new int[r];
    int[] rp = new int[r];
    Arrays.fill(s, 1);
    Arrays.fill(rp, 1);
    int[] xs = x.shape();
    System.arraycopy(xs, 0, s, r - xs.length, xs.length);
    System.arraycopy(reps, 0, rp, r - reps.length, reps.length);
    int[] os = new int[r];
    for (int i = 0; i < r; i++) {
      if (rp[i] < 0) {
        throw KernelException.of("tile: reps must be non-negative, got %s", Tensor.shapeString(reps));
      }
      long len = (long) s[i] * rp[i];
      if (len > Integer.MAX_VALUE) {
        throw KernelException.of("tile: axis %d would have %d elements (too many)", i, len);
      }
      os[i] = (int) len;
    }
    Tensor out = Tensor.zeros(os);
    double[] d = out.raw();
    double[] src = x.raw();
    int[] st = Tensor.stridesOf(s);
    int[] idx = new int[r];
    for (int k = 0; k < d.length; k++) {
      int off = 0;
      for (int a = 0; a < r; a++) {
        off += (idx[a] % s[a]) * st[a];
      }
      d[k] = src[off];
      for (int a = r - 1; a >= 0; a--) {
        if (++idx[a] < os[a]) {
          break;
        }
        idx[a] = 0;
      }
    }
    return out;
  }

  @Kernel(name = "repeat_elements", doc = "Repeats each element (or each slice along axis) repeats times in place "
      + "(NumPy repeat; named so because repeat is an Exp keyword). With axis none, x is flattened first. "
      + "Example: repeat_elements([1, 2], 2) is [1, 1, 2, 2]")
  public static Tensor repeatElements(@Arg("x") Tensor x, @Arg("repeats") int repeats,
      @Arg(value = "axis", dflt = "none") Integer axis) {
    if (repeats < 0) {
      throw KernelException.of("repeat_elements: repeats must be non-negative, got %d", repeats);
    }
    Tensor src = axis == null ? x.reshape(x.size()) : x;
    if (src.rank() == 0) {
      src = src.reshape(1);
    }
    int ax = Tensor.normalizeAxis(axis == null ? 0 : axis, src.rank());
    int[] s = src.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    int inner = l.inner();
    double[] a = src.raw();
    long n = (long) a.length * repeats;
    if (n > Integer.MAX_VALUE - 8) {
      throw KernelException.of("repeat_elements: %d values repeated %d times is too many elements", a.length, repeats);
    }
    dev.exp.kernel.Budget.doubles(n, "repeat_elements of " + n + " values");
    double[] d = new double[(int) n];
    int k = 0;
    for (int o = 0; o < l.outer(); o++) {
      for (int i = 0; i < l.n(); i++) {
        for (int r = 0; r < repeats; r++) {
          System.arraycopy(a, (o * l.n() + i) * inner, d, k, inner);
          k += inner;
        }
      }
    }
    return Tensor.wrap(TensorArgs.withAxis(s, ax, s[ax] * repeats), d);
  }

  @Kernel(name = "flip", doc = "Reverses the order of elements along an axis, or along every axis when axis is none "
      + "(a view with negative strides: no data is copied).")
  public static Tensor flip(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis) {
    return axis == null ? Views.flipAll(x) : Views.flip(x, axis);
  }

  @Kernel(name = "tril", doc = "The lower triangle of x: the elements on and below diagonal k kept, the others zero "
      + "(numpy.tril). k = 0 is the main diagonal, k > 0 keeps k diagonals above it, k < 0 drops |k| below it. "
      + "Works on the last two axes, so a stack of matrices [..., m, n] gives the triangle of each. A vector is "
      + "an error (NumPy would treat it as a matrix of repeated rows, rarely what is meant). "
      + "triu(x, k) + tril(x, k - 1) is x. Example: tril([[1, 2], [3, 4]]) is [[1, 0], [3, 4]]")
  public static Tensor tril(@Arg("x") Tensor x, @Arg(value = "k", dflt = "0") int k) {
    return triangle(x, k, true);
  }

  @Kernel(name = "triu", doc = "The upper triangle of x: the elements on and above diagonal k kept, the others zero "
      + "(numpy.triu). k = 0 is the main diagonal, k > 0 drops k diagonals above it, k < 0 keeps |k| below it. "
      + "Works on the last two axes, as tril. Example: triu([[1, 2], [3, 4]]) is [[1, 2], [0, 4]]")
  public static Tensor triu(@Arg("x") Tensor x, @Arg(value = "k", dflt = "0") int k) {
    return triangle(x, k, false);
  }

  /** Keeps element (i, j) of each trailing matrix when j - i <= k (lower) or j - i >= k (upper). */
  private static Tensor triangle(Tensor x, int k, boolean lower) {
    String fn = lower ? "tril" : "triu";
    if (x.rank() < 2) {
      throw KernelException.of("%s: x must be a matrix or a stack of matrices (rank >= 2), got shape %s", fn,
          Tensor.shapeString(x.shape()));
    }
    int[] s = x.shape();
    int m = s[s.length - 2];
    int n = s[s.length - 1];
    int w = x.isComplex() ? 2 : 1;
    double[] d = (x.isComplex() ? x.complexRaw() : x.raw()).clone();
    int mats = m * n == 0 ? 0 : d.length / (w * m * n);
    for (int b = 0; b < mats; b++) {
      int base = b * m * n;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          long diff = (long) j - i;
          if (lower ? diff > k : diff < k) {
            int p = (base + i * n + j) * w;
            d[p] = 0;
            if (w == 2) {
              d[p + 1] = 0;
            }
          }
        }
      }
    }
    return x.isComplex() ? Tensor.wrapComplex(s, d) : Tensor.wrap(s, d);
  }

  @Kernel(name = "roll", doc = "Shifts the elements of x by shift positions along axis, those pushed off the end "
      + "coming back at the start (numpy.roll): out[(i + shift) mod n] = x[i]; a negative shift moves them the "
      + "other way. With axis none the flattened values are rolled and the shape kept. roll(x, n) along an axis of "
      + "length n is x. Example: roll([1, 2, 3, 4], 1) is [4, 1, 2, 3]")
  public static Tensor roll(@Arg("x") Tensor x, @Arg("shift") int shift,
      @Arg(value = "axis", dflt = "none") Integer axis) {
    Tensor src = axis == null || x.rank() == 0 ? x.reshape(x.size()) : x;
    int ax = Tensor.normalizeAxis(axis == null ? 0 : axis, src.rank());
    int[] s = src.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    int len = l.n();
    int w = x.isComplex() ? 2 : 1;
    double[] a = x.isComplex() ? src.complexRaw() : src.raw();
    double[] d = new double[a.length];
    if (len > 0) {
      int sh = Math.floorMod(shift, len);
      int block = l.inner() * w;   // one position along the axis: the trailing axes' values
      for (int o = 0; o < l.outer(); o++) {
        int base = o * len * block;
        // positions [0, len - sh) move to [sh, len), positions [len - sh, len) to [0, sh)
        System.arraycopy(a, base, d, base + sh * block, (len - sh) * block);
        System.arraycopy(a, base + (len - sh) * block, d, base, sh * block);
      }
    }
    int[] os = x.shape();
    return x.isComplex() ? Tensor.wrapComplex(os, d) : Tensor.wrap(os, d);
  }
}
