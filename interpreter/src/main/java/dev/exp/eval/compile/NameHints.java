package dev.exp.eval.compile;

import dev.exp.eval.runtime.Namespace;
import dev.exp.kernel.Suggest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** Python's list and dict methods, with what Exp writes instead ({@code $} stands for the value). */
  private static final Map<String, String> METHODS = Map.ofEntries(
      Map.entry("append", "$ += [item] (on a var)"),
      Map.entry("extend", "$ += other (on a var)"),
      Map.entry("pop", "$[-1], then $ = $[0:len($) - 1]"),
      Map.entry("insert", "$ = $[0:i] + [item] + $[i:]"),
      Map.entry("get", "if contains($, k) { $[k] } else { default }"),
      Map.entry("items", "for (k, v) in $ { ... }"),
      Map.entry("update", "$ = {...$, ...other}"),
      Map.entry("copy", "$ itself (values are values: no binding sees a later update)"));

  /** "; there are no methods: write xs += [item] (on a var)" for Python's {@code xs.append(...)}; "" otherwise. */
  static String pythonMethod(String method, String target) {
    String h = METHODS.get(method);
    return h == null ? "" : "; there are no methods: write " + h.replace("$", target);
  }

  /** Names users bring from Python and NumPy, with what Exp writes instead ("=": a whole hint). */
  private static final Map<String, String> FAMILIAR = Map.ofEntries(
      Map.entry("int", "floor(x), round(x) or num(s)"),
      Map.entry("float", "num(s) (numbers are doubles)"),
      Map.entry("True", "true"),
      Map.entry("False", "false"),
      Map.entry("None", "none"),
      Map.entry("null", "none"),
      Map.entry("np", "=the tensor functions are global: zeros(3), sum(x), linalg.solve(A, b)"),
      Map.entry("numpy", "=the tensor functions are global: zeros(3), sum(x), linalg.solve(A, b)"),
      Map.entry("math", "=the math functions are global: sqrt(x), exp(x), log(x), pi"),
      Map.entry("append", "xs + [x] (lists are values)"),
      Map.entry("println", "print"),
      Map.entry("printf", "print(\"x = {x:.3f}\")"),
      Map.entry("length", "len"),
      Map.entry("size", "len(x), or x.size for a tensor's element count"),
      Map.entry("array", "a literal [1, 2, 3] or tensor(xs)"));

  /**
   * What follows "undefined name 'x'": a Python/NumPy spelling's replacement, else the namespace
   * that has a member of exactly that name ({@code inv} is {@code linalg.inv}), else the closest of
   * {@code visible} (for a call's callee, no builtin namespace: it cannot be called), else "".
   */
  static String undefined(String name, Set<String> visible, Map<String, Object> builtins, Set<String> programGlobals,
      boolean called) {
    String hint = familiar(name);
    if (!hint.isEmpty()) {
      return hint;
    }
    hint = memberElsewhere(builtins, name, null);
    if (!hint.isEmpty()) {
      return hint;
    }
    if (called) {
      visible.removeIf(n -> builtins.get(n) instanceof Namespace && !programGlobals.contains(n));
    }
    return Suggest.didYouMean(name, visible);
  }

  /** "; write ... instead" for a name familiar from Python or NumPy that Exp spells differently; "" otherwise. */
  static String familiar(String name) {
    String v = FAMILIAR.get(name);
    return v == null ? "" : v.startsWith("=") ? "; " + v.substring(1) : "; write " + v + " instead";
  }
}
