package dev.exp.kernel;

/**
 * Loads the Vector API implementation of a family of loops, or says there is none. Every family
 * (tensor loops, solver loops, distance kernels, learner dots) has a scalar reference and a vector
 * class that is only ever loaded by reflection, so a JVM without {@code jdk.incubator.vector} never
 * links it. The vector class is used when the module is in the boot layer and the system property
 * {@code exp.vector} is not {@code false}.
 */
public final class VectorImpl {
  private VectorImpl() {}

  /** Whether vector implementations may be used: the module is present and not disabled. */
  public static boolean enabled() {
    return !"false".equalsIgnoreCase(System.getProperty("exp.vector", "true")) && modulePresent();
  }

  /** Whether {@code jdk.incubator.vector} is in the boot layer. */
  public static boolean modulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /**
   * A new instance of {@code className} (a subtype of {@code type} with a no-argument constructor),
   * or null when the module is absent or the class cannot load or be made here.
   */
  public static <T> T load(Class<T> type, String className) {
    try {
      if (!modulePresent()) {
        return null;
      }
      // the vector classes and their constructors are package-private to their families
      java.lang.reflect.Constructor<?> c = Class.forName(className).getDeclaredConstructor();
      c.setAccessible(true);
      return type.cast(c.newInstance());
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }
}
