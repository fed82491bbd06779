package dev.exp.binding;

import dev.exp.eval.Callable;
import dev.exp.eval.Namespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns annotated kernel classes into script values, once per engine: globals for plain names,
 * {@link Namespace}s for {@code ns.member} names; kernels sharing a name become overloads.
 */
public final class KernelBinder {
  private KernelBinder() {}

  /** Script name to value (a function or a namespace). */
  public static Map<String, Object> bind(List<Class<?>> classes, Map<String, String> namespaceDocs) {
    Map<String, List<KernelFunction>> byName = new LinkedHashMap<>();
    for (Class<?> c : classes) {
      for (KernelFunction k : KernelFunction.of(c)) {
        byName.computeIfAbsent(k.name(), n -> new ArrayList<>()).add(k);
      }
    }
    Map<String, Object> globals = new TreeMap<>();
    Map<String, Map<String, Object>> namespaces = new TreeMap<>();
    for (Map.Entry<String, List<KernelFunction>> e : byName.entrySet()) {
      Callable fn = e.getValue().size() == 1 ? e.getValue().get(0) : new Overloads(e.getKey(), e.getValue());
      String name = e.getKey();
      int dot = name.indexOf('.');
      if (dot < 0) {
        globals.put(name, fn);
      } else {
        namespaces.computeIfAbsent(name.substring(0, dot), n -> new TreeMap<>()).put(name.substring(dot + 1), fn);
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : namespaces.entrySet()) {
      globals.put(e.getKey(), new Namespace(e.getKey(), namespaceDocs.getOrDefault(e.getKey(), ""), e.getValue()));
    }
    return globals;
  }
}
