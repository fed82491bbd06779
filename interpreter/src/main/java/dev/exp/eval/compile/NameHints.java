package dev.exp.eval.compile;

import dev.exp.eval.runtime.Namespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Hints for names that do not resolve, beyond spelling: the namespace that does have the member. */
final class NameHints {
  private NameHints() {}

  /**
   * "; did you mean 'sparse.poisson2d'?" when a builtin namespace other than {@code except} has a
   * member named {@code name} (the user picked the wrong namespace, or none); "" otherwise.
   */
  static String memberElsewhere(Map<String, Object> builtins, String name, String except) {
    List<String> found = new ArrayList<>();
    for (Object v : builtins.values()) {
      if (v instanceof Namespace ns && !ns.name().equals(except) && ns.has(name)) {
        found.add(ns.name() + "." + name);
      }
    }
    Collections.sort(found);
    return found.isEmpty() ? "" : "; did you mean '" + String.join("' or '", found) + "'?";
  }
}
