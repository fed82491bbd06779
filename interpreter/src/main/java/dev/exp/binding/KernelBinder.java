package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.LazyTable;
import dev.exp.eval.runtime.Namespace;
import dev.exp.kernel.KernelIndex;
import dev.exp.kernel.KernelSpec;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Script name to value (a function or a namespace) for the standard library's kernels and then
   * a host's {@code hostClasses}; kernel values are bound on first access, and a library kernel
   * class is loaded only then (an engine loads none of the ~200 at start-up).
   */
  public static Map<String, Object> bind(List<Class<?>> hostClasses, Map<String, String> namespaceDocs) {
    Map<String, List<KernelIndex.Entry>> index = KernelIndex.loadIndexedAnd(hostClasses);
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    for (Class<?> c : hostClasses) {
      byName.put(c.getName(), c);
    }
    Classes bound = new Classes(byName);
    Map<String, Object> globals = new HashMap<>(512);   // LazyTable keeps them; it sorts only for listings
    Map<String, Map<String, Object>> namespaces = new HashMap<>(64);
    for (Map.Entry<String, List<KernelIndex.Entry>> e : index.entrySet()) {
      String name = e.getKey();
      Object fn = new LazyKernel(name, e.getValue(), bound);
      int dot = name.indexOf('.');
      if (dot < 0) {
        globals.put(name, fn);
      } else {
        namespaces.computeIfAbsent(name.substring(0, dot), n -> new HashMap<>()).put(name.substring(dot + 1), fn);
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : namespaces.entrySet()) {
      globals.put(e.getKey(), new Namespace(e.getKey(), namespaceDocs.getOrDefault(e.getKey(), ""),
          new LazyTable(e.getValue())));
    }
    return globals;
  }

  /**
   * The kernel methods, bound one name at a time on first use (thread-safe) from their index entries:
   * no annotation is read, and only the methods of a name a script uses get their converters and
   * adapters (the first {@code sqrt} binds {@code sqrt}, not the other 60 element-wise kernels).
   */
  static final class Classes {
    private final Map<String, Class<?>> classes;
    /** Per class: its public methods (looked up once). */
    private final Map<String, Method[]> methods = new ConcurrentHashMap<>();
    private final Map<Method, KernelFunction> functions = new ConcurrentHashMap<>();

    Classes(Map<String, Class<?>> classes) {
      this.classes = classes;
    }

    private Method method(KernelSpec spec) {
      for (Method m : methods.computeIfAbsent(spec.className(), n -> kernelClass(n).getMethods())) {
        if (spec.describes(m)) {
          return m;
        }
      }
      throw new IllegalStateException("kernel index out of date: " + spec.name() + " is not "
          + spec.className() + "." + spec.method() + " (rebuild: the build writes the index)");
    }

    /** A host's class as given, or a library class by name (loaded now, by the library's loader). */
    private Class<?> kernelClass(String name) {
      Class<?> c = classes.get(name);
      if (c != null) {
        return c;
      }
      try {
        return Class.forName(name, true, KernelIndex.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("kernel index out of date: no class " + name
            + " (rebuild: the build writes the index)", e);
      }
    }

    /** The callable for a name (one kernel or overloads, in index order). */
    Callable resolve(String name, List<KernelIndex.Entry> entries) {
      List<KernelFunction> found = new ArrayList<>();
      for (KernelIndex.Entry e : entries) {
        KernelSpec spec = e.spec();
        found.add(functions.computeIfAbsent(method(spec), m -> new KernelFunction(m, spec)));
      }
      if (found.isEmpty()) {
        throw new IllegalStateException("no kernel " + name);
      }
      return found.size() == 1 ? found.get(0) : new Overloads(name, found);
    }
  }
}
