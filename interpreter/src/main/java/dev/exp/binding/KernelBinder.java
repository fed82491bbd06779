package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.LazyTable;
import dev.exp.eval.runtime.Namespace;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelIndex;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns annotated kernel classes into script values, once per engine: globals for plain names,
 * {@link Namespace}s for {@code ns.member} names; kernels sharing a name become overloads.
 *
 * <p>Binding is lazy: every name is known up front from the {@link KernelIndex} (no class is loaded),
 * and a kernel class is reflected on and its {@code MethodHandle} adapters made the first time a
 * script (or the compiler resolving it) uses one of its names. {@code exp -e 1} binds nothing.
 */
public final class KernelBinder {
  private KernelBinder() {}

  /** Script name to value (a function or a namespace); kernel values are bound on first access. */
  public static Map<String, Object> bind(List<Class<?>> classes, Map<String, String> namespaceDocs) {
    Map<String, List<String>> index = KernelIndex.load(classes);
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> c : classes) {
      byName.put(c.getName(), c);
    }
    Classes bound = new Classes(byName);
    Map<String, Object> globals = new TreeMap<>();
    Map<String, Map<String, Object>> namespaces = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : index.entrySet()) {
      String name = e.getKey();
      Object fn = new LazyKernel(name, e.getValue(), bound);
      int dot = name.indexOf('.');
      if (dot < 0) {
        globals.put(name, fn);
      } else {
        namespaces.computeIfAbsent(name.substring(0, dot), n -> new TreeMap<>()).put(name.substring(dot + 1), fn);
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : namespaces.entrySet()) {
      globals.put(e.getKey(), new Namespace(e.getKey(), namespaceDocs.getOrDefault(e.getKey(), ""),
          new LazyTable(e.getValue())));
    }
    return globals;
  }

  /**
   * The kernels of each class, bound one name at a time on first use (thread-safe): a class's methods
   * are scanned once for their {@code @Kernel} names, and only the methods of a name a script uses
   * get their converters and adapters (the first {@code sqrt} binds {@code sqrt}, not the other 60
   * element-wise kernels).
   */
  static final class Classes {
    private final Map<String, Class<?>> classes;
    /** Per class: kernel name to its methods, in a fixed order (by signature text). */
    private final Map<String, Map<String, List<Method>>> methods = new ConcurrentHashMap<>();
    private final Map<Method, KernelFunction> functions = new ConcurrentHashMap<>();

    Classes(Map<String, Class<?>> classes) {
      this.classes = classes;
    }

    private Map<String, List<Method>> methodsOf(String className) {
      return methods.computeIfAbsent(className, n -> {
        Map<String, List<Method>> byName = new HashMap<>();
        for (Method m : classes.get(n).getMethods()) {
          Kernel k = m.getAnnotation(Kernel.class);
          if (k != null) {
            byName.computeIfAbsent(k.name(), x -> new ArrayList<>()).add(m);
          }
        }
        for (List<Method> ms : byName.values()) {
          ms.sort(Comparator.comparing(Method::toGenericString));
        }
        return byName;
      });
    }

    /** The callable for a name defined by the given classes (one kernel or overloads). */
    Callable resolve(String name, List<String> classNames) {
      List<KernelFunction> found = new ArrayList<>();
      for (String c : classNames) {
        for (Method m : methodsOf(c).getOrDefault(name, List.of())) {
          found.add(functions.computeIfAbsent(m, KernelFunction::new));
        }
      }
      if (found.isEmpty()) {
        throw new IllegalStateException("kernel index out of date: " + name + " is not in " + classNames
            + " (regenerate it: see KernelIndexTest)");
      }
      return found.size() == 1 ? found.get(0) : new Overloads(name, found);
    }
  }
}
