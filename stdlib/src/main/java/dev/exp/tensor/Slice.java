package dev.exp.tensor;

import dev.exp.kernel.KernelException;

/**
 * A basic slice {@code start:stop:step} along one axis, with NumPy's rules: missing bounds are open,
 * negative bounds count from the end, bounds beyond the axis are clamped, and a negative step walks
 * backwards (then an open start is the last element and an open stop is before the first).
 *
 * @param start first index, or null for the open default
 * @param stop end index (exclusive), or null for the open default
 * @param step nonzero step
 */
public record Slice(Long start, Long stop, long step) {
  /** The whole axis, {@code :}. */
  public static final Slice ALL = new Slice(null, null, 1);

  public Slice {
    if (step == 0) {
      throw KernelException.of("slice step cannot be 0");
    }
  }

  /**
   * The selected positions of an axis of length {@code n}: the first index, the step and the count.
   * The first index is meaningful only when the count is positive.
   */
  public record Range(int first, long step, int length) {}

  /** Resolves this slice against an axis of length {@code n}. */
  public Range resolve(int n) {
    long lo;
    long hi;
    if (step > 0) {
      lo = start == null ? 0 : clamp(start, n, 0, n);
      hi = stop == null ? n : clamp(stop, n, 0, n);
      long len = hi > lo ? (hi - lo + step - 1) / step : 0;
      return new Range((int) lo, step, (int) len);
    }
    lo = start == null ? n - 1 : clamp(start, n, -1, n - 1);
    hi = stop == null ? -1 : clamp(stop, n, -1, n - 1);
    long len = lo > hi ? (lo - hi + (-step) - 1) / (-step) : 0;
    return new Range((int) Math.max(lo, 0), step, (int) len);
  }

  /** The selected indices themselves (for lists and strings, which have no strides). */
  public int[] indices(int n) {
    Range r = resolve(n);
    int[] out = new int[r.length()];
    for (int k = 0; k < out.length; k++) {
      out[k] = (int) (r.first() + k * r.step());
    }
    return out;
  }

  private static long clamp(long i, int n, long min, long max) {
    long j = i < 0 ? i + n : i;
    return Math.max(min, Math.min(max, j));
  }

  @Override
  public String toString() {
    return (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == 1 ? "" : ":" + step);
  }
}
