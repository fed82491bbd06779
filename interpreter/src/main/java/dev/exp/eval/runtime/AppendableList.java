package dev.exp.eval.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list that later lists may extend in place: {@code acc + [x]} on the longest list made
 * on a storage writes {@code x} into the storage's spare room and returns a longer view of it, so a
 * loop that appends is linear (amortized O(1) per item), not quadratic. Every view keeps its own
 * length, so values stay immutable: {@code let a = l + [1]; let b = l + [2]} appends in place for
 * {@code a}, then copies for {@code b} ({@code l} is no longer the longest view).
 */
final class AppendableList extends ScriptList {
  /** The shared storage: {@code items[0..used)} are written once and never change. */
  private static final class Storage {
    volatile Object[] items;
    int used;

    Storage(int capacity) {
      items = new Object[capacity];
    }
  }

  private final Storage storage;

  /**
   * A view of the first {@code size} items of {@code storage}, read from its current array: later
   * appends write past {@code size} or into a grown copy, so that array's first {@code size} items
   * never change.
   */
  private AppendableList(Storage storage, int size) {
    super(storage.items, size);
    this.storage = storage;
  }

  /** {@code l} followed by {@code m}: in place when {@code l} is the longest view of its storage. */
  static List<Object> concat(List<?> l, List<?> m) {
    if (l instanceof AppendableList a) {
      List<Object> r = a.append(m);
      if (r != null) {
        return r;
      }
    }
    int n = l.size() + m.size();
    Storage s = new Storage(capacity(n, n));
    Object[] items = s.items;
    int k = 0;
    for (Object o : l) {
      items[k++] = o;
    }
    for (Object o : m) {
      items[k++] = o;
    }
    s.items = items;
    s.used = n;
    return new AppendableList(s, n);
  }

  private List<Object> append(List<?> m) {
    synchronized (storage) {
      if (storage.used != size) {
        return null;   // another list already extends this storage past our end
      }
      int n = size + m.size();
      Object[] items = storage.items;
      if (n > items.length) {
        items = Arrays.copyOf(items, capacity(n, items.length));
      }
      int k = size;
      if (m instanceof RandomAccess) {
        for (int j = 0, count = m.size(); j < count; j++) {
          items[k++] = m.get(j);
        }
      } else {
        for (Object o : m) {
          items[k++] = o;
        }
      }
      storage.items = items;   // published after the new items are written
      storage.used = n;
      return new AppendableList(storage, n);
    }
  }

  /** Room for {@code n} items, growing by half again (bounded by the largest array). */
  static int capacity(int n, int current) {
    long grown = Math.max(n, current + (current >> 1) + 8L);
    return (int) Math.min(grown, Integer.MAX_VALUE - 8);
  }
}
