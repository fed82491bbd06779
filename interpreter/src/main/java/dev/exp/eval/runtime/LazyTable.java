package dev.exp.eval.runtime;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A name table (the builtins, a namespace's members) whose values may be made on first access: a
 * value implementing {@link Lazy} is replaced by what it resolves to whenever it is read. Names are
 * known without resolving anything ({@link #containsKey}, {@link #keySet}, in name order); iterating
 * the entries (in name order) resolves them all (help, the reference docs). Thread-safe for reading
 * once filled. Hashed, not sorted: an engine fills a thousand names at every start, and only
 * listings need the order.
 */
public final class LazyTable extends AbstractMap<String, Object> {
  /** A value made on first use; {@link #resolve} is called at most once per reader race and must be idempotent. */
  public interface Lazy {
    Object resolve();
  }

  private final HashMap<String, Object> values;

  public LazyTable(Map<String, Object> values) {
    this.values = new HashMap<>(Math.max(16, values.size() * 2));
    this.values.putAll(values);
  }

  @Override
  public Object get(Object key) {
    Object v = values.get(key);
    return v instanceof Lazy l ? l.resolve() : v;
  }

  /** The value without resolving it (a {@link Lazy} stays as it is). */
  public Object raw(String key) {
    return values.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public Object put(String key, Object value) {
    return values.put(key, value);
  }

  @Override
  public Set<String> keySet() {
    return Collections.unmodifiableSet(new TreeSet<>(values.keySet()));
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    Set<Map.Entry<String, Object>> out = new LinkedHashSet<>();
    for (String k : new TreeSet<>(values.keySet())) {
      out.add(new SimpleImmutableEntry<>(k, get(k)));
    }
    return Collections.unmodifiableSet(out);
  }

  @Override
  public int size() {
    return values.size();
  }
}
