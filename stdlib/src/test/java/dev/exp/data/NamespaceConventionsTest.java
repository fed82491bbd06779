package dev.exp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.Stdlib;
import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.random.Rng;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The data and metrics kernels are registered, namespaced, documented with an example, and bind seeds. */
class NamespaceConventionsTest {
  @Test
  void dataAndMetricsKernelsFollowTheConventions() {
    Set<String> names = new HashSet<>();
    for (Class<?> c : Stdlib.kernelClasses()) {
      String pkg = c.getPackageName();
      if (!pkg.equals("dev.exp.data") && !pkg.equals("dev.exp.metrics")) {
        continue;
      }
      String ns = pkg.substring("dev.exp.".length()) + ".";
      for (Method m : c.getDeclaredMethods()) {
        Kernel k = m.getAnnotation(Kernel.class);
        if (k == null) {
          continue;
        }
        String where = c.getSimpleName() + "." + m.getName();
        assertTrue(Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()), where);
        assertTrue(k.name().startsWith(ns) && k.name().matches("[a-z]+\\.[a-z][a-z0-9_]*"), where + ": " + k.name());
        assertTrue(k.doc().contains("Example:"), where + " needs an example");
        assertTrue(names.add(k.name()), "duplicate " + k.name());
        for (Parameter p : m.getParameters()) {
          Arg a = p.getAnnotation(Arg.class);
          assertNotNull(a, where + ": parameter without @Arg");
          if (p.getType() == Rng.class) {
            assertEquals("seed", a.value(), where);
            assertEquals("none", a.dflt(), where);
          }
          if (p.getType().isPrimitive()) {
            assertTrue(!a.dflt().equals("none"), where + ": primitive parameter with default none");
          }
        }
      }
    }
    assertTrue(names.containsAll(Set.of("data.markov", "data.markov_sample", "data.stationary", "data.entropy_rate",
        "data.flip_source", "data.kgram", "data.kgram_predict", "data.markov_conditional", "data.icl_regression",
        "data.icl_tokens", "data.parity", "data.associative_recall", "metrics.cross_entropy", "metrics.kl",
        "metrics.entropy", "metrics.perplexity", "metrics.mse", "metrics.accuracy")), names.toString());
    assertTrue(Stdlib.namespaces().containsKey("data") && Stdlib.namespaces().containsKey("metrics"));
  }
}
