package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.tensor.loops.Loops;

/**
 * Reductions along one axis or over all values.
 *
 * <p>Convention: with {@code axis: none} and {@code keepdims: false} a reduction returns a plain
 * number (a Java {@code Double}, or {@code Boolean} for {@code all}/{@code any}); otherwise a tensor.
 * With {@code keepdims: true} the reduced axes stay with length 1, so the result broadcasts against
 * the input. Negative axes count from the end.
 */
public final class Reductions {
  private Reductions() {}

  /** Reduces one lane: n values starting at off with the given stride. */
  @FunctionalInterface
  interface LaneOp {
    double apply(double[] a, int off, int stride, int n);
  }

  /** Generic reduction returning Double (axis none, !keepdims) or a Tensor. */
  static Object reduce(Tensor x, Integer axis, boolean keepdims, String fn, LaneOp op) {
    if (axis == null) {
      double v = op.apply(x.raw(), 0, 1, x.size());
      if (!keepdims) {
        return v;
      }
      int[] s = new int[x.rank()];
      java.util.Arrays.fill(s, 1);
      return Tensor.wrap(s, new double[] {v});
    }
    return reduceAxis(x, axis, keepdims, fn, op);
  }

  static Tensor reduceAxis(Tensor x, int axis, boolean keepdims, String fn, LaneOp op) {
    if (x.rank() == 0) {
      throw KernelException.of("%s: axis %d is out of range for a scalar tensor", fn, axis);
    }
    int ax = Tensor.normalizeAxis(axis, x.rank());
    int[] s = x.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    double[] a = x.raw();
    double[] d = new double[l.count()];
    for (int lane = 0; lane < d.length; lane++) {
      d[lane] = op.apply(a, l.start(lane), l.stride(), l.n());
    }
    return Tensor.wrap(keepdims ? TensorArgs.withAxis(s, ax, 1) : TensorArgs.removeAxis(s, ax), d);
  }

  private static void nonEmpty(String fn, int n) {
    if (n == 0) {
      throw KernelException.of("%s: cannot reduce an empty tensor (or axis of length 0)", fn);
    }
  }

  // ------------------------------------------------------------------ lane ops

