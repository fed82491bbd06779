package dev.exp.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.Stdlib;
import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.random.Rng;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registered kernel follows the binding conventions of the common brief. */
class KernelRegistryTest {
  static final Set<Class<?>> PARAM_TYPES = Set.of(Tensor.class, double.class, int.class, long.class, boolean.class,
      String.class, Double.class, Integer.class, Boolean.class, int[].class, List.class, Map.class, Object.class,
      Fn.class, Rng.class, Axes.class, dev.exp.table.Table.class, dev.exp.plot.Figure.class);
  /** Library values (core v2 value contract): script objects, operators and models, and their implementations. */
  static final List<Class<?>> LIBRARY_VALUES = List.of(dev.exp.kernel.ScriptObject.class,
      dev.exp.linalg.LinearOperator.class, dev.exp.learn.Model.class);

  @Test
  void kernelsAreWellFormed() {
    Set<String> seen = new HashSet<>();
    int count = 0;
    for (Class<?> c : Stdlib.kernelClasses()) {
      String pkg = c.getPackageName().substring("dev.exp.".length());
      for (Method m : c.getDeclaredMethods()) {
        Kernel k = m.getAnnotation(Kernel.class);
        if (k == null) {
          continue;
        }
        count++;
        String where = c.getSimpleName() + "." + m.getName();
        assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), where);
        assertTrue(k.name().matches("([a-z][a-z0-9_]*\\.)?[a-z][a-z0-9_]*"), where + ": " + k.name());
        if (pkg.equals("tensor")) {
          assertFalse(k.name().contains("."), where + ": core tensor functions are globals");
        } else if (Stdlib.namespaces().containsKey(pkg) && k.name().contains(".")) {
          assertTrue(k.name().startsWith(pkg + "."), where + ": kernels of package " + pkg + " live in namespace " + pkg);
        }
        assertTrue(k.doc().length() > 8 && k.doc().contains("."), where + " needs a doc text");
        Parameter[] ps = m.getParameters();
        for (Parameter p : ps) {
          Arg a = p.getAnnotation(Arg.class);
          if (p.getType() == dev.exp.kernel.KernelContext.class) {
            assertTrue(a == null, where + ": the KernelContext parameter takes no @Arg (scripts do not see it)");
            continue;
          }
          assertNotNull(a, where + ": parameter without @Arg");
          assertTrue(PARAM_TYPES.contains(p.getType()) || LIBRARY_VALUES.stream().anyMatch(t -> t.isAssignableFrom(p.getType())),
              where + ": parameter type " + p.getType());
          if (p.getType() == Rng.class) {
            assertEquals("seed", a.value(), where);
            assertEquals("none", a.dflt(), where);
          }
          if (p.getType().isPrimitive() && !a.dflt().equals(Arg.REQUIRED)) {
            assertFalse(a.dflt().equals("none"), where + ": primitive parameter with default none");
          }
        }
        String first = ps.length == 0 ? "" : ps[0].getType().getName();
        assertTrue(seen.add(k.name() + "/" + first), where + ": duplicate kernel " + k.name());
      }
    }
    assertTrue(count > 80, "found " + count + " kernels");
  }
}
