package dev.exp.fft;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Small caches of JTransforms plans by size. Planning a length with large prime factors
 * (Bluestein) costs about as much as a transform, so repeated transforms of one size reuse it.
 * JTransforms plans hold only read-only tables after construction and may be shared by threads.
 */
final class Plans {
  private Plans() {}

  private static final int CAPACITY = 32;
  private static final Map<Integer, DoubleFFT_1D> CACHE = lru(CAPACITY);
  private static final Map<Long, DoubleFFT_2D> CACHE_2D = lru(CAPACITY / 4);

  /** The plan for transforms of length {@code n >= 1}. */
  static DoubleFFT_1D of(int n) {
    return cached(CACHE, n, () -> new DoubleFFT_1D(n));
  }

  /** The 2-D plan for r×c matrices (both at least 1). */
  static DoubleFFT_2D of(int r, int c) {
    return cached(CACHE_2D, ((long) r << 32) | c, () -> new DoubleFFT_2D(r, c));
  }

  /** A least-recently-used map holding at most {@code capacity} entries (guarded by itself). */
  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> e) {
        return size() > capacity;
      }
    };
  }

  /** The cached value of key, made outside the lock when missing (two threads may both make one). */
  private static <K, V> V cached(Map<K, V> cache, K key, Supplier<V> make) {
    synchronized (cache) {
      V p = cache.get(key);
      if (p != null) {
        return p;
      }
    }
    V p = make.get();
    synchronized (cache) {
      V old = cache.putIfAbsent(key, p);
      return old != null ? old : p;
    }
  }
}
