package dev.exp.transforms;

/**
 * The in-place fast Walsh–Hadamard butterfly {@code y = H_N·x} (natural, Sylvester order) on
 * {@code a[off .. off + n)}, n a power of two. Stages are blocked: all stages inside a block of
 * 2¹¹ values run while the block is in cache, the remaining stages go two at a time (radix 4), so
 * a transform of 2²⁰ values reads memory about 5 times instead of 20.
 */
public final class Hadamard {
  private Hadamard() {}

  private static final int BLOCK = 1 << 11;

  /** H·x in place; n must be a power of two. */
  public static void transform(double[] a, int off, int n) {
    int b = Math.min(n, BLOCK);
    for (int s = off; s < off + n; s += b) {
      inBlock(a, s, b);
    }
    int h = b;
    for (; 4 * h <= n; h *= 4) {
      radix4(a, off, n, h);
    }
    if (h < n) {
      for (int s = off; s < off + n; s += 2 * h) {
        for (int j = s; j < s + h; j++) {
          double u = a[j];
          double v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
      }
    }
  }

  private static void inBlock(double[] a, int off, int n) {
    int h = 1;
    if (n >= 2) {
      for (int j = off; j < off + n; j += 2) {
        double u = a[j];
        double v = a[j + 1];
        a[j] = u + v;
        a[j + 1] = u - v;
      }
      h = 2;
    }
    for (; 4 * h <= n; h *= 4) {
      radix4(a, off, n, h);
    }
    if (h < n) {
      for (int s = off; s < off + n; s += 2 * h) {
        for (int j = s; j < s + h; j++) {
          double u = a[j];
          double v = a[j + h];
          a[j] = u + v;
          a[j + h] = u - v;
        }
      }
    }
  }

  /** Stages h and 2h together. */
  private static void radix4(double[] a, int off, int n, int h) {
    for (int s = off; s < off + n; s += 4 * h) {
      for (int j = s; j < s + h; j++) {
        double x0 = a[j];
        double x1 = a[j + h];
        double x2 = a[j + 2 * h];
        double x3 = a[j + 3 * h];
        double p = x0 + x1;
        double m = x0 - x1;
        double q = x2 + x3;
        double r = x2 - x3;
        a[j] = p + q;
        a[j + h] = m + r;
        a[j + 2 * h] = p - q;
        a[j + 3 * h] = m - r;
      }
    }
  }

  /** Whether n is a positive power of two. */
  public static boolean isPowerOfTwo(long n) {
    return n > 0 && (n & (n - 1)) == 0;
  }

  /** log2 of a power of two. */
  public static int log2(long n) {
    return 63 - Long.numberOfLeadingZeros(n);
  }
}
