package dev.exp.eval;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The global bindings of one session: top-level definitions and host-provided values. */
public final class Globals {
  private final Map<String, GlobalVar> vars = new LinkedHashMap<>();

  GlobalVar get(String name) {
    return vars.get(name);
  }

  GlobalVar declare(String name, boolean mutable) {
    GlobalVar g = vars.computeIfAbsent(name, n -> new GlobalVar(n, mutable));
    g.mutable = mutable;
    return g;
  }

  /** Defines (or redefines) a global from the host side. */
  public void put(String name, Object value) {
    GlobalVar g = declare(name, true);
    g.value = value;
    g.defined = true;
  }

  /** The value of a defined global, or null. */
  public Object value(String name) {
    GlobalVar g = vars.get(name);
    return g == null || !g.defined ? null : g.value;
  }

  public boolean isDefined(String name) {
    GlobalVar g = vars.get(name);
    return g != null && g.defined;
  }

  public void remove(String name) {
    vars.remove(name);
  }

  public Collection<String> names() {
    return vars.keySet();
  }

  public void clear() {
    vars.clear();
  }
}
