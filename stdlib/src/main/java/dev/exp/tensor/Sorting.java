package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sorting along an axis. Orders are stable: equal values keep their original order (lower index
 * first), in both directions. nan sorts as the largest value (last ascending, first descending).
 */
public final class Sorting {
  private Sorting() {}

  /** Stable order of one lane. */
  static int[] order(double[] a, int off, int st, int n, boolean descending) {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    if (descending) {
      java.util.Arrays.sort(idx, (i, j) -> Double.compare(a[off + j * st], a[off + i * st]));
    } else {
      java.util.Arrays.sort(idx, (i, j) -> Double.compare(a[off + i * st], a[off + j * st]));
    }
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = idx[i];
    }
    return r;
  }

  private static Tensor sortImpl(Tensor x, int axis, boolean descending, boolean indices, int k, String fn) {
    Tensor src = x.rank() == 0 ? x.reshape(1) : x;
    int ax = Tensor.normalizeAxis(axis, src.rank());
    int[] s = src.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    int n = l.n();
    int kk = k < 0 ? n : k;
    int[] os = TensorArgs.withAxis(s, ax, kk);
    TensorArgs.Lanes lo = TensorArgs.Lanes.of(os, ax);
    double[] a = src.raw();
    double[] d = new double[lo.count() * kk];
    int st = l.stride();
    for (int lane = 0; lane < l.count(); lane++) {
      int off = l.start(lane);
      int ooff = lo.start(lane);
      int[] ord = order(a, off, st, n, descending);
      for (int i = 0; i < kk; i++) {
        d[ooff + i * st] = indices ? ord[i] : a[off + ord[i] * st];
      }
    }
    return Tensor.wrap(os, d);
  }

  @Kernel(name = "sort", doc = "The values of x sorted along axis (default the last), ascending unless descending: true. "
      + "nan sorts last ascending (first descending).")
  public static Tensor sort(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "-1") int axis,
      @Arg(value = "descending", dflt = "false") boolean descending) {
    return sortImpl(x, axis, descending, false, -1, "sort");
  }

  @Kernel(name = "argsort", doc = "Indices that sort x along axis (default the last); stable, so ties keep the "
      + "lower index first in both directions. Example: x[argsort(x)] is sort(x) for a vector")
  public static Tensor argsort(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "-1") int axis,
      @Arg(value = "descending", dflt = "false") boolean descending) {
    return sortImpl(x, axis, descending, true, -1, "argsort");
  }

  @Kernel(name = "topk", doc = "The k largest values along axis (default the last) and their indices. "
      + "Returns a record {values, indices}: both have x's shape with the axis cut to k, largest first; ties are "
      + "broken by the lower index; indices are integer-valued numbers. Example: topk(scores, 5).indices")
  public static Map<String, Object> topk(@Arg("x") Tensor x, @Arg("k") int k,
      @Arg(value = "axis", dflt = "-1") int axis) {
    Tensor src = x.rank() == 0 ? x.reshape(1) : x;
    int n = src.dim(Tensor.normalizeAxis(axis, src.rank()));
    if (k < 0 || k > n) {
      throw KernelException.of("topk: k = %d must be between 0 and the axis length %d (shape %s)", k, n,
          Tensor.shapeString(x.shape()));
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("values", sortImpl(src, axis, true, false, k, "topk"));
    r.put("indices", sortImpl(src, axis, true, true, k, "topk"));
    return r;
  }
}
