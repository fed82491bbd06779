package dev.exp.eval.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record: ordered named fields. Also a read-only {@link Map} for kernels and hosts.
 *
 * <p>To scripts a record is an immutable value. Internally, the one record a {@code var} owns
 * exclusively (made by its last update and not read since, the ownership tensors use) may be
 * updated in place by {@link #setInPlace}, so that a record used as a dictionary ({@code
 * counts[w] += 1} in a loop) costs O(1) per update instead of a copy of every field. The field
 * names live in an array that several records may share (records of one literal, a copy that set
 * an existing field); names are only ever appended to it, past the size of every record that
 * shares it, and only by the record that {@link #ownsKeys owns} it. A record of more than {@link
 * #INDEXED} fields finds a name through a hash index of its own, built on the first look-up.
 */
public final class Record extends AbstractMap<String, Object> implements Held {
  /** Records with more fields than this find a field name by hashing, not by a scan. */
  static final int INDEXED = 8;

  private String[] keys;
  private Object[] values;
  private int size;
  /** Whether names may be appended to {@link #keys} in place (no other record can see the array). */
  private boolean ownsKeys;
  /** Field name to position, for records of more than {@link #INDEXED} fields; null until needed. */
  private HashMap<String, Integer> index;
  /** See {@link Held}. */
  private Object heldBy;

  /**
   * A record of these fields; it takes {@code values} (the caller passes a fresh array) and may
   * share {@code keys} with other records (it never changes them).
   */
  public Record(String[] keys, Object[] values) {
    this(keys, values, keys.length, false);
  }

  private Record(String[] keys, Object[] values, int size, boolean ownsKeys) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.ownsKeys = ownsKeys;
  }

  /** A record with the entries of {@code map}, in its iteration order. */
  public static Record of(Map<String, ?> map) {
    String[] k = new String[map.size()];
    Object[] v = new Object[map.size()];
    int i = 0;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      k[i] = e.getKey();
      v[i] = e.getValue();
      i++;
    }
    return new Record(k, v, k.length, true);
  }

  private static final int MAX_SHARED_SHAPES = 4096;
  private static final java.util.concurrent.ConcurrentHashMap<java.util.List<String>, String[]> SHAPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * One array for every record literal with these field names in this order, so that records built
   * by different literals of one shape ({@code {l: none, r: none}} and {@code {l: a, r: b}}) share
   * their names and a field read can cache the position by the array's identity ({@link #shape}).
   * Bounded: past a few thousand shapes the array is returned as it is.
   */
  public static String[] sharedKeys(String[] names) {
    java.util.List<String> key = java.util.Arrays.asList(names.clone());
    String[] shared = SHAPES.get(key);
    if (shared != null) {
      return shared;
    }
    if (SHAPES.size() >= MAX_SHARED_SHAPES) {
      return names;
    }
    String[] prev = SHAPES.putIfAbsent(key, names);
    return prev != null ? prev : names;
  }

  /**
   * The identity of this record's names array: records with the same shape object have the same
   * name at every position below both sizes (a field read caches positions by it).
   */
  public Object shape() {
    return keys;
  }

  public String key(int i) {
    return keys[i];
  }

  public Object value(int i) {
    return values[i];
  }

  /** The position of {@code key}, or -1. */
  public int indexOf(String key) {
    if (size > INDEXED) {
      if (index == null) {
        HashMap<String, Integer> m = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
          m.put(keys[i], i);
        }
        index = m;
      }
      Integer i = index.get(key);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  boolean has(String key) {
    return indexOf(key) >= 0;
  }

  /**
   * Sets {@code key} in this record itself (appending it when new) and returns it. Only for the
   * record a variable owns exclusively: nothing else may have seen it.
   */
  public Record setInPlace(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      values[i] = value;
      return this;
    }
    if (!ownsKeys || size == keys.length) {
      int cap = Math.max(4, size + (size >> 1) + 1);
      keys = Arrays.copyOf(keys, cap);
      ownsKeys = true;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, keys.length);
    }
    keys[size] = key;
    values[size] = value;
    if (index != null) {
      index.put(key, size);
    }
    size++;
    return this;
  }

  /** A copy with {@code key} set (appended when new). */
  public Record with(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      Object[] v = Arrays.copyOf(values, size);
      v[i] = value;
      return new Record(keys, v, size, false);
    }
    String[] k = Arrays.copyOf(keys, size + 1);
    Object[] v = Arrays.copyOf(values, size + 1);
    k[size] = key;
    v[size] = value;
    return new Record(k, v, size + 1, true);
  }

  @Override
  public Object heldBy() {
    return heldBy;
  }

  @Override
  public void heldBy(Object container) {
    heldBy = container;
  }

  /** The field names, in order (a copy). */
  public String[] fieldNames() {
    return Arrays.copyOf(keys, size);
  }

  /** The field values, in order (a copy). */
  public Object[] fieldValues() {
    return Arrays.copyOf(values, size);
  }

  @Override
  public Object get(Object key) {
    int i = key instanceof String s ? indexOf(s) : -1;
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && indexOf(s) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return i < size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (i >= size) {
              throw new NoSuchElementException();
            }
            Map.Entry<String, Object> e = new SimpleImmutableEntry<>(keys[i], values[i]);
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Mutable copy, for builders. */
  LinkedHashMap<String, Object> toLinkedMap() {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      m.put(keys[i], values[i]);
    }
    return m;
  }
}
