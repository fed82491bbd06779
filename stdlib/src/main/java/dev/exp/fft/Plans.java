package dev.exp.fft;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

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
