package dev.exp.api;

import java.time.Duration;

/**
 * Resource limits for each evaluation ({@link Session#eval}, {@link Session#run}, {@link
 * Session#call}). Each limit ends the script with its own exception carrying the script location:
 * {@link ExpStepLimitException}, {@link ExpCallDepthException}, {@link ExpTimeoutException}; {@code
 * Thread.interrupt()} of the running thread always stops it with {@link ExpInterruptedException}.
 * The session stays usable after any of them.
 *
 * <pre>{@code
 * Limits limits = Limits.DEFAULT.withMaxSteps(10_000_000).withTimeout(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Steps count calls and loop iterations (not the work inside a kernel such as a matrix product).
 * The timeout, cancellation and interruption are checked at every step, at every kernel call and
 * between the blocks or iterations of long kernels.
 *
 * <p>The memory budget bounds the size of any one value an evaluation creates: a tensor (8 bytes
 * per element, 16 complex), a string (2 bytes per character), a list (16 bytes per element), a
 * formatted field's width, the trials of an experiment grid. A request over it stops the script
 * with {@link ExpMemoryLimitException} naming the size asked for, before anything is allocated. (It
 * is a bound per value, not an accounting of the heap: many values under the budget can still fill
 * the heap, and a Java {@code OutOfMemoryError} inside an evaluation is reported as the same
 * exception.)
 *
 * @param maxSteps steps per evaluation ({@code Long.MAX_VALUE}: unlimited)
 * @param maxCallDepth nested calls (script functions, host functions, kernels calling back)
 * @param timeout wall-clock time per evaluation, or null for none
 * @param maxValueBytes the largest value an evaluation may create, in bytes
 */
public record Limits(long maxSteps, int maxCallDepth, Duration timeout, long maxValueBytes) {
  /** A quarter of the JVM's maximum heap: the default {@link #maxValueBytes()}. */
  public static final long DEFAULT_VALUE_BYTES = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);

  /** No step limit, 2000 nested calls, no timeout, values up to a quarter of the maximum heap. */
  public static final Limits DEFAULT = new Limits(Long.MAX_VALUE, 2000, null, DEFAULT_VALUE_BYTES);

  /** Limits with the default memory budget. */
  public Limits(long maxSteps, int maxCallDepth, Duration timeout) {
    this(maxSteps, maxCallDepth, timeout, DEFAULT_VALUE_BYTES);
  }

  public Limits {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
    }
    if (maxCallDepth < 1) {
      throw new IllegalArgumentException("maxCallDepth must be at least 1, got " + maxCallDepth);
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (maxValueBytes < 1024) {
      throw new IllegalArgumentException("maxValueBytes must be at least 1024, got " + maxValueBytes);
    }
  }

  public Limits withMaxSteps(long n) {
    return new Limits(n, maxCallDepth, timeout, maxValueBytes);
  }

  public Limits withMaxCallDepth(int n) {
    return new Limits(maxSteps, n, timeout, maxValueBytes);
  }

  /** A wall-clock limit per evaluation; null removes it. */
  public Limits withTimeout(Duration d) {
    return new Limits(maxSteps, maxCallDepth, d, maxValueBytes);
  }

  /** The memory budget: the largest value (tensor, string, list) an evaluation may create, in bytes. */
  public Limits withMaxValueBytes(long bytes) {
    return new Limits(maxSteps, maxCallDepth, timeout, bytes);
  }
}
