package dev.exp.kernel;

/**
 * A script function handed to a kernel (for example the objective of a solver or the function of
 * {@code map}). Arguments and results use the Java side of the value mapping: {@code Double},
 * {@code Boolean}, {@code String}, {@code null} for none, {@link dev.exp.tensor.Tensor},
 * {@code java.util.List} and {@code java.util.Map} (records).
 */
@FunctionalInterface
public interface Fn {
  Object call(Object... args);

  /** Calls the function and requires a number back. */
  default double callDouble(Object... args) {
    Object r = call(args);
    if (r instanceof Number n) {
      return n.doubleValue();
    }
    if (r instanceof dev.exp.tensor.Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw new KernelException("expected the function to return a number, got " + Values.describe(r));
  }
}
