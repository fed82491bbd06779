package dev.exp.kernel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * What binding one kernel method needs, as plain data: its script name, where it is (class, method,
 * parameter types) and, per Java parameter, the script name and default of its {@link Arg} (null for
 * the {@link KernelContext} parameter), plus {@link Kernel#needs()} and {@link Kernel#scalar()}. The
 * build writes these into the {@link KernelIndex}, so binding a kernel at run time reads no annotation:
 * on JDK 17 the first annotation read of a process costs tens of milliseconds (the JDK generates
 * proxy classes for the annotation types). The documentation text stays in the annotation, read
 * only by {@code help}.
 */
public record KernelSpec(String name, String className, String method, String[] paramTypes, String[] args,
    String[] defaults, String[] needs, boolean scalar) {

  /** Prefix of an argument name in {@link #args} that is named only ({@link Arg#named()}). */
  public static final String NAMED = "~";

  /** The spec of an annotated method, from its annotations. */
  public static KernelSpec of(Method m) {
    Kernel k = m.getAnnotation(Kernel.class);
    Class<?>[] types = m.getParameterTypes();
    java.lang.annotation.Annotation[][] annotations = m.getParameterAnnotations();
    String[] typeNames = new String[types.length];
    String[] args = new String[types.length];
    String[] defaults = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      typeNames[i] = types[i].getTypeName();
      for (java.lang.annotation.Annotation a : annotations[i]) {
        if (a instanceof Arg arg) {
          args[i] = (arg.named() ? NAMED : "") + arg.value();
          defaults[i] = arg.dflt();
        }
      }
    }
    return new KernelSpec(k.name(), m.getDeclaringClass().getName(), m.getName(), typeNames, args, defaults,
        k.needs(), k.scalar());
  }

  /** Whether {@code m} is the method this spec describes (same name and parameter types). */
  public boolean describes(Method m) {
    if (!m.getName().equals(method) || m.getParameterCount() != paramTypes.length) {
      return false;
    }
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (!types[i].getTypeName().equals(paramTypes[i])) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- one line of the index

  private static final char FIELD = '\t';
  private static final char ITEM = '\u001f';

  /**
   * {@code name TAB class TAB method TAB types TAB needs TAB scalar TAB args}: types and needs are lists
   * of items, args one item per Java parameter ({@code *} for the context, {@code name} when required,
   * {@code name=default} otherwise); items are separated by U+001F, which no name or literal contains.
   */
  public String line() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(FIELD).append(className).append(FIELD).append(method).append(FIELD);
    join(sb, paramTypes);
    sb.append(FIELD);
    join(sb, needs);
    sb.append(FIELD).append(scalar ? '1' : '0').append(FIELD);
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        sb.append(ITEM);
      }
      if (args[i] == null) {
        sb.append('*');
      } else {
        sb.append(args[i]);
        if (!Arg.REQUIRED.equals(defaults[i])) {
          sb.append('=').append(defaults[i]);
        }
      }
    }
    return sb.toString();
  }

  /** Reads a {@link #line()}. */
  public static KernelSpec parse(String line) {
    List<String> f = split(line, FIELD);
    if (f.size() != 7) {
      throw new IllegalArgumentException("malformed kernel index line: " + line);
    }
    String[] types = items(f.get(3));
    String[] argItems = types.length == 0 ? new String[0] : split(f.get(6), ITEM).toArray(new String[0]);
    String[] args = new String[argItems.length];
    String[] defaults = new String[argItems.length];
    for (int i = 0; i < argItems.length; i++) {
      String a = argItems[i];
      if (a.equals("*")) {
        continue;
      }
      int eq = a.indexOf('=');
      args[i] = eq < 0 ? a : a.substring(0, eq);
      defaults[i] = eq < 0 ? Arg.REQUIRED : a.substring(eq + 1);
    }
    return new KernelSpec(f.get(0), f.get(1), f.get(2), types, args, defaults, items(f.get(4)), f.get(5).equals("1"));
  }

  private static void join(StringBuilder sb, String[] items) {
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        sb.append(ITEM);
      }
      sb.append(items[i]);
    }
  }

  private static String[] items(String field) {
    return field.isEmpty() ? new String[0] : split(field, ITEM).toArray(new String[0]);
  }

  private static List<String> split(String s, char sep) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == sep) {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }
}
