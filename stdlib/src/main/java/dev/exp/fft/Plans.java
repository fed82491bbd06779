package dev.exp.fft;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * A small cache of JTransforms plans by length. Planning a length with large prime factors
 * (Bluestein) costs about as much as a transform, so repeated transforms of one length reuse it.
 * JTransforms plans hold only read-only tables after construction and may be shared by threads.
 */
final class Plans {
  private Plans() {}

  private static final int CAPACITY = 32;
  private static final Map<Integer, DoubleFFT_1D> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, DoubleFFT_1D> e) {
      return size() > CAPACITY;
    }
  };

  private static final Map<Long, DoubleFFT_2D> CACHE_2D = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, DoubleFFT_2D> e) {
      return size() > CAPACITY / 4;
    }
  };

  /** The 2-D plan for r×c matrices (both at least 1). */
  static DoubleFFT_2D of(int r, int c) {
    long key = ((long) r << 32) | c;
    synchronized (CACHE_2D) {
      DoubleFFT_2D p = CACHE_2D.get(key);
      if (p != null) {
        return p;
      }
    }
    DoubleFFT_2D p = new DoubleFFT_2D(r, c);
    synchronized (CACHE_2D) {
      CACHE_2D.putIfAbsent(key, p);
    }
    return p;
  }

  /** The plan for transforms of length {@code n >= 1}. */
  static DoubleFFT_1D of(int n) {
    synchronized (CACHE) {
      DoubleFFT_1D p = CACHE.get(n);
      if (p != null) {
        return p;
      }
    }
    DoubleFFT_1D p = new DoubleFFT_1D(n);
    synchronized (CACHE) {
      CACHE.putIfAbsent(n, p);
    }
    return p;
  }
}
