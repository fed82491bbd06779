package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import java.util.Arrays;

/**
 * An n-dimensional array: a dtype, a shape and strides over a storage array, starting at an offset.
 *
 * <p>Tensors are values: operations return new tensors and never change their inputs. Views (slices,
 * rows, transposes, reshapes of contiguous data, broadcasts) share storage in O(1); since nothing
 * writes into a tensor once it has been handed out, sharing is never visible.
 *
 * <p>Element {@code (i0, ..., ik)} of a float64 tensor is {@code storage()[offset() + sum(ij *
 * strides()[j])]}; a complex128 tensor stores each element as two adjacent doubles (re, im) and its
 * offset and strides count complex elements (storage index = 2 * (offset + ...)). Kernels that want
 * flat row-major data call {@link #raw()} (real) or {@link #complexRaw()} (complex): free for a
 * contiguous tensor, one copy (made once per tensor) for a non-contiguous view.
 */
public final class Tensor {
  private static final int[] SCALAR_SHAPE = new int[0];

  private final DType dtype;
  private final int[] shape;
  private final int[] strides;
  private final int offset;
  private final double[] data;
  private final int size;
  /** Row-major from offset with no gaps (broadcast or permuted views are not). */
  private final boolean contiguous;
  /** The row-major copy of a non-contiguous view, made on first {@link #raw()} (benign race). */
  private double[] flat;

  private Tensor(int[] shape, double[] data) {
    this(DType.FLOAT64, shape, stridesOf(shape), 0, data);
  }

  private Tensor(DType dtype, int[] shape, int[] strides, int offset, double[] data) {
    this.dtype = dtype;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.data = data;
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    this.size = n;
    this.contiguous = isRowMajor(shape, strides);
    if (contiguous && offset == 0 && data.length == n * dtype.width()) {
      this.flat = data;
    }
  }

