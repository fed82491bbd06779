package dev.exp.jsr223;

import dev.exp.api.Session;
import dev.exp.api.Value;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.script.Bindings;

/**
 * Engine-scope bindings that are the globals of an Exp {@link Session}: {@code put} defines a
 * global (the value converted as by {@link Session#set}), {@code get} reads one as plain Java
 * (Double, Boolean, String, {@code double[]}, {@code double[][]}, List, Map, or a {@link Value} for a
 * function), and a script's top-level definitions show up here. Keys that are not identifiers (such
 * as {@code javax.script.filename}) are kept aside, invisible to scripts.
 */
final class ExpBindings extends AbstractMap<String, Object> implements Bindings {
  private final Session session;
  private final Map<String, Object> aside = new HashMap<>();

  ExpBindings(Session session) {
    this.session = session;
  }

  Session session() {
    return session;
  }

  static boolean isIdentifier(String key) {
    return dev.exp.syntax.Identifiers.isName(key);
  }

  private static String check(Object key) {
    if (key == null) {
      throw new NullPointerException("key is null");
    }
    if (!(key instanceof String k)) {
      throw new ClassCastException("key must be a String, got " + key.getClass().getName());
    }
    if (k.isEmpty()) {
      throw new IllegalArgumentException("key is empty");
    }
    return k;
  }

  @Override
  public Object put(String name, Object value) {
    String k = check(name);
    if (!isIdentifier(k)) {
      return aside.put(k, value);
    }
    Object old = get(k);
    session.set(k, value);
    return old;
  }

  @Override
  public void putAll(Map<? extends String, ? extends Object> toMerge) {
    for (Map.Entry<? extends String, ? extends Object> e : toMerge.entrySet()) {
      put(e.getKey(), e.getValue());
    }
  }

  @Override
  public boolean containsKey(Object key) {
    String k = check(key);
    return isIdentifier(k) ? session.get(k) != null : aside.containsKey(k);
  }

  @Override
  public Object get(Object key) {
    String k = check(key);
    if (!isIdentifier(k)) {
      return aside.get(k);
    }
    Value v = session.get(k);
    return v == null ? null : v.toJava();
  }

  @Override
  public Object remove(Object key) {
    String k = check(key);
    if (!isIdentifier(k)) {
      return aside.remove(k);
    }
    Object old = get(k);
    session.remove(k);
    return old;
  }

  @Override
  public void clear() {
    session.reset();
    aside.clear();
  }

  @Override
  public int size() {
    return session.globalNames().size() + aside.size();
  }

  @Override
  public Set<String> keySet() {
    Set<String> keys = new LinkedHashSet<>(session.globalNames());
    keys.addAll(aside.keySet());
    return keys;
  }

  @Override
  public Collection<Object> values() {
    return snapshot().values();
  }

  private Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : keySet()) {
      m.put(k, get(k));
    }
    return m;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        Iterator<Map.Entry<String, Object>> it = snapshot().entrySet().iterator();
        return new Iterator<>() {
          private String last;

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Map.Entry<String, Object> next() {
            Map.Entry<String, Object> e = it.next();
            last = e.getKey();
            return new SimpleImmutableEntry<>(e);
          }

          @Override
          public void remove() {
            ExpBindings.this.remove(last);
          }
        };
      }

      @Override
      public int size() {
        return ExpBindings.this.size();
      }
    };
  }
}
