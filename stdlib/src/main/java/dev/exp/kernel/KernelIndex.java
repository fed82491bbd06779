package dev.exp.kernel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every kernel of the standard library without loading a kernel class or reading an annotation: the
 * class {@link #DATA_CLASS} (written by the build from the {@code @Kernel} annotations, checked by a
 * test) holds one {@link KernelSpec#line()} per kernel method. An engine knows every name at once and
 * binds a kernel only when a script first uses it.
 */
public final class KernelIndex {
  private KernelIndex() {}

  /**
   * The generated class whose static {@code String[] lines()} gives the index text in pieces that end
   * at line ends: one {@link KernelSpec#line()} per kernel method, by class in the order of the kernel
   * class list, then by name and signature. A class, not a resource: it is mapped from the start-up
   * archive with the other classes, while the first resource read opens the jar.
   */
  public static final String DATA_CLASS = "dev.exp.kernel.KernelIndexData";

  /** The index text the build wrote, or null when the generated class is missing (a build without it). */
  public static String text() {
    String[] pieces = pieces();
    return pieces == null ? null : String.join("", pieces);
  }

  private static String[] pieces() {
    try {
      return (String[]) Class.forName(DATA_CLASS, true, KernelIndex.class.getClassLoader()).getMethod("lines").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** One kernel method of a name: its class, and its spec (parsed from the index on first use). */
  public static final class Entry {
    private final String className;
    private String line;
    private KernelSpec spec;

    Entry(String className, String line, KernelSpec spec) {
      this.className = className;
      this.line = line;
      this.spec = spec;
    }

    public String className() {
      return className;
    }

    public synchronized KernelSpec spec() {
      if (spec == null) {
        spec = KernelSpec.parse(line);
        line = null;
      }
      return spec;
    }
  }

  /**
   * Kernel name to its methods (more than one for overloads), for the given kernel classes, in class
   * order. Reads the index; classes missing from it (a host's) are indexed from their annotations.
   */
  public static Map<String, List<Entry>> load(List<Class<?>> classes) {
    Set<String> wanted = new HashSet<>();
    for (Class<?> c : classes) {
      wanted.add(c.getName());
    }
    return load(wanted, classes);
  }

  /**
   * Kernel name to its methods for every class of the index (the standard library, without loading
   * any of its classes: an engine binds a class when a script first uses one of its names), then for
   * the {@code extra} classes that the index does not cover (a host's), from their annotations.
   */
  public static Map<String, List<Entry>> loadIndexedAnd(List<Class<?>> extra) {
    return load(null, extra);
  }

  /** {@code wanted}: the index's classes to take, or null for all. */
  private static Map<String, List<Entry>> load(Set<String> wanted, List<Class<?>> classes) {
    Map<String, List<Entry>> out = new LinkedHashMap<>();
    Set<String> indexed = read(wanted, out);
    for (Class<?> c : classes) {
      if (!indexed.contains(c.getName())) {
        for (KernelSpec s : specsOf(c)) {
          out.computeIfAbsent(s.name(), k -> new ArrayList<>(2)).add(new Entry(c.getName(), null, s));
        }
      }
    }
    return out;
  }

  /** The kernels of a class from its annotations: by name, then by Java signature. */
  public static List<KernelSpec> specsOf(Class<?> c) {
    Map<String, List<Method>> byName = new TreeMap<>();
    for (Method m : c.getMethods()) {
      Kernel k = m.getAnnotation(Kernel.class);
      if (k != null) {
        byName.computeIfAbsent(k.name(), x -> new ArrayList<>()).add(m);
      }
    }
    List<KernelSpec> out = new ArrayList<>();
    for (List<Method> ms : byName.values()) {
      ms.sort(Comparator.comparing(Method::toGenericString));
      for (Method m : ms) {
        out.add(KernelSpec.of(m));
      }
    }
    return out;
  }

  /** The index text for a list of kernel classes (what {@link #RESOURCE} must contain). */
  public static String generate(List<Class<?>> classes) {
    StringBuilder sb = new StringBuilder();
    for (Class<?> c : classes) {
      for (KernelSpec s : specsOf(c)) {
        sb.append(s.line()).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Adds the entries of the wanted classes to {@code out} (only the name and class of a line are read
   * now: this runs cold at every start); returns every class the index covers.
   */
  private static Set<String> read(Set<String> wanted, Map<String, List<Entry>> out) {
    Set<String> indexed = new HashSet<>();
    String[] pieces = pieces();
    if (pieces == null) {
      return indexed;
    }
    for (String text : pieces) {
      int start = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        if (end < 0) {
          end = text.length();
        }
        int t1 = text.indexOf('\t', start);
        int t2 = t1 < 0 || t1 > end ? -1 : text.indexOf('\t', t1 + 1);
        if (t2 >= 0 && t2 < end) {
          String cls = text.substring(t1 + 1, t2);
          indexed.add(cls);
          if (wanted == null || wanted.contains(cls)) {
            String name = text.substring(start, t1);
            List<Entry> es = out.get(name);
            if (es == null) {
              es = new ArrayList<>(2);
              out.put(name, es);
            }
            es.add(new Entry(cls, text.substring(start, end), null));
          }
        }
        start = end + 1;
      }
    }
    return indexed;
  }
}
