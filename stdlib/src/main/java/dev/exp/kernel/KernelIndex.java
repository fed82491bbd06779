package dev.exp.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which class defines each kernel name, without loading the classes: read from the resource {@link
 * #RESOURCE} (generated from the {@code @Kernel} annotations and checked by a test), so an engine can
 * know every name at once and bind a class's kernels only when a script first uses one of them.
 */
public final class KernelIndex {
  private KernelIndex() {}

  /** Lines of {@code name<TAB>class}, in the order of the kernel class list. */
  public static final String RESOURCE = "/dev/exp/kernels.idx";

  /**
   * Kernel name to the classes defining it (more than one for overloads across classes), for the given
   * kernel classes. Reads the index; classes missing from it are indexed by reflection.
   */
  public static Map<String, List<String>> load(List<Class<?>> classes) {
    Map<String, List<String>> fromResource = read();
    Set<String> wanted = new HashSet<>();
    for (Class<?> c : classes) {
      wanted.add(c.getName());
    }
    // one pass over the index (run once per engine, cold: no scan of the index per class)
    Map<String, List<String>> out = new LinkedHashMap<>();
    Set<String> indexed = new HashSet<>();
    for (Map.Entry<String, List<String>> e : fromResource.entrySet()) {
      List<String> defining = null;
      for (String c : e.getValue()) {
        indexed.add(c);
        if (wanted.contains(c)) {
          if (defining == null) {
            defining = new ArrayList<>(2);
          }
          defining.add(c);
        }
      }
      if (defining != null) {
        out.put(e.getKey(), defining);
      }
    }
    for (Class<?> c : classes) {
      if (!indexed.contains(c.getName())) {
        for (String name : namesOf(c)) {
          out.computeIfAbsent(name, k -> new ArrayList<>()).add(c.getName());
        }
      }
    }
    return out;
  }

  /** The kernel names a class defines, by reflection (sorted, each once). */
  public static List<String> namesOf(Class<?> c) {
    TreeSet<String> names = new TreeSet<>();
    for (Method m : c.getMethods()) {
      Kernel k = m.getAnnotation(Kernel.class);
      if (k != null) {
        names.add(k.name());
      }
    }
    return new ArrayList<>(names);
  }

  /** The index text for a list of kernel classes (what {@link #RESOURCE} must contain). */
  public static String generate(List<Class<?>> classes) {
    StringBuilder sb = new StringBuilder();
    for (Class<?> c : classes) {
      for (String name : namesOf(c)) {
        sb.append(name).append('\t').append(c.getName()).append('\n');
      }
    }
    return sb.toString();
  }

  private static Map<String, List<String>> read() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (InputStream in = KernelIndex.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          out.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      return new LinkedHashMap<>();
    }
    return out;
  }
}
