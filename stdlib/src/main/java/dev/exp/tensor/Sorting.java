package dev.exp.tensor;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sorting along an axis. Orders are stable: equal values keep their original order (lower index
 * first), in both directions. nan sorts as the largest value (last ascending, first descending);
 * -0.0 sorts before 0.0 (the order of {@link Double#compare}).
 *
 * <p>All work is on primitive arrays: values sort by {@link Arrays#sort(double[])} (short lanes) or
 * an LSD radix sort of order-preserving long keys (long lanes; from {@link KeySort#PARALLEL_MIN} values on,
 * in chunks on the kernel threads, merged); indices by a stable radix sort of (key, index) pairs;
 * top-k by a bounded heap. Many lanes are shared out to the kernel threads. The results are those of
 * a stable comparison sort with {@link Double#compare}, bit for bit (nan payloads included), for
 * every thread budget.
 */
public final class Sorting {
  private Sorting() {}

  /**
   * A long whose signed order is that of {@link Double#compare} on v: -0.0 before 0.0, every nan
   * (canonicalised) after +inf.
   */
  public static long key(double v) {
    long b = Double.doubleToLongBits(v);
    return b ^ ((b >> 63) & Long.MAX_VALUE);
  }

  /** The double whose {@link #key} is k (for a nan key, the canonical nan). */
  public static double unkey(long k) {
    return Double.longBitsToDouble(k ^ ((k >> 63) & Long.MAX_VALUE));
  }

  /**
   * Sorts one lane's values into out[ooff + i * ost]: those of a stable sort by
   * {@link Double#compare}, nans (last ascending, first descending) in their original order.
   */
  private static void sortValues(double[] a, int off, int st, int n, boolean descending, double[] out, int ooff,
      int ost, KeySort.Work w) {
    if (n == 0) {
      return;
    }
    // ascending into a contiguous output: sort there directly
    boolean direct = !descending && ost == 1;
    double[] v;
    int vo;
    if (direct) {
      v = out;
      vo = ooff;
    } else {
      if (w.v.length < n) {
        w.v = new double[n];
      }
      v = w.v;
      vo = 0;
    }
    if (n < KeySort.RADIX_MIN) {
      for (int i = 0; i < n; i++) {
        v[vo + i] = a[off + i * st];
      }
      Arrays.sort(v, vo, vo + n);
    } else {
      KeySort.sortedKeys(a, off, st, n, w);
      long[] k = w.k1;
      int t = KeySort.chunks(n);
      if (t == 1) {
        KeySort.unkeys(k, 0, n, v, vo);
      } else {
        dev.exp.kernel.Parallel.forEach(t, c -> KeySort.unkeys(k, (int) ((long) n * c / t), (int) ((long) n * (c + 1) / t), v,
            vo));
      }
    }
    // nans are last; put back the original nans (payloads) in their original order
    int nan = 0;
    while (nan < n && Double.isNaN(v[vo + n - 1 - nan])) {
      nan++;
    }
    if (nan > 0) {
      int j = vo + n - nan;
      for (int i = 0; i < n && j < vo + n; i++) {
        double x = a[off + i * st];
        if (Double.isNaN(x)) {
          v[j++] = x;
        }
      }
    }
    if (direct) {
      return;
    }
    if (!descending) {
      for (int i = 0; i < n; i++) {
        out[ooff + i * ost] = v[i];
      }
    } else {
      // stable descending: the nans first in original order, then the rest reversed (ties are equal bits)
      int m = n - nan;
      for (int i = 0; i < nan; i++) {
        out[ooff + i * ost] = v[m + i];
      }
      for (int i = 0; i < m; i++) {
        out[ooff + (nan + i) * ost] = v[m - 1 - i];
      }
    }
  }

  private static Tensor sortImpl(Tensor x, int axis, boolean descending, boolean indices) {
    Tensor src = x.rank() == 0 ? x.reshape(1) : x;
    int ax = Tensor.normalizeAxis(axis, src.rank());
    int[] s = src.shape();
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    int n = l.n();
    double[] a = src.raw();
    double[] d = new double[l.count() * n];
    int st = l.stride();
    int lanes = l.count();
    // many lanes: blocks of them on the kernel threads (a long lane of values parallelises inside instead)
    int tasks = lanes < 2 || (long) lanes * n < 1 << 15 || !indices && n >= KeySort.PARALLEL_MIN ? 1
        : Math.min(lanes, 4 * dev.exp.kernel.Parallel.threads());
    dev.exp.kernel.Parallel.forEach(tasks, task -> {
      KeySort.Work w = KeySort.Work.local();
      int hi = (int) ((long) lanes * (task + 1) / tasks);
      for (int lane = (int) ((long) lanes * task / tasks); lane < hi; lane++) {
        int off = l.start(lane);
        if (indices) {
          KeySort.order(a, off, st, n, descending, w);
          int[] ord = w.i1;
          for (int i = 0; i < n; i++) {
            d[off + i * st] = ord[i];
          }
        } else {
          sortValues(a, off, st, n, descending, d, off, st, w);
        }
      }
    });
    return Tensor.wrap(s, d);
  }

  @Kernel(name = "sort", doc = "The values of x sorted along axis (default the last), ascending unless descending: true. "
      + "nan sorts last ascending (first descending); -0.0 sorts before 0.0 (a total order; NumPy treats them as "
      + "ties).")
  public static Tensor sort(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "-1") int axis,
      @Arg(value = "descending", dflt = "false") boolean descending) {
    return sortImpl(x, axis, descending, false);
  }

  @Kernel(name = "argsort", doc = "Indices that sort x along axis (default the last); stable, so ties keep the "
      + "lower index first in both directions. The order is sort's: nan last ascending (first descending), -0.0 before 0.0. Example: x[argsort(x)] is sort(x) for a vector")
  public static Tensor argsort(@Arg("x") Tensor x, @Arg(value = "axis", dflt = "-1") int axis,
      @Arg(value = "descending", dflt = "false") boolean descending) {
    return sortImpl(x, axis, descending, true);
  }

  @Kernel(name = "topk", doc = "The k largest values along axis (default the last) and their indices. "
      + "Returns a record {values, indices}: both have x's shape with the axis cut to k, largest first; ties are "
      + "broken by the lower index; indices are integer-valued numbers. Example: topk(scores, 5).indices")
  public static Map<String, Object> topk(@Arg("x") Tensor x, @Arg("k") int k,
      @Arg(value = "axis", dflt = "-1") int axis) {
    Tensor src = x.rank() == 0 ? x.reshape(1) : x;
    int ax = Tensor.normalizeAxis(axis, src.rank());
    int[] s = src.shape();
    int n = s[ax];
    if (k < 0 || k > n) {
      throw KernelException.of("topk: k = %d must be between 0 and the axis length %d (shape %s)", k, n,
          Tensor.shapeString(x.shape()));
    }
    TensorArgs.Lanes l = TensorArgs.Lanes.of(s, ax);
    int[] os = TensorArgs.withAxis(s, ax, k);
    TensorArgs.Lanes lo = TensorArgs.Lanes.of(os, ax);
    double[] a = src.raw();
    double[] vals = new double[lo.count() * k];
    double[] inds = new double[vals.length];
    int st = l.stride(); // the same in the output: the axes after ax are unchanged
    KeySort.Work w = new KeySort.Work();
    long[] hk = new long[k];
    int[] hi = new int[k];
    boolean full = k > 0 && (long) k * 16 > n; // a large share: sorting the lane is as cheap
    for (int lane = 0; lane < l.count(); lane++) {
      int off = l.start(lane);
      int ooff = lo.start(lane);
      if (k == 0) {
        continue;
      }
      int[] ord;
      if (full) {
        KeySort.order(a, off, st, n, true, w);
        ord = w.i1;
      } else {
        topHeap(a, off, st, n, k, hk, hi);
        ord = hi;
      }
      for (int i = 0; i < k; i++) {
        int j = ord[i];
        vals[ooff + i * st] = a[off + j * st];
        inds[ooff + i * st] = j;
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("values", Tensor.wrap(os, vals));
    r.put("indices", Tensor.wrap(os, inds));
    return r;
  }

  /**
   * The k (≥ 1) largest of one lane by (key descending, index ascending), into hi[0, k) in that
   * order: a min-heap of the best k seen (root the worst: smallest key, then largest index), then
   * heap-sorted.
   */
  static void topHeap(double[] a, int off, int st, int n, int k, long[] hk, int[] hi) {
    for (int i = 0; i < k; i++) {
      hk[i] = key(a[off + i * st]);
      hi[i] = i;
    }
    for (int i = k / 2 - 1; i >= 0; i--) {
      siftDown(hk, hi, i, k);
    }
    long root = hk[0];
    for (int i = k; i < n; i++) {
      long kv = key(a[off + i * st]);
      if (kv > root) { // an equal key has a larger index than everything kept: worse
        hk[0] = kv;
        hi[0] = i;
        siftDown(hk, hi, 0, k);
        root = hk[0];
      }
    }
    // heap sort: repeatedly move the worst to the end, so the array ends best first
    for (int end = k - 1; end > 0; end--) {
      long tk = hk[0];
      int ti = hi[0];
      hk[0] = hk[end];
      hi[0] = hi[end];
      hk[end] = tk;
      hi[end] = ti;
      siftDown(hk, hi, 0, end);
    }
  }

  /** True when (k1, i1) is worse than (k2, i2): a smaller key, or an equal key with a larger index. */
  private static boolean worse(long k1, int i1, long k2, int i2) {
    return k1 < k2 || (k1 == k2 && i1 > i2);
  }

  private static void siftDown(long[] hk, int[] hi, int i, int size) {
    long kv = hk[i];
    int iv = hi[i];
    while (true) {
      int c = 2 * i + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && worse(hk[c + 1], hi[c + 1], hk[c], hi[c])) {
        c++;
      }
      if (!worse(hk[c], hi[c], kv, iv)) {
        break;
      }
      hk[i] = hk[c];
      hi[i] = hi[c];
      i = c;
    }
    hk[i] = kv;
    hi[i] = iv;
  }

  // ------------------------------------------------------------------ selection

  /**
   * Rearranges a[from, to) so that a[k] holds the value of rank k - from (as if sorted), with every
   * value in [from, k) ≤ it and every value in (k, to) ≥ it. Quickselect (median-of-three, Hoare
   * partition), falling back to a sort of the range when it does not shrink fast enough.
   */
  public static void select(long[] a, int from, int to, int k) {
    int lo = from;
    int hi = to - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(Math.max(1, to - from))) + 8;
    while (hi - lo > 24) {
      if (budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      long x = a[lo];
      long y = a[mid];
      long z = a[hi];
      long p = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < p) {
          i++;
        }
        while (a[j] > p) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      // [lo, j] ≤ p, (j, i) == p, [i, hi] ≥ p
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
    Arrays.sort(a, lo, hi + 1);
  }
}