  static double laneSum(double[] a, int off, int st, int n) {
    // pairwise-ish: Kahan–Babuška (Neumaier) compensated sum
    double s = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double v = a[off + i * st];
      double t = s + v;
      if (Math.abs(s) >= Math.abs(v)) {
        c += (s - t) + v;
      } else {
        c += (v - t) + s;
      }
      s = t;
    }
    double r = s + c;
    return Double.isNaN(r) && !Double.isNaN(s) ? s : r;
  }

  static double laneMean(double[] a, int off, int st, int n) {
    return n == 0 ? Double.NaN : laneSum(a, off, st, n) / n;
  }

  static double laneVar(double[] a, int off, int st, int n, double ddof) {
    if (n - ddof <= 0) {
      return Double.NaN;
    }
    double m = laneMean(a, off, st, n);
    double s = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double dv = a[off + i * st] - m;
      s += dv * dv;
      c += dv;
    }
    // corrected two-pass algorithm (Chan, Golub, LeVeque)
    return (s - c * c / n) / (n - ddof);
  }

  static double laneMax(double[] a, int off, int st, int n) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double v = a[off + i * st];
      if (Double.isNaN(v)) {
        return v;
      }
      if (v > m) {
        m = v;
      }
    }
    return m;
  }

  static double laneMin(double[] a, int off, int st, int n) {
    double m = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double v = a[off + i * st];
      if (Double.isNaN(v)) {
        return v;
      }
      if (v < m) {
        m = v;
      }
    }
    return m;
  }

  static double laneLogSumExp(double[] a, int off, int st, int n) {
    double m = laneMax(a, off, st, n);
    if (Double.isNaN(m) || Double.isInfinite(m)) {
      return m; // nan, +inf, or -inf (all -inf, or empty)
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.exp(a[off + i * st] - m);
    }
    return m + Math.log(s);
  }

  // ------------------------------------------------------------------ kernels

  /** {@code sum} along one axis (null: every value); scripts call {@link AxisReductions#sum}, which also takes a list of axes. */
  public static Object sum(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (x.isComplex()) {
      return complexSum(x, axis, keepdims, false);
    }
    if (axis == null) {
      return whole(x, sum(x), keepdims);
    }
    return sum(x, axis.intValue(), keepdims);
  }

  /** Sum (or mean) of a complex tensor: the real and imaginary parts reduced separately. */
  private static Object complexSum(Tensor x, Integer axis, boolean keepdims, boolean mean) {
    Tensor re = ComplexKernels.partView(x, true);
    Tensor im = ComplexKernels.partView(x, false);
    if (axis == null && !keepdims) {
      double n = mean ? x.size() : 1;
      return new Complex(sum(re) / n, sum(im) / n);
    }
    int[] shape = x.shape();
    Tensor r;
    Tensor i;
    if (axis == null) {
      r = FastReductions.sumAxis(Loops.active(), re.reshape(x.size()), 0, false, mean);
      i = FastReductions.sumAxis(Loops.active(), im.reshape(x.size()), 0, false, mean);
      int[] ones = new int[shape.length];
      java.util.Arrays.fill(ones, 1);
      return Tensor.complex(r.reshape(ones), i.reshape(ones));
    }
    r = FastReductions.sumAxis(Loops.active(), re, axis, keepdims, mean);
    i = FastReductions.sumAxis(Loops.active(), im, axis, keepdims, mean);
    return Tensor.complex(r, i);
  }

  /** Sum of all values (the op table's compensated lane order; see {@link FastReductions}). */
  public static double sum(Tensor x) {
    return FastReductions.sum(Loops.active(), x);
  }

  /** Sum along an axis. */
  public static Tensor sum(Tensor x, int axis, boolean keepdims) {
    return FastReductions.sumAxis(Loops.active(), x, axis, keepdims, false);
  }

  /** A whole-tensor reduction's value: the number, or with keepdims a tensor of ones-shape. */
  private static Object whole(Tensor x, double v, boolean keepdims) {
    if (!keepdims) {
      return v;
    }
    int[] s = new int[x.rank()];
    java.util.Arrays.fill(s, 1);
    return Tensor.wrap(s, new double[] {v});
  }

  /** {@code mean} along one axis (null: every value); scripts call {@link AxisReductions#mean}, which also takes a list of axes. */
  public static Object mean(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (x.isComplex()) {
      return complexSum(x, axis, keepdims, true);
    }
    if (axis == null) {
      return whole(x, mean(x), keepdims);
    }
    return FastReductions.sumAxis(Loops.active(), x, axis, keepdims, true);
  }

  /** Mean of all values: sum(x) / n (nan for an empty tensor). */
  public static double mean(Tensor x) {
    return x.size() == 0 ? Double.NaN : sum(x) / x.size();
  }

  /** {@code prod} along one axis (null: every value); scripts call {@link AxisReductions#prod}, which also takes a list of axes. */
  public static Object prod(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (x.isComplex()) {
      return ComplexReductions.prod(x, axis, keepdims);
    }
    return reduce(x, axis, keepdims, "prod", (a, off, st, n) -> {
      double p = 1;
      for (int i = 0; i < n; i++) {
        p *= a[off + i * st];
      }
      return p;
    });
  }

  /** {@code var} along one axis (null: every value); scripts call {@link AxisReductions#var}, which also takes a list of axes. */
  public static Object var(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "ddof", dflt = "0") double ddof, @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (x.isComplex()) {
      return ComplexReductions.var(x, axis, ddof, keepdims);
    }
    return reduce(x, axis, keepdims, "var", (a, off, st, n) -> laneVar(a, off, st, n, ddof));
  }

  /** {@code std} along one axis (null: every value); scripts call {@link AxisReductions#std}, which also takes a list of axes. */
  public static Object std(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "ddof", dflt = "0") double ddof, @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (x.isComplex()) {
      return ComplexReductions.std(x, axis, ddof, keepdims);
    }
    return reduce(x, axis, keepdims, "std", (a, off, st, n) -> Math.sqrt(laneVar(a, off, st, n, ddof)));
  }

  /** {@code max} along one axis (null: every value); scripts call {@link AxisReductions#max}, which also takes a list of axes. */
  public static Object max(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (axis == null) {
      return whole(x, FastReductions.extreme(Loops.active(), x, true, "max"), keepdims);
    }
    return FastReductions.extremeAxis(Loops.active(), x, axis, keepdims, true);
  }

  /** {@code min} along one axis (null: every value); scripts call {@link AxisReductions#min}, which also takes a list of axes. */
  public static Object min(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    if (axis == null) {
      return whole(x, FastReductions.extreme(Loops.active(), x, false, "min"), keepdims);
    }
    return FastReductions.extremeAxis(Loops.active(), x, axis, keepdims, false);
  }

  @Kernel(name = "argmax", doc = "Index of the largest value: into the flattened values when axis is none "
      + "(a number), else a tensor of indices along axis. Ties give the first index; a nan counts as largest.")
  public static Object argmax(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis) {
    return reduce(x, axis, false, "argmax", (a, off, st, n) -> {
      nonEmpty("argmax", n);
      return st == 1 ? argmaxLane(a, off, n) : argmaxLane(a, off, st, n);
    });
  }

  @Kernel(name = "argmin", doc = "Index of the smallest value: into the flattened values when axis is none "
      + "(a number), else a tensor of indices along axis. Ties give the first index; a nan counts as smallest.")
  public static Object argmin(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis) {
    return reduce(x, axis, false, "argmin", (a, off, st, n) -> {
      nonEmpty("argmin", n);
      return st == 1 ? argminLane(a, off, n) : argminLane(a, off, st, n);
    });
  }

  /** First index of the largest of a[off, off + n) (n ≥ 1), or of the first nan. */
  static int argmaxLane(double[] a, int off, int n) {
    double best = a[off];
    int bi = 0;
    if (best != best) {
      return 0;
    }
    for (int i = 1; i < n; i++) {
      double v = a[off + i];
      if (!(v <= best)) { // larger, or nan
        if (v != v) {
          return i;
        }
        best = v;
        bi = i;
      }
    }
    return bi;
  }

  static int argmaxLane(double[] a, int off, int st, int n) {
    double best = a[off];
    int bi = 0;
    if (best != best) {
      return 0;
    }
    for (int i = 1; i < n; i++) {
      double v = a[off + i * st];
      if (!(v <= best)) {
        if (v != v) {
          return i;
        }
        best = v;
        bi = i;
      }
    }
    return bi;
  }

  /** First index of the smallest of a[off, off + n) (n ≥ 1), or of the first nan. */
  static int argminLane(double[] a, int off, int n) {
    double best = a[off];
    int bi = 0;
    if (best != best) {
      return 0;
    }
    for (int i = 1; i < n; i++) {
      double v = a[off + i];
      if (!(v >= best)) { // smaller, or nan
        if (v != v) {
          return i;
        }
        best = v;
        bi = i;
      }
    }
    return bi;
  }

  static int argminLane(double[] a, int off, int st, int n) {
    double best = a[off];
    int bi = 0;
    if (best != best) {
      return 0;
    }
    for (int i = 1; i < n; i++) {
      double v = a[off + i * st];
      if (!(v >= best)) {
        if (v != v) {
          return i;
        }
        best = v;
        bi = i;
      }
    }
    return bi;
  }

  /** {@code logsumexp} along one axis (null: every value); scripts call {@link AxisReductions#logsumexp}, which also takes a list of axes. */
  public static Object logsumexp(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return reduce(x, axis, keepdims, "logsumexp", Reductions::laneLogSumExp);
  }

  @Kernel(name = "softmax", doc = "exp(x) / sum(exp(x)) along axis (default the last), computed stably "
      + "(shifted by the maximum), so each slice sums to 1 even for logits around 1e3. "
      + "A slice that is all -inf gives nan. Example: softmax(logits / temperature)")
  public static Tensor softmax(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "-1") int axis) {
    if (x.rank() == 0) {
      return Tensor.scalar(Double.isNaN(x.item()) ? Double.NaN : 1.0);
    }
    int ax = Tensor.normalizeAxis(axis, x.rank());
    TensorArgs.Lanes l = TensorArgs.Lanes.of(x.shape(), ax);
    double[] a = x.raw();
    double[] d = new double[a.length];
    int st = l.stride();
    for (int lane = 0; lane < l.count(); lane++) {
      int off = l.start(lane);
      double m = laneMax(a, off, st, l.n());
      double s = 0;
      for (int i = 0; i < l.n(); i++) {
        double e = m == Double.POSITIVE_INFINITY
            ? (a[off + i * st] == m ? 1 : 0)
            : Math.exp(a[off + i * st] - m);
        d[off + i * st] = e;
        s += e;
      }
      for (int i = 0; i < l.n(); i++) {
        d[off + i * st] /= s;
      }
    }
    return Tensor.wrap(x.shape(), d);
  }

  /** Softmax along the last axis. */
  public static Tensor softmax(Tensor x) {
    return softmax(x, -1);
  }

  @Kernel(name = "log_softmax", doc = "x - logsumexp(x) along axis (default the last), computed stably: "
      + "the logarithm of softmax without underflow for very negative entries.")
  public static Tensor logSoftmax(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "-1") int axis) {
    if (x.rank() == 0) {
      return Tensor.scalar(Double.isNaN(x.item()) ? Double.NaN : 0.0);
    }
    int ax = Tensor.normalizeAxis(axis, x.rank());
    TensorArgs.Lanes l = TensorArgs.Lanes.of(x.shape(), ax);
    double[] a = x.raw();
    double[] d = new double[a.length];
    int st = l.stride();
    for (int lane = 0; lane < l.count(); lane++) {
      int off = l.start(lane);
      // (x - max) - log Σ exp(x - max): exact for logits of any size (x - logsumexp(x) loses ulp(max))
      double m = laneMax(a, off, st, l.n());
      double logSum;
      if (Double.isNaN(m) || Double.isInfinite(m)) {
        logSum = 0;
        m = laneLogSumExp(a, off, st, l.n());   // nan, or ±inf as before
      } else {
        double sum = 0;
        for (int i = 0; i < l.n(); i++) {
          sum += Math.exp(a[off + i * st] - m);
        }
        logSum = Math.log(sum);
      }
      for (int i = 0; i < l.n(); i++) {
        d[off + i * st] = (a[off + i * st] - m) - logSum;
      }
    }
    return Tensor.wrap(x.shape(), d);
  }

  /** {@code all} along one axis (null: every value); scripts call {@link AxisReductions#all}, which also takes a list of axes. */
  public static Object all(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    Object r = reduce(x, axis, keepdims, "all", (a, off, st, n) -> {
      for (int i = 0; i < n; i++) {
        if (a[off + i * st] == 0) {
          return 0;
        }
      }
      return 1;
    });
    return r instanceof Double v ? (Object) (v != 0) : r;
  }

  /** {@code any} along one axis (null: every value); scripts call {@link AxisReductions#any}, which also takes a list of axes. */
  public static Object any(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    Object r = reduce(x, axis, keepdims, "any", (a, off, st, n) -> {
      for (int i = 0; i < n; i++) {
        if (a[off + i * st] != 0) {
          return 1;
        }
      }
      return 0;
    });
    return r instanceof Double v ? (Object) (v != 0) : r;
  }

  /** {@code count_nonzero} along one axis (null: every value); scripts call {@link AxisReductions#countNonzero}, which also takes a list of axes. */
  public static Object countNonzero(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "none") Integer axis,
      @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    return reduce(x, axis, keepdims, "count_nonzero", (a, off, st, n) -> {
      int c = 0;
      for (int i = 0; i < n; i++) {
        if (a[off + i * st] != 0) {
          c++;
        }
      }
      return c;
    });
  }

  // ------------------------------------------------------------------ norms

  @Kernel(name = "norm", doc = "Vector or matrix norm (NumPy linalg.norm conventions). "
      + "p none: the 2-norm of a vector, the Frobenius norm of a matrix (or of all values for higher rank). "
      + "For a vector (or along axis): p = inf gives max |x|, -inf min |x|, 0 the count of nonzeros, and any "
      + "other p (negative too) gives (sum |x|^p)^(1/p). For a matrix with axis none: p = 1 is the largest column "
      + "sum of |x| (-1 the smallest), p = inf the largest row sum (-inf the smallest), p = 2 the largest "
      + "singular value (-2 the smallest), \"fro\" the Frobenius norm and \"nuc\" the sum of the singular values. "
      + "With axis, norms of the vectors along that axis (a tensor). A complex x is measured by |x| (its singular "
      + "value norms need a real matrix). Example: norm(a - b) / norm(b)")
  public static Object norm(@Arg("x") Tensor x, @Arg(value = "p", dflt = "none") Object p,
      @Arg(value = "axis", dflt = "none") Integer axis, @Arg(value = "keepdims", dflt = "false") boolean keepdims) {
    String named = null;
    Double order = null;
    if (p instanceof String str) {
      if (!str.equals("fro") && !str.equals("nuc")) {
        throw KernelException.of("norm: p must be a number, inf, -inf, \"fro\" or \"nuc\", got \"%s\"", str);
      }
      named = str;
    } else if (p instanceof Number num) {
      order = num.doubleValue();
      if (Double.isNaN(order)) {
        throw KernelException.of("norm: p must be a number, inf, -inf, \"fro\" or \"nuc\", got nan");
      }
    } else if (p != null) {
      throw KernelException.of("norm: p must be a number, inf, -inf, \"fro\" or \"nuc\", got %s",
          p instanceof Boolean ? p.toString() : dev.exp.kernel.Values.describe(p));
    }
    boolean matrix = axis == null && x.rank() == 2 && p != null;
    if (named != null && !matrix) {
      throw KernelException.of("norm: p = \"%s\" is a matrix norm; x has shape %s%s", named,
          Tensor.shapeString(x.shape()), axis == null ? "" : " and an axis is given (norms of vectors)");
    }
    boolean singular = matrix && ("nuc".equals(named) || order != null && Math.abs(order) == 2);
    if (x.isComplex()) {
      if (singular) {
        throw KernelException.of("norm: p = %s of a complex matrix needs its complex singular values, which "
            + "are not supported (norm(x) is the Frobenius norm)", named != null ? "\"" + named + "\"" : TensorArgs.fmt(order));
      }
      x = (Tensor) ComplexKernels.abs(x);
    }
    double pp = order == null ? 2 : order;
    if (axis != null) {
      return reduceAxis(x, axis, keepdims, "norm", (a, off, st, n) -> Norms.vectorNorm(a, off, st, n, pp));
    }
    if (p == null || x.rank() <= 1) {
      return reduce(x, null, keepdims, "norm", (a, off, st, n) -> Norms.vectorNorm(a, off, st, n, pp));
    }
    if (!matrix) {
      throw KernelException.of("norm: p = %s with axis none needs a vector or a matrix, got shape %s (give axis)",
          TensorArgs.fmt(order), Tensor.shapeString(x.shape()));
    }
    double v = named != null ? Norms.matrixNorm(x, named) : Norms.matrixNorm(x, order);
    if (!keepdims) {
      return v;
    }
    return Tensor.wrap(new int[] {1, 1}, new double[] {v});
  }

  /** 2-norm of a vector / Frobenius norm of all values. */
  public static double norm(Tensor x) {
    return Norms.vectorNorm(x.raw(), 0, 1, x.size(), 2);
  }
}
