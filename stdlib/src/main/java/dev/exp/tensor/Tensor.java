package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import java.util.Arrays;

/**
 * An n-dimensional array of doubles: a shape over a contiguous row-major {@code double[]}.
 *
 * <p>Tensors are values: operations return new tensors and never change their inputs. The backing
 * array is exposed through {@link #raw()} for kernels that read it in hot loops; only the code that
 * has just created a tensor (and not yet handed it out) may write into it.
 */
public final class Tensor {
  private static final int[] SCALAR_SHAPE = new int[0];

  private final int[] shape;
  private final double[] data;

  private Tensor(int[] shape, double[] data) {
    this.shape = shape;
    this.data = data;
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
      n *= d;
      if (n > Integer.MAX_VALUE - 8) {
        throw KernelException.of("shape %s has too many elements", shapeString(s));
      }
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
    return data.length;
  }

  /** Whether the shapes are equal. */
  public boolean sameShape(Tensor o) {
    return Arrays.equals(shape, o.shape);
  }

  /** The strides of this tensor over {@link #storage()}, in elements (0 on broadcast axes). */
  public int[] strides() {
    return stridesOf(shape);
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

  /** Same data, new shape with the same number of elements; one dimension may be -1 (inferred). */
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
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || data.length % known != 0) {
        throw KernelException.of("reshape: cannot reshape %s into %s", shapeString(shape), shapeString(s));
      }
      s[infer] = (int) (data.length / known);
    }
    if (checkShape(s) != data.length) {
      throw KernelException.of("reshape: cannot reshape %s (%d values) into %s", shapeString(shape), data.length, shapeString(s));
    }
    return new Tensor(s, data);
  }

  // ---------------------------------------------------------------- layout (core v2)

  /** The element type. */
  public DType dtype() {
    return DType.FLOAT64;
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
    return 0;
  }

  /** Whether the elements are laid out row-major from {@link #offset()} with no gaps. */
  public boolean isContiguous() {
    return true;
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
  public double at(int flat) {
    return data[flat];
  }

  /** Element at a multi-index (no negative indices here). */
  public double get(int... idx) {
    if (idx.length != shape.length) {
      throw KernelException.of("expected %d indices for shape %s, got %d", shape.length, shapeString(shape), idx.length);
    }
    int off = 0;
    for (int i = 0; i < idx.length; i++) {
      if (idx[i] < 0 || idx[i] >= shape[i]) {
        throw KernelException.of("index %d is out of range for axis %d of length %d", idx[i], i, shape[i]);
      }
      off = off * shape[i] + idx[i];
    }
    return data[off];
  }

  /** The only value of a one-element tensor. */
  public double item() {
    if (data.length != 1) {
      throw KernelException.of("expected a single value, got a tensor of shape %s", shapeString(shape));
    }
    return data[0];
  }

  /**
   * The backing array (row-major). Read freely; write only into a tensor you have just created and
   * not yet shared.
   */
  public double[] raw() {
    return data;
  }

  /** A copy of the values, row-major. */
  public double[] toArray() {
    return data.clone();
  }

  /** A copy as rows; requires rank 2. */
  public double[][] toMatrix() {
    if (shape.length != 2) {
      throw KernelException.of("expected a matrix, got shape %s", shapeString(shape));
    }
    double[][] m = new double[shape[0]][];
    for (int i = 0; i < shape[0]; i++) {
      m[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
    }
    return m;
  }

  /** A deep copy. */
  public Tensor copy() {
    return new Tensor(shape, data.clone());
  }

  /** Applies {@code f} to every element, returning a new tensor of the same shape. */
  public Tensor map(java.util.function.DoubleUnaryOperator f) {
    double[] out = new double[data.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(data[i]);
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
    if (Arrays.equals(a.shape, b.shape)) {
      double[] out = new double[a.data.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(a.data[i], b.data[i]);
      }
      return new Tensor(a.shape, out);
    }
    if (b.data.length == 1 && b.shape.length <= a.shape.length) {
      double y = b.data[0];
      double[] out = new double[a.data.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(a.data[i], y);
      }
      return new Tensor(a.shape, out);
    }
    if (a.data.length == 1 && a.shape.length <= b.shape.length) {
      double x = a.data[0];
      double[] out = new double[b.data.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(x, b.data[i]);
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
      out[k] = f.applyAsDouble(a.data[ia], b.data[ib]);
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

  /** Materialises this tensor broadcast to {@code target} shape. */
  public Tensor broadcastTo(int[] target) {
    int[] os = broadcastShapes(shape, target);
    if (!Arrays.equals(os, target)) {
      throw KernelException.of("cannot broadcast shape %s to %s", shapeString(shape), shapeString(target));
    }
    return zip(this, zeros(target), (x, y) -> x);
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
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + shapeString(shape) + (data.length <= 16 ? Arrays.toString(data) : "");
  }
}
