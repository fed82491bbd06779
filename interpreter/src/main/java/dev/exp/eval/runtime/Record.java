package dev.exp.eval.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** An immutable record: ordered named fields. Also a read-only {@link Map} for kernels and hosts. */
public final class Record extends AbstractMap<String, Object> {
  public final String[] keys;
  public final Object[] values;

  public Record(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
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
    return new Record(k, v);
  }

  public int indexOf(String key) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  boolean has(String key) {
    return indexOf(key) >= 0;
  }

  /** A copy with {@code key} set (appended when new). */
  public Record with(String key, Object value) {
    int i = indexOf(key);
    if (i >= 0) {
      Object[] v = values.clone();
      v[i] = value;
      return new Record(keys, v);
    }
    String[] k = Arrays.copyOf(keys, keys.length + 1);
    Object[] v = Arrays.copyOf(values, values.length + 1);
    k[keys.length] = key;
    v[values.length] = value;
    return new Record(k, v);
  }

  public String[] fieldNames() {
    return keys.clone();
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
    return keys.length;
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
            return i < keys.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (i >= keys.length) {
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
        return keys.length;
      }
    };
  }

  /** Mutable copy, for builders. */
  LinkedHashMap<String, Object> toLinkedMap() {
    LinkedHashMap<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      m.put(keys[i], values[i]);
    }
    return m;
  }
}