  private static boolean isRowMajor(int[] shape, int[] strides) {
    int expect = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != 1 && strides[i] != expect) {
        return false;
      }
      expect *= shape[i];
    }
    return true;
  }

  // ---------------------------------------------------------------- creation

  /** Wraps {@code data} (not copied: the caller hands it over) with the given shape. */
  public static Tensor wrap(int[] shape, double[] data) {
    int[] s = shape.clone();
    long n = checkShape(s);
    if (n != data.length) {
      throw KernelException.of("shape %s needs %d values, got %d", shapeString(s), n, data.length);
    }
    return new Tensor(s, data);
  }

  /** Copies {@code data} into a new tensor of the given shape. */
  public static Tensor of(int[] shape, double[] data) {
    return wrap(shape, data.clone());
  }

  /**
   * A view over {@code storage}: element {@code (i0, ...)} at {@code offset + sum(ij * strides[j])}
   * (in elements of {@code dtype}). Strides may be zero (broadcast) or negative (reversed). The
   * caller guarantees the indices stay inside the storage; nothing is copied.
   */
  public static Tensor view(DType dtype, int[] shape, int[] strides, int offset, double[] storage) {
    if (shape.length != strides.length) {
      throw KernelException.of("view: shape %s and %d strides", shapeString(shape), strides.length);
    }
    int[] s = shape.clone();
    checkShape(s);
    return new Tensor(dtype, s, strides.clone(), offset, storage);
  }

  /**
   * Wraps interleaved (re, im) values (not copied) as a complex128 tensor of the given shape.
   */
  public static Tensor wrapComplex(int[] shape, double[] interleaved) {
    int[] s = shape.clone();
    long n = checkShape(s);
    if (2 * n != interleaved.length) {
      throw KernelException.of("complex shape %s needs %d doubles (re, im pairs), got %d", shapeString(s), 2 * n,
          interleaved.length);
    }
    return new Tensor(DType.COMPLEX128, s, stridesOf(s), 0, interleaved);
  }

  /** A complex128 tensor from real and imaginary parts of the same shape (copied). */
  public static Tensor complex(Tensor re, Tensor im) {
    if (!Arrays.equals(re.shape, im.shape)) {
      throw KernelException.of("complex: real part %s and imaginary part %s differ in shape", shapeString(re.shape),
          shapeString(im.shape));
    }
    double[] r = re.raw();
    double[] i = im.raw();
    double[] z = new double[2 * r.length];
    for (int k = 0; k < r.length; k++) {
      z[2 * k] = r[k];
      z[2 * k + 1] = i[k];
    }
    return new Tensor(DType.COMPLEX128, re.shape, stridesOf(re.shape), 0, z);
  }

  /** A 0-dimensional tensor holding one value. */
  public static Tensor scalar(double v) {
    return new Tensor(SCALAR_SHAPE, new double[] {v});
  }

  /** A 1-D tensor of the given values (copied). */
  public static Tensor vector(double... values) {
    return new Tensor(new int[] {values.length}, values.clone());
  }

  /** A 2-D tensor from rows of equal length (copied). */
  public static Tensor matrix(double[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    double[] d = new double[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) {
        throw KernelException.of("ragged matrix: row 0 has %d values, row %d has %d", c, i, rows[i].length);
      }
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return new Tensor(new int[] {r, c}, d);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... shape) {
    int[] s = shape.clone();
    return new Tensor(s, new double[(int) checkShape(s)]);
  }

  /** A tensor filled with {@code value}. */
  public static Tensor full(int[] shape, double value) {
    Tensor t = zeros(shape);
    Arrays.fill(t.data, value);
    return t;
  }

  private static long checkShape(int[] s) {
    long n = 1;
    for (int d : s) {
      if (d < 0) {
        throw KernelException.of("negative dimension in shape %s", shapeString(s));
      }
      n = d == 0 || n <= Long.MAX_VALUE / d ? n * d : Long.MAX_VALUE;   // saturates: checked below
    }
    // the memory budget first (a limit, exit code 3), then the per-tensor element count
    dev.exp.kernel.Budget.doubles(n, "a tensor of shape " + shapeString(s));
    if (n > Integer.MAX_VALUE - 8) {
      throw KernelException.of("shape %s has too many elements (at most %d per tensor)", shapeString(s),
          Integer.MAX_VALUE - 8);
    }
    return n;
  }

  // ---------------------------------------------------------------- shape

  /** A copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /** Number of dimensions (0 for a scalar tensor). */
  public int rank() {
    return shape.length;
  }

  /** Length along {@code axis}; negative axes count from the end. */
  public int dim(int axis) {
    return shape[normalizeAxis(axis, shape.length)];
  }

  /** Total number of elements. */
  public int size() {
    return size;
  }

  /** Whether the shapes are equal. */
  public boolean sameShape(Tensor o) {
    return Arrays.equals(shape, o.shape);
  }

  /** The strides of this tensor over {@link #storage()}, in elements (0 on broadcast axes). */
  public int[] strides() {
    return strides.clone();
  }

  /** Length along {@code axis}, which must be in {@code 0..rank-1} (no normalisation: for hot loops). */
  public int extent(int axis) {
    return shape[axis];
  }

  /** The stride of one axis (no copy of the strides array). */
  public int stride(int axis) {
    return strides[axis];
  }

  public static int[] stridesOf(int[] shape) {
    int[] st = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      st[i] = s;
      s *= shape[i];
    }
    return st;
  }

  /**
   * Same elements (row-major order), new shape with the same number of elements; one dimension may be
   * -1 (inferred). A view when this tensor is contiguous, else one copy.
   */
  public Tensor reshape(int... newShape) {
    int[] s = newShape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) {
          throw KernelException.of("reshape: only one dimension may be -1, got %s", shapeString(s));
        }
        infer = i;
      } else if (s[i] < 0) {
        throw KernelException.of("reshape: negative dimension in %s (only -1, inferred, is allowed)", shapeString(s));
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || size % known != 0) {
        throw KernelException.of("reshape: cannot reshape %s into %s", shapeString(shape), shapeString(s));
      }
      s[infer] = (int) (size / known);
    }
    if (checkShape(s) != size) {
      throw KernelException.of("reshape: cannot reshape %s (%d values) into %s", shapeString(shape), size, shapeString(s));
    }
    if (contiguous) {
      return new Tensor(dtype, s, stridesOf(s), offset, data);
    }
    return new Tensor(dtype, s, stridesOf(s), 0, contiguousStorage());
  }

  // ---------------------------------------------------------------- layout (core v2)

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  public boolean isComplex() {
    return dtype == DType.COMPLEX128;
  }

  /**
   * The storage array this tensor views. Element {@code (i0, i1, ...)} lives at {@code offset() +
   * sum(ik * strides()[k])} (times {@code dtype().width()} for complex). Read only.
   */
  public double[] storage() {
    return data;
  }

  /** Index of the first element in {@link #storage()}, in elements. */
  public int offset() {
    return offset;
  }

  /** Whether the elements are laid out row-major from {@link #offset()} with no gaps. */
  public boolean isContiguous() {
    return contiguous;
  }

  /** Storage position (in elements) of a row-major flat index. */
  private int position(int flatIndex) {
    if (contiguous) {
      return offset + flatIndex;
    }
    int pos = offset;
    int rem = flatIndex;
    for (int d = shape.length - 1; d >= 0; d--) {
      int n = shape[d];
      pos += (rem % n) * strides[d];
      rem /= n;
    }
    return pos;
  }

  /** The row-major values (interleaved for complex) of this tensor: storage itself when it is exactly that. */
  private double[] contiguousStorage() {
    double[] f = flat;
    if (f != null) {
      return f;
    }
    int w = dtype.width();
    f = new double[size * w];
    if (contiguous) {
      System.arraycopy(data, offset * w, f, 0, size * w);
    } else if (size > 0) {
      int rank = shape.length;
      int[] idx = new int[rank];
      int pos = offset;
      int inner = rank - 1;
      int n = shape[inner];
      int st = strides[inner];
      for (int k = 0; k < size; k += n) {
        if (w == 1) {
          for (int j = 0, p = pos; j < n; j++, p += st) {
            f[k + j] = data[p];
          }
        } else {
          for (int j = 0, p = pos; j < n; j++, p += st) {
            f[2 * (k + j)] = data[2 * p];
            f[2 * (k + j) + 1] = data[2 * p + 1];
          }
        }
        for (int d = inner - 1; d >= 0; d--) {
          idx[d]++;
          pos += strides[d];
          if (idx[d] < shape[d]) {
            break;
          }
          pos -= strides[d] * shape[d];
          idx[d] = 0;
        }
      }
    }
    flat = f;
    return f;
  }

  private void requireReal(String what) {
    if (dtype != DType.FLOAT64) {
      throw KernelException.of("%s needs a real (float64) tensor, got a %s tensor of shape %s (use z.re, z.im or abs(z))",
          what, dtype.label(), shapeString(shape));
    }
  }

  /** Normalises a possibly negative axis against {@code rank}, with a clear error when out of range. */
  public static int normalizeAxis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw KernelException.of("axis %d is out of range for a tensor of rank %d", axis, rank);
    }
    return a;
  }

  // ---------------------------------------------------------------- access

  /** Element at a flat (row-major) index. */
  public double at(int flatIndex) {
    requireReal("this kernel");
    return data[position(flatIndex)];
  }

  /** Element at a multi-index (no negative indices here). */
  public double get(int... idx) {
    requireReal("this kernel");
    return data[storageIndex(idx)];
  }

  /** Real part of the element at a multi-index (the value itself for float64). */
  public double getRe(int... idx) {
    return dtype == DType.FLOAT64 ? data[storageIndex(idx)] : data[2 * storageIndex(idx)];
  }

  /** Imaginary part of the element at a multi-index (0 for float64). */
  public double getIm(int... idx) {
    return dtype == DType.FLOAT64 ? 0.0 : data[2 * storageIndex(idx) + 1];
  }

  private int storageIndex(int[] idx) {
    if (idx.length != shape.length) {
      throw KernelException.of("expected %d indices for shape %s, got %d", shape.length, shapeString(shape), idx.length);
    }
    int pos = offset;
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= shape[i]) {
        throw KernelException.of("index %d is out of range for axis %d of length %d", idx[i], i, shape[i]);
      }
      pos += idx[i] * strides[i];
    }
    return pos;
  }

  /** The only value of a one-element real tensor. */
  public double item() {
    if (size != 1) {
      throw KernelException.of("expected a single value, got a tensor of shape %s", shapeString(shape));
    }
    requireReal("this kernel");
    return data[offset];
  }

  /**
   * The values of a real tensor, row-major and contiguous. Free for a contiguous tensor; a
   * non-contiguous view copies once (the copy is kept). Read freely; write only into a tensor you
   * have just created and not yet shared.
   */
  public double[] raw() {
    requireReal("this kernel");
    return contiguousStorage();
  }

  /** The values of a complex tensor, row-major, interleaved (re, im); a real tensor gives im = 0. */
  public double[] complexRaw() {
    if (dtype == DType.COMPLEX128) {
      return contiguousStorage();
    }
    double[] r = contiguousStorage();
    double[] z = new double[2 * r.length];
    for (int k = 0; k < r.length; k++) {
      z[2 * k] = r[k];
    }
    return z;
  }

  /** A copy of the values, row-major. */
  public double[] toArray() {
    return raw().clone();
  }

  /** A copy as rows; requires rank 2. */
  public double[][] toMatrix() {
    if (shape.length != 2) {
      throw KernelException.of("expected a matrix, got shape %s", shapeString(shape));
    }
    double[] d = raw();
    double[][] m = new double[shape[0]][];
    for (int i = 0; i < shape[0]; i++) {
      m[i] = Arrays.copyOfRange(d, i * shape[1], (i + 1) * shape[1]);
    }
    return m;
  }

  /** A deep copy. */
  public Tensor copy() {
    return new Tensor(dtype, shape, stridesOf(shape), 0, contiguousStorage().clone());
  }

  /** Applies {@code f} to every element, returning a new tensor of the same shape. */
  public Tensor map(java.util.function.DoubleUnaryOperator f) {
    double[] in = raw();
    double[] out = new double[in.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(in[i]);
    }
    return new Tensor(shape, out);
  }

  // ---------------------------------------------------------------- broadcasting

  /** NumPy broadcast of two shapes, or a clear error naming both. */
  public static int[] broadcastShapes(int[] a, int[] b) {
    int n = Math.max(a.length, b.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int da = i < n - a.length ? 1 : a[i - (n - a.length)];
      int db = i < n - b.length ? 1 : b[i - (n - b.length)];
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else {
        throw KernelException.of("shapes %s and %s cannot be broadcast together", shapeString(a), shapeString(b));
      }
    }
    return out;
  }

  /** Element-wise binary operation with NumPy broadcasting. */
  public static Tensor zip(Tensor a, Tensor b, java.util.function.DoubleBinaryOperator f) {
    double[] ad = a.raw();
    double[] bd = b.raw();
    if (Arrays.equals(a.shape, b.shape)) {
      double[] out = new double[ad.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(ad[i], bd[i]);
      }
      return new Tensor(a.shape, out);
    }
    if (bd.length == 1 && b.shape.length <= a.shape.length) {
      double y = bd[0];
      double[] out = new double[ad.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(ad[i], y);
      }
      return new Tensor(a.shape, out);
    }
    if (ad.length == 1 && a.shape.length <= b.shape.length) {
      double x = ad[0];
      double[] out = new double[bd.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(x, bd[i]);
      }
      return new Tensor(b.shape, out);
    }
    int[] os = broadcastShapes(a.shape, b.shape);
    int n = os.length;
    int[] sa = broadcastStrides(a.shape, n);
    int[] sb = broadcastStrides(b.shape, n);
    int total = (int) checkShape(os);
    double[] out = new double[total];
    int[] idx = new int[n];
    int ia = 0;
    int ib = 0;
    for (int k = 0; k < total; k++) {
      out[k] = f.applyAsDouble(ad[ia], bd[ib]);
      for (int d = n - 1; d >= 0; d--) {
        idx[d]++;
        ia += sa[d];
        ib += sb[d];
        if (idx[d] < os[d]) {
          break;
        }
        ia -= sa[d] * os[d];
        ib -= sb[d] * os[d];
        idx[d] = 0;
      }
    }
    return new Tensor(os, out);
  }

  /** Strides of {@code shape} right-aligned to {@code rank} dims, 0 where broadcast. */
  public static int[] broadcastStrides(int[] shape, int rank) {
    int[] st = stridesOf(shape);
    int[] out = new int[rank];
    int off = rank - shape.length;
    for (int i = 0; i < shape.length; i++) {
      out[off + i] = shape[i] == 1 ? 0 : st[i];
    }
    return out;
  }

  /** This tensor broadcast to {@code target} shape: an O(1) view with zero strides on broadcast axes. */
  public Tensor broadcastTo(int[] target) {
    int[] os = broadcastShapes(shape, target);
    if (!Arrays.equals(os, target)) {
      throw KernelException.of("cannot broadcast shape %s to %s", shapeString(shape), shapeString(target));
    }
    int[] st = new int[target.length];
    int lead = target.length - shape.length;
    for (int i = 0; i < shape.length; i++) {
      st[lead + i] = shape[i] == 1 ? 0 : strides[i];
    }
    return new Tensor(dtype, target.clone(), st, offset, data);
  }

  // ---------------------------------------------------------------- object

  /** "[2, 3]" */
  public static String shapeString(int[] shape) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(shape[i]);
    }
    return sb.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && dtype == t.dtype && Arrays.equals(shape, t.shape)
        && Arrays.equals(contiguousStorage(), t.contiguousStorage());
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(contiguousStorage());
  }

  @Override
  public String toString() {
    return "Tensor" + (dtype == DType.FLOAT64 ? "" : "<" + dtype + ">") + shapeString(shape)
        + (size <= 16 ? Arrays.toString(contiguousStorage()) : "");
  }
}
