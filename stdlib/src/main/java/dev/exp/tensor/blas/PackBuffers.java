package dev.exp.tensor.blas;

import java.lang.ref.SoftReference;
import java.util.ArrayList;

/**
 * Packing buffers of {@link VectorGemm} kept between products: packed B is up to k·n doubles (8 MB at
 * 1024²), and allocating it per product costs its zeroing (on one thread, before the product starts)
 * and young-generation churn. A few free buffers are kept, softly referenced so the collector can
 * take them back under memory pressure. A taken buffer belongs to the taker until it is given back;
 * its contents are left over from earlier use (the packers write every element they read).
 */
final class PackBuffers {
  private PackBuffers() {}

  /** Free buffers kept at most (one packed B and the A blocks of two threads, with room to spare). */
  private static final int KEEP = 4;
  private static final ArrayList<SoftReference<double[]>> FREE = new ArrayList<>();

  /** A buffer of at least {@code size} doubles: the smallest free one that fits, else a new one. */
  static double[] take(int size) {
    double[] got = takeFree(size);
    return got != null ? got : new double[size];
  }

  private static synchronized double[] takeFree(int size) {
    int best = -1;
    double[] bestBuf = null;
    for (int i = FREE.size() - 1; i >= 0; i--) {
      double[] buf = FREE.get(i).get();
      if (buf == null) {
        FREE.remove(i);
        if (best > i) {
          best--;
        }
      } else if (buf.length >= size && (bestBuf == null || buf.length < bestBuf.length)) {
        best = i;
        bestBuf = buf;
      }
    }
    if (bestBuf != null) {
      FREE.remove(best);
    }
    return bestBuf;
  }

  /** Gives a buffer back (the caller no longer uses it); the smallest free one is dropped past {@link #KEEP}. */
  static synchronized void give(double[] buf) {
    FREE.add(new SoftReference<>(buf));
    if (FREE.size() > KEEP) {
      int smallest = 0;
      for (int i = 0; i < FREE.size(); i++) {
        double[] b = FREE.get(i).get();
        if (b == null) {
          smallest = i;
          break;
        }
        double[] s = FREE.get(smallest).get();
        if (s != null && b.length < s.length) {
          smallest = i;
        }
      }
      FREE.remove(smallest);
    }
  }
}
