package dev.exp.eval.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A lazy integer range {@code a..b} (half-open) or {@code a..=b}: iterable without a list. {@code to}
 * is always the exclusive end; {@code inclusive} only says how the range was written, so that it
 * prints the same way ({@code 1..=5}, not {@code 1..6}).
 */
public record RangeValue(long from, long to, long step, boolean inclusive) implements Iterable<Object> {
  public RangeValue(long from, long to, long step) {
    this(from, to, step, false);
  }

  public long length() {
    if (step > 0) {
      return Math.max(0, (to - from + step - 1) / step);
    }
    return Math.max(0, (from - to - step - 1) / -step);
  }

  public long get(long i) {
    return from + i * step;
  }

  @Override
  public Iterator<Object> iterator() {
    return new Iterator<>() {
      long i;
      final long n = length();

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public Object next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        return (double) get(i++);
      }
    };
  }

  /** The range as source text that makes it: {@code 0..5}, {@code 1..=5}, {@code range(1, 10, 3)}. */
  @Override
  public String toString() {
    if (step != 1) {
      return "range(" + from + ", " + to + ", " + step + ")";
    }
    return inclusive ? from + "..=" + (to - 1) : from + ".." + to;
  }
}
