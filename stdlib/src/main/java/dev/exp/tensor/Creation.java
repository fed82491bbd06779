package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;

/** Tensor creation: constant tensors, identity, ranges, diagonals. */
public final class Creation {
  private Creation() {}

  @Kernel(name = "zeros", doc = "A tensor of zeros with the given shape. "
      + "shape is a number (a vector's length) or a list of dimensions. Example: zeros([2, 3])")
  public static Tensor zeros(@Arg("shape") int[] shape) {
    return Tensor.zeros(shape);
  }

  @Kernel(name = "ones", doc = "A tensor of ones with the given shape. Example: ones([n, 1])")
  public static Tensor ones(@Arg("shape") int[] shape) {
    return Tensor.full(shape, 1.0);
  }

  @Kernel(name = "full", doc = "A tensor of the given shape filled with value. Example: full([2, 2], 7)")
  public static Tensor full(@Arg("shape") int[] shape, @Arg("value") double value) {
    return Tensor.full(shape, value);
  }

  @Kernel(name = "zeros_like", doc = "A tensor of zeros with the shape of x.")
  public static Tensor zerosLike(@Arg("x") Tensor x) {
    return Tensor.zeros(x.shape());
  }

  @Kernel(name = "ones_like", doc = "A tensor of ones with the shape of x.")
  public static Tensor onesLike(@Arg("x") Tensor x) {
    return Tensor.full(x.shape(), 1.0);
  }

  @Kernel(name = "eye", doc = "An identity-like matrix: n rows, m columns (default n), ones on diagonal k. "
      + "k = 0 is the main diagonal, k > 0 above it, k < 0 below it (as NumPy). Example: eye(3)")
  public static Tensor eye(@Arg("n") int n, @Arg(value = "m", dflt = "none") Integer m,
      @Arg(value = "k", dflt = "0") int k) {
    int cols = m == null ? n : m;
    if (n < 0 || cols < 0) {
      throw KernelException.of("eye: n and m must be non-negative, got n = %d, m = %d", n, cols);
    }
    Tensor t = Tensor.zeros(n, cols);
    double[] d = t.raw();
    for (int i = 0; i < n; i++) {
      int j = i + k;
      if (j >= 0 && j < cols) {
        d[i * cols + j] = 1;
      }
    }
    return t;
  }

  /** {@code eye(n)} for Java callers. */
  public static Tensor eye(int n) {
    return eye(n, null, 0);
  }

