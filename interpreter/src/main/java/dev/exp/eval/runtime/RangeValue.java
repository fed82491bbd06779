package dev.exp.eval.runtime;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** A lazy integer range {@code a..b} (half-open) or {@code a..=b}: iterable without a list. */
public record RangeValue(long from, long to, long step) implements Iterable<Object> {
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

  @Override
  public String toString() {
    return from + ".." + to + (step != 1 ? " step " + step : "");
  }
}
