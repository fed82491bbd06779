package dev.exp.tensor;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.loops.Loops;
import dev.exp.tensor.loops.Strided;

/**
 * sum, mean, max and min over all values or along an axis, on the op table's loops (vectorised
 * where available). Summation order (the same on the scalar and the vector loops, so both give
 * identical bits): over all values, or along the last axis, {@link Loops#SUM_LANES} interleaved
 * compensated partial sums combined by {@link Loops#finishSum} (in chunks of {@link Loops#SUM_CHUNK}
 * combined in order for longer runs: {@link Loops#sum}); along any other axis, the sequential
 * compensated (Neumaier) sum of each output element, accumulated a row at a time. max and min use
 * {@code Math.max}/{@code Math.min} semantics (nan wins; 0.0 is above -0.0), which do not depend on
 * the order at all. Strided inputs are read in place for max and min; sums read the row-major values
 * ({@link Tensor#raw()}, a copy only for a non-contiguous view). Large reductions run their independent
 * rows or chunks on several threads; results never depend on the thread count.
 */
public final class FastReductions {
  private FastReductions() {}

  /** Sum of all values. */
  public static double sum(Loops loops, Tensor x) {
    requireReal(x, "sum");
    if (x.isContiguous()) {
      return loops.sum(x.storage(), x.offset(), x.size());
    }
    return loops.sum(x.raw(), 0, x.size());
  }

  /** Largest (max = true) or smallest value; an empty tensor is an error naming {@code fn}. */
  public static double extreme(Loops loops, Tensor x, boolean max, String fn) {
    requireReal(x, fn);
    if (x.size() == 0) {
      throw KernelException.of("%s: cannot reduce an empty tensor (or axis of length 0)", fn);
    }
    double m = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (x.isContiguous()) {
      return max ? loops.max(x.storage(), x.offset(), x.size(), m) : loops.min(x.storage(), x.offset(), x.size(), m);
    }
    Strided it = new Strided(x.shape(), new int[][] {x.strides()}, new int[] {x.offset()});
    double[] a = x.storage();
    int st = it.inner[0];
    double[] buf = st == 1 ? null : new double[it.n];
    while (it.next()) {
      double[] src = a;
      int p = it.pos[0];
      if (buf != null) {
        Strided.gather(a, p, st, buf, it.n);
        src = buf;
        p = 0;
      }
      m = max ? loops.max(src, p, it.n, m) : loops.min(src, p, it.n, m);
    }
    return m;
  }

  /** Sum (or mean) along {@code axis}. */
  public static Tensor sumAxis(Loops loops, Tensor x, int axis, boolean keepdims, boolean mean) {
    requireReal(x, mean ? "mean" : "sum");
    int ax = checkAxis(x, axis, mean ? "mean" : "sum");
    int[] s = x.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    double[] a = x.raw();
    double[] out = new double[l.count()];
    int len = l.n();
    if (l.inner() == 1) {
      rows(l.outer(), len, lane -> out[lane] = loops.sum(a, lane * len, len));
    } else {
      int inner = l.inner();
      double[] c = new double[inner];
      for (int o = 0; o < l.outer(); o++) {
        double[] sums = new double[inner];
        java.util.Arrays.fill(c, 0);
        int base = o * len * inner;
        for (int i = 0; i < len; i++) {
          loops.neumaierRows(a, base + i * inner, sums, c, inner);
        }
        for (int j = 0; j < inner; j++) {
          out[o * inner + j] = Loops.finishColumn(sums[j], c[j]);
        }
      }
    }
    if (mean) {
      for (int i = 0; i < out.length; i++) {
        out[i] = len == 0 ? Double.NaN : out[i] / len;
      }
    }
    return Tensor.wrap(keepdims ? TensorArgs.withAxis(s, ax, 1) : TensorArgs.removeAxis(s, ax), out);
  }

  /** max (max = true) or min along {@code axis}. */
  public static Tensor extremeAxis(Loops loops, Tensor x, int axis, boolean keepdims, boolean max) {
    requireReal(x, max ? "max" : "min");
    String fn = max ? "max" : "min";
    int ax = checkAxis(x, axis, fn);
    int[] s = x.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    int len = l.n();
    if (len == 0) {
      throw KernelException.of("%s: cannot reduce an empty tensor (or axis of length 0)", fn);
    }
    double[] a = x.raw();
    double[] out = new double[l.count()];
    double init = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    if (l.inner() == 1) {
      rows(l.outer(), len, lane -> out[lane] = max ? loops.max(a, lane * len, len, init) : loops.min(a, lane * len, len, init));
    } else {
      int inner = l.inner();
      dev.exp.tensor.op.BinaryOp op = max ? dev.exp.tensor.op.BinaryOp.MAXIMUM : dev.exp.tensor.op.BinaryOp.MINIMUM;
      for (int o = 0; o < l.outer(); o++) {
        int base = o * len * inner;
        int ob = o * inner;
        System.arraycopy(a, base, out, ob, inner);
        for (int i = 1; i < len; i++) {
          loops.binary(op, out, ob, a, base + i * inner, out, ob, inner);
        }
      }
    }
    return Tensor.wrap(keepdims ? TensorArgs.withAxis(s, ax, 1) : TensorArgs.removeAxis(s, ax), out);
  }

  /** Runs row(0 .. rows − 1) (independent rows of len values), in parallel blocks of rows when large. */
  private static void rows(int rows, int len, java.util.function.IntConsumer row) {
    long total = (long) rows * len;
    if (total < PARALLEL_VALUES || rows < 2) {
      for (int r = 0; r < rows; r++) {
        row.accept(r);
      }
      return;
    }
    int per = (int) Math.max(1, Math.min(rows, Loops.SUM_CHUNK / Math.max(1, len)));
    int tasks = (rows + per - 1) / per;
    dev.exp.kernel.Parallel.forEach(tasks, t -> {
      int end = Math.min(rows, (t + 1) * per);
      for (int r = t * per; r < end; r++) {
        row.accept(r);
      }
    });
  }

  /** Reductions over at least this many values split their independent rows over threads. */
  private static final long PARALLEL_VALUES = 1L << 18;

  private static int checkAxis(Tensor x, int axis, String fn) {
    if (x.rank() == 0) {
      throw KernelException.of("%s: axis %d is out of range for a scalar tensor", fn, axis);
    }
    return Tensor.normalizeAxis(axis, x.rank());
  }

  /** These loops read float64 storage; a complex tensor gets a clear error instead of wrong numbers. */
  private static void requireReal(Tensor x, String fn) {
    if (x.isComplex()) {
      throw KernelException.of("%s needs a real tensor, got a complex128 tensor of shape %s (use z.re, z.im or abs(z))",
          fn, Tensor.shapeString(x.shape()));
    }
  }
}
