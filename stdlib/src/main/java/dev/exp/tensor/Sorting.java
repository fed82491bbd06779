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
 * an LSD radix sort of order-preserving long keys (long lanes; from {@link #PARALLEL_MIN} values on,
 * in chunks on the kernel threads, merged); indices by a stable radix sort of (key, index) pairs;
 * top-k by a bounded heap. Many lanes are shared out to the kernel threads. The results are those of
 * a stable comparison sort with {@link Double#compare}, bit for bit (nan payloads included), for
 * every thread budget.
 */
public final class Sorting {
  private Sorting() {}

  /** Lanes at least this long sort by radix; shorter ones by comparison. */
  static final int RADIX_MIN = 512;

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

  /** Scratch arrays for one sort call, grown as needed and reused across lanes. */
  static final class Work {
    private static final ThreadLocal<java.lang.ref.SoftReference<Work>> LOCAL = new ThreadLocal<>();

    /**
     * This thread's Work, kept between calls (softly: the collector may take it back), so repeated
     * sorts of long lanes reuse their arrays instead of allocating and zeroing them each time. One
     * sort at a time per thread.
     */
    static Work local() {
      java.lang.ref.SoftReference<Work> r = LOCAL.get();
      Work w = r == null ? null : r.get();
      if (w == null) {
        w = new Work();
        LOCAL.set(new java.lang.ref.SoftReference<>(w));
      }
      return w;
    }

    long[] k1 = new long[0];
    long[] k2 = new long[0];
    int[] i1 = new int[0];
    int[] i2 = new int[0];
    double[] v = new double[0];
    int[] count = new int[8 * 256];

    void ensure(int n, boolean withIndex) {
      if (k1.length < n) {
        k1 = new long[n];
        k2 = new long[n];
      }
      if (withIndex && i1.length < n) {
        i1 = new int[n];
        i2 = new int[n];
      }
    }
  }

  /**
   * Stable order of one lane: r[i] is the index (0..n-1 along the lane) of the i-th smallest value
   * (largest when descending; ties lower index first either way).
   */
  static int[] order(double[] a, int off, int st, int n, boolean descending) {
    Work w = new Work();
    order(a, off, st, n, descending, w);
    return Arrays.copyOf(w.i1, n);
  }

  /** As {@link #order(double[], int, int, int, boolean)}, into w.i1[0, n). */
  static void order(double[] a, int off, int st, int n, boolean descending, Work w) {
    w.ensure(n, true);
    long[] k = w.k1;
    int[] idx = w.i1;
    long flip = descending ? -1L : 0L;
    for (int i = 0; i < n; i++) {
      k[i] = key(a[off + i * st]) ^ flip; // ~key reverses the order
      idx[i] = i;
    }
    if (n < 48) {
      insertionSort(k, idx, n);
    } else {
      radixSort(w, n, true);
    }
  }

  /** Stable insertion sort of (k, idx) by k. */
  private static void insertionSort(long[] k, int[] idx, int n) {
    for (int i = 1; i < n; i++) {
      long kv = k[i];
      int iv = idx[i];
      int j = i - 1;
      while (j >= 0 && k[j] > kv) {
        k[j + 1] = k[j];
        idx[j + 1] = idx[j];
        j--;
      }
      k[j + 1] = kv;
      idx[j + 1] = iv;
    }
  }

  /**
   * Stable LSD radix sort of w.k1[0, n) as signed longs (carrying w.i1 along when withIndex). The
   * result is left in w.k1 (and w.i1).
   */
  private static void radixSort(Work w, int n, boolean withIndex) {
    if (w.count.length < 6 * 2048) {
      w.count = new int[6 * 2048];
    }
    if (!radixRange(w.k1, w.k2, withIndex ? w.i1 : null, withIndex ? w.i2 : null, 0, n, w.count)) {
      long[] t = w.k1;
      w.k1 = w.k2;
      w.k2 = t;
      if (withIndex) {
        int[] ti = w.i1;
        w.i1 = w.i2;
        w.i2 = ti;
      }
    }
  }

  /**
   * Stable LSD radix sort of k[lo, hi) as signed longs, using kb[lo, hi) as the other buffer (and
   * carrying idx along in ib when idx is not null): 8-bit digits (8 passes) for short ranges, 11-bit
   * digits (6 passes) for long ones; passes whose digit is the same for every key are skipped. c
   * holds at least 6·2048 counters. Returns whether the result is in k (and idx), else in kb (ib).
   */
  private static boolean radixRange(long[] k, long[] kb, int[] idx, int[] ib, int lo, int hi, int[] c) {
    int n = hi - lo;
    int bits = n < 65536 ? 8 : 11;
    int buckets = 1 << bits;
    int mask = buckets - 1;
    int passes = (64 + bits - 1) / bits;
    Arrays.fill(c, 0, passes * buckets, 0);
    long[] src = k;
    if (bits == 8) {
      for (int i = lo; i < hi; i++) {
        long u = src[i] ^ Long.MIN_VALUE; // unsigned order
        c[(int) (u & 0xff)]++;
        c[256 + (int) ((u >>> 8) & 0xff)]++;
        c[512 + (int) ((u >>> 16) & 0xff)]++;
        c[768 + (int) ((u >>> 24) & 0xff)]++;
        c[1024 + (int) ((u >>> 32) & 0xff)]++;
        c[1280 + (int) ((u >>> 40) & 0xff)]++;
        c[1536 + (int) ((u >>> 48) & 0xff)]++;
        c[1792 + (int) (u >>> 56)]++;
      }
    } else {
      for (int i = lo; i < hi; i++) {
        long u = src[i] ^ Long.MIN_VALUE;
        c[(int) (u & 0x7ff)]++;
        c[2048 + (int) ((u >>> 11) & 0x7ff)]++;
        c[4096 + (int) ((u >>> 22) & 0x7ff)]++;
        c[6144 + (int) ((u >>> 33) & 0x7ff)]++;
        c[8192 + (int) ((u >>> 44) & 0x7ff)]++;
        c[10240 + (int) (u >>> 55)]++;
      }
    }
    long[] dst = kb;
    int[] isrc = idx;
    int[] idst = ib;
    boolean inK = true;
    dev.exp.kernel.KernelContext ctx = n >= 1 << 20 ? dev.exp.kernel.KernelContext.current() : null;
    for (int pass = 0; pass < passes; pass++) {
      if (ctx != null) {
        ctx.poll();   // a long sort stops at a limit between passes
      }
      int base = pass * buckets;
      int shift = pass * bits;
      boolean trivial = false;
      int sum = lo;
      for (int b = 0; b < buckets; b++) {
        int cb = c[base + b];
        if (cb == n) {
          trivial = true;
          break;
        }
        c[base + b] = sum;
        sum += cb;
      }
      if (trivial) {
        continue;
      }
      if (idx != null) {
        scatter(src, dst, isrc, idst, c, base, shift, mask, lo, hi);
        int[] ti = isrc;
        isrc = idst;
        idst = ti;
      } else {
        scatter(src, dst, c, base, shift, mask, lo, hi);
      }
      long[] t = src;
      src = dst;
      dst = t;
      inK = !inK;
    }
    return inK;
  }

  private static void scatter(long[] src, long[] dst, int[] c, int base, int shift, int mask, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
      long kv = src[i];
      dst[c[base + (int) (((kv ^ Long.MIN_VALUE) >>> shift) & mask)]++] = kv;
    }
  }

  private static void scatter(long[] src, long[] dst, int[] isrc, int[] idst, int[] c, int base, int shift,
      int mask, int lo, int hi) {
    for (int i = lo; i < hi; i++) {
      long kv = src[i];
      int p = c[base + (int) (((kv ^ Long.MIN_VALUE) >>> shift) & mask)]++;
      dst[p] = kv;
      idst[p] = isrc[i];
    }
  }

  /** Lanes at least this long sort in parallel chunks that are then merged (when the thread budget allows). */
  static final int PARALLEL_MIN = 1 << 16;

  /** The number of chunks a lane of n values sorts in: a power of two, at most the thread budget and 8. */
  private static int chunks(int n) {
    int t = Math.min(Math.min(dev.exp.kernel.Parallel.threads(), 8), n / (PARALLEL_MIN / 2));
    return n < PARALLEL_MIN || t < 2 ? 1 : Integer.highestOneBit(t);
  }

  /**
   * The sorted {@link #key}s of one lane (n >= 1 values a[off + i·st]) into w.k1[0, n). A long lane
   * is cut into chunks that compute their keys and radix-sort on their own threads; the sorted
   * chunks are then merged pairwise, the last merge from both ends at once (the smallest half from
   * the front, the largest from the back) on two threads. Keys of equal values are equal, so the
   * result is the same for every chunking.
   */
  static void sortedKeys(double[] a, int off, int st, int n, Work w) {
    w.ensure(n, false);
    int t = chunks(n);
    long[] k1 = w.k1;
    long[] k2 = w.k2;
    if (t == 1) {
      for (int i = 0; i < n; i++) {
        k1[i] = key(a[off + i * st]);
      }
      if (n < 48) {
        Arrays.sort(k1, 0, n);
      } else {
        radixSort(w, n, false);
      }
      return;
    }
    int[] bound = new int[t + 1];
    for (int i = 0; i <= t; i++) {
      bound[i] = (int) ((long) n * i / t);
    }
    // where[r]: the array (0: k1, 1: k2) holding the run that starts at chunk r
    int[] where = new int[t];
    dev.exp.kernel.Parallel.forEach(t, i -> {
      int lo = bound[i];
      int hi = bound[i + 1];
      for (int j = lo; j < hi; j++) {
        k1[j] = key(a[off + j * st]);
      }
      where[i] = radixRange(k1, k2, null, null, lo, hi, new int[6 * 2048]) ? 0 : 1;
    });
    long[][] arr = {k1, k2};
    for (int width = 1; width < t; width *= 2) {
      int pairs = t / (2 * width);
      for (int p = 0; p < pairs; p++) {
        int ra = 2 * p * width;
        int rb = ra + width;
        if (where[ra] != where[rb]) {
          // the two runs must be in one array (chunks differ in the passes they skip)
          int lo = bound[rb];
          System.arraycopy(arr[where[rb]], lo, arr[where[ra]], lo, bound[rb + width] - lo);
          where[rb] = where[ra];
        }
      }
      int wd = width;
      if (pairs == 1) {
        long[] src = arr[where[0]];
        long[] dst = arr[1 - where[0]];
        int m = bound[width];
        int front = n / 2;
        dev.exp.kernel.Parallel.forEach(2, side -> {
          if (side == 0) {
            mergeFront(src, dst, 0, m, n, front);
          } else {
            mergeBack(src, dst, 0, m, n, n - front);
          }
        });
      } else {
        dev.exp.kernel.Parallel.forEach(pairs, p -> {
          int ra = 2 * p * wd;
          long[] src = arr[where[ra]];
          mergeFront(src, arr[1 - where[ra]], bound[ra], bound[ra + wd], bound[ra + 2 * wd],
              bound[ra + 2 * wd] - bound[ra]);
        });
      }
      for (int p = 0; p < pairs; p++) {
        where[2 * p * width] ^= 1;
      }
    }
    if (where[0] == 1) {
      w.k1 = k2;
      w.k2 = k1;
    }
  }

  /** The cnt smallest of the sorted runs s[l, m) and s[m, h), merged into d[l, l + cnt). */
  private static void mergeFront(long[] s, long[] d, int l, int m, int h, int cnt) {
    int i = l;
    int j = m;
    int p = l;
    int end = l + cnt;
    while (p < end && i < m && j < h) {
      long x = s[i];
      long y = s[j];
      boolean a = x <= y;
      d[p++] = a ? x : y;
      i += a ? 1 : 0;
      j += a ? 0 : 1;
    }
    while (p < end && i < m) {
      d[p++] = s[i++];
    }
    while (p < end) {
      d[p++] = s[j++];
    }
  }

  /** The cnt largest of the sorted runs s[l, m) and s[m, h), merged into d[h − cnt, h). */
  private static void mergeBack(long[] s, long[] d, int l, int m, int h, int cnt) {
    int i = m - 1;
    int j = h - 1;
    int p = h - 1;
    int end = h - cnt;
    while (p >= end && i >= l && j >= m) {
      long x = s[i];
      long y = s[j];
      boolean a = x > y;
      d[p--] = a ? x : y;
      i -= a ? 1 : 0;
      j -= a ? 0 : 1;
    }
    while (p >= end && i >= l) {
      d[p--] = s[i--];
    }
    while (p >= end) {
      d[p--] = s[j--];
    }
  }

  /** v[vo + i] = the value of key k[i] for lo <= i < hi. */
  private static void unkeys(long[] k, int lo, int hi, double[] v, int vo) {
    for (int i = lo; i < hi; i++) {
      v[vo + i] = unkey(k[i]);
    }
  }

  /**
   * Sorts one lane's values into out[ooff + i * ost]: those of a stable sort by
   * {@link Double#compare}, nans (last ascending, first descending) in their original order.
   */
  private static void sortValues(double[] a, int off, int st, int n, boolean descending, double[] out, int ooff,
      int ost, Work w) {
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
    if (n < RADIX_MIN) {
      for (int i = 0; i < n; i++) {
        v[vo + i] = a[off + i * st];
      }
      Arrays.sort(v, vo, vo + n);
    } else {
      sortedKeys(a, off, st, n, w);
      long[] k = w.k1;
      int t = chunks(n);
      if (t == 1) {
        unkeys(k, 0, n, v, vo);
      } else {
        dev.exp.kernel.Parallel.forEach(t, c -> unkeys(k, (int) ((long) n * c / t), (int) ((long) n * (c + 1) / t), v,
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
    int tasks = lanes < 2 || (long) lanes * n < 1 << 15 || !indices && n >= PARALLEL_MIN ? 1
        : Math.min(lanes, 4 * dev.exp.kernel.Parallel.threads());
    dev.exp.kernel.Parallel.forEach(tasks, task -> {
      Work w = Work.local();
      int hi = (int) ((long) lanes * (task + 1) / tasks);
      for (int lane = (int) ((long) lanes * task / tasks); lane < hi; lane++) {
        int off = l.start(lane);
        if (indices) {
          order(a, off, st, n, descending, w);
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
    Work w = new Work();
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
        order(a, off, st, n, true, w);
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
