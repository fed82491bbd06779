package dev.exp.eval.runtime;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The global bindings of one session: top-level definitions and host-provided values. */
public final class Globals {
  private final Map<String, GlobalVar> vars = new LinkedHashMap<>();
  private long version;

  public GlobalVar get(String name) {
    return vars.get(name);
  }

  public GlobalVar declare(String name, boolean mutable) {
    GlobalVar g = vars.get(name);
    if (g == null) {
      g = new GlobalVar(name, mutable);
      vars.put(name, g);
      version++;
    } else if (g.mutable != mutable) {
      g.mutable = mutable;
      version++;
    }
    return g;
  }

  /** Defines (or redefines) a global from the host side. */
  public void put(String name, Object value) {
    GlobalVar g = declare(name, true);
    g.value = value;
    g.defined = true;
  }

  /**
   * The value of a defined global, or null. The host may keep it, so the global stops owning it:
   * the script's next element update copies instead of writing where the host can see.
   */
  public Object value(String name) {
    GlobalVar g = vars.get(name);
    if (g == null || !g.defined) {
      return null;
    }
    g.owned = null;
    return g.value();
  }

  public boolean isDefined(String name) {
    GlobalVar g = vars.get(name);
    return g != null && g.defined;
  }

  public void remove(String name) {
    if (vars.remove(name) != null) {
      version++;
    }
  }

  public Collection<String> names() {
    return vars.keySet();
  }

  public void clear() {
    vars.clear();
    version++;
  }

  /**
   * Changes whenever a name is added or removed. Code compiled against these globals stays valid
   * (same cells, same resolution of every name) while the version is unchanged.
   */
  public long version() {
    return version;
  }
}