  @Kernel(name = "arange", doc = "Evenly spaced values in the half-open interval [start, stop) with the given step. "
      + "With one argument it is the stop and start is 0, as in NumPy: arange(4) is [0, 1, 2, 3]. "
      + "The length is ceil((stop - start) / step); values are start + i * step. Example: arange(0, 1, 0.25)")
  public static Tensor arange(@Arg("start") double start, @Arg(value = "stop", dflt = "none") Double stop,
      @Arg(value = "step", dflt = "1") double step) {
    double lo = stop == null ? 0 : start;
    double hi = stop == null ? start : stop;
    if (step == 0 || !Double.isFinite(step)) {
      throw KernelException.of("arange: step must be finite and nonzero, got %s", TensorArgs.fmt(step));
    }
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw KernelException.of("arange: start and stop must be finite, got %s and %s", TensorArgs.fmt(lo), TensorArgs.fmt(hi));
    }
    double len = Math.ceil((hi - lo) / step);
    if (len > Integer.MAX_VALUE - 8) {
      dev.exp.kernel.Budget.doubles(len >= Long.MAX_VALUE / 8 ? Long.MAX_VALUE : (long) len,
          "arange of " + TensorArgs.fmt(len) + " values");
      throw KernelException.of("arange: %s values are more than a tensor can hold (%d)", TensorArgs.fmt(len),
          Integer.MAX_VALUE - 8);
    }
    int n = (int) Math.max(0, len);
    dev.exp.kernel.Budget.doubles(n, "arange of " + n + " values");
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = lo + i * step;
    }
    return Tensor.wrap(new int[] {n}, d);
  }

  @Kernel(name = "linspace", doc = "num evenly spaced values from start to stop. "
      + "With endpoint: true (default) the last value is exactly stop; with endpoint: false the interval is "
      + "[start, stop) and the spacing is (stop - start) / num. Example: linspace(0, 1, 5) is [0, 0.25, 0.5, 0.75, 1]")
  public static Tensor linspace(@Arg("start") double start, @Arg("stop") double stop,
      @Arg(value = "num", dflt = "50") int num, @Arg(value = "endpoint", dflt = "true") boolean endpoint) {
    if (num < 0) {
      throw KernelException.of("linspace: num must be non-negative, got %d", num);
    }
    dev.exp.kernel.Budget.doubles(num, "linspace of " + num + " values");
    double[] d = new double[num];
    int div = endpoint ? num - 1 : num;
    double step = div > 0 ? (stop - start) / div : 0;
    for (int i = 0; i < num; i++) {
      d[i] = start + i * step;
    }
    if (endpoint && num > 1) {
      d[num - 1] = stop;
    }
    return Tensor.wrap(new int[] {num}, d);
  }

  @Kernel(name = "diag", doc = "Builds a diagonal matrix from a vector, or extracts a diagonal from a matrix. "
      + "For a vector v of length n the result is the (n+|k|)×(n+|k|) matrix with v on diagonal k; for a matrix "
      + "the result is the vector of its k-th diagonal (k > 0 above the main diagonal). Example: diag([1, 2, 3])")
  public static Tensor diag(@Arg("x") Tensor x, @Arg(value = "k", dflt = "0") int k) {
    if (x.rank() == 1) {
      int n = x.size();
      int size = n + Math.abs(k);
      Tensor t = Tensor.zeros(size, size);
      double[] d = t.raw();
      double[] v = x.raw();
      for (int i = 0; i < n; i++) {
        int r = k >= 0 ? i : i - k;
        int c = k >= 0 ? i + k : i;
        d[r * size + c] = v[i];
      }
      return t;
    }
    if (x.rank() == 2) {
      int rows = x.dim(0);
      int cols = x.dim(1);
      int r0 = k >= 0 ? 0 : -k;
      int c0 = k >= 0 ? k : 0;
      int len = Math.max(0, Math.min(rows - r0, cols - c0));
      double[] d = new double[len];
      double[] a = x.raw();
      for (int i = 0; i < len; i++) {
        d[i] = a[(r0 + i) * cols + c0 + i];
      }
      return Tensor.wrap(new int[] {len}, d);
    }
    throw KernelException.of("diag: expected a vector or a matrix, got shape %s", Tensor.shapeString(x.shape()));
  }

  @Kernel(name = "meshgrid", doc = "Coordinate matrices from two coordinate vectors (numpy.meshgrid, which it follows, "
      + "NumPy's default indexing \"xy\" included): a list [X, Y]. With indexing \"xy\" both have shape "
      + "[len(y), len(x)], X[i, j] = x[j] and Y[i, j] = y[i] (rows follow y, as a plot's axes); with \"ij\" both "
      + "have shape [len(x), len(y)], X[i, j] = x[i] and Y[i, j] = y[j] (matrix indexing). x and y are flattened. "
      + "Example: meshgrid([1, 2, 3], [4, 5])[0] is [[1, 2, 3], [1, 2, 3]]")
  public static java.util.List<Tensor> meshgrid(@Arg("x") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "indexing", dflt = "\"xy\"") String indexing) {
    boolean xy = switch (indexing) {
      case "xy" -> true;
      case "ij" -> false;
      default -> throw KernelException.of("meshgrid: indexing must be \"xy\" or \"ij\", got \"%s\"", indexing);
    };
    int nx = x.size();
    int ny = y.size();
    int[] shape = xy ? new int[] {ny, nx} : new int[] {nx, ny};
    dev.exp.kernel.Budget.doubles(2L * nx * ny, "meshgrid of " + nx + " × " + ny + " points");
    Tensor xs = x.reshape(xy ? new int[] {1, nx} : new int[] {nx, 1}).broadcastTo(shape).copy();
    Tensor ys = y.reshape(xy ? new int[] {ny, 1} : new int[] {1, ny}).broadcastTo(shape).copy();
    return java.util.List.of(xs, ys);
  }
}
