package dev.exp.tensor;

import java.util.Arrays;

/**
 * The engine under {@link Sorting}: order-preserving long keys ({@link Sorting#key}) sorted by a
 * stable LSD radix sort, alone or with their indices; from {@link #PARALLEL_MIN} keys on, in chunks
 * on the kernel threads, merged pairwise and last from both ends at once. Results are bit-identical
 * for every thread budget.
 */
final class KeySort {
  private KeySort() {}

  /** Lanes at least this long sort by radix; shorter ones by comparison. */
  static final int RADIX_MIN = 512;

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
      k[i] = Sorting.key(a[off + i * st]) ^ flip; // ~key reverses the order
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
  static int chunks(int n) {
    int t = Math.min(Math.min(dev.exp.kernel.Parallel.threads(), 8), n / (PARALLEL_MIN / 2));
    return n < PARALLEL_MIN || t < 2 ? 1 : Integer.highestOneBit(t);
  }

  /**
   * The sorted {@link Sorting#key}s of one lane (n >= 1 values a[off + i·st]) into w.k1[0, n). A long lane
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
        k1[i] = Sorting.key(a[off + i * st]);
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
        k1[j] = Sorting.key(a[off + j * st]);
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
  static void unkeys(long[] k, int lo, int hi, double[] v, int vo) {
    for (int i = lo; i < hi; i++) {
      v[vo + i] = Sorting.unkey(k[i]);
    }
  }
}
