package dev.exp.eval.runtime;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A named group of functions: {@code linalg}, {@code attention}, or an imported script. Member names
 * are known without binding anything; a member's kernel is bound the first time it is read (see
 * {@link LazyTable}).
 */
public final class Namespace implements dev.exp.kernel.Describable {
  @Override
  public String description() {
    return "the namespace " + name;
  }

  private final String name;
  private final String doc;
  private final Map<String, Object> members;

  public Namespace(String name, String doc, Map<String, Object> members) {
    this.name = name;
    this.doc = doc;
    this.members = members;
  }

  public String name() {
    return name;
  }

  public String doc() {
    return doc;
  }

  public Object member(String key) {
    return members.get(key);
  }

  public boolean has(String key) {
    return members.containsKey(key);
  }

  /** Member names (binds nothing). */
  public Set<String> memberNames() {
    return members.keySet();
  }

  /** All members, bound. */
  public Map<String, Object> members() {
    return new TreeMap<>(members);
  }

  @Override
  public String toString() {
    return "<namespace " + name + ">";
  }
}
