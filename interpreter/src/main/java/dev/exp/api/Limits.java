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
 * <p>Steps count calls and loop iterations (not the work inside a kernel such as a matrix product);
 * the timeout and interruption are checked at least every 1024 steps and between experiment trials.
 *
 * @param maxSteps steps per evaluation ({@code Long.MAX_VALUE}: unlimited)
 * @param maxCallDepth nested calls (script functions, host functions, kernels calling back)
 * @param timeout wall-clock time per evaluation, or null for none
 */
public record Limits(long maxSteps, int maxCallDepth, Duration timeout) {
  /** No step limit, 2000 nested calls, no timeout. */
  public static final Limits DEFAULT = new Limits(Long.MAX_VALUE, 2000, null);

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
  }

  public Limits withMaxSteps(long n) {
    return new Limits(n, maxCallDepth, timeout);
  }

  public Limits withMaxCallDepth(int n) {
    return new Limits(maxSteps, n, timeout);
  }

  /** A wall-clock limit per evaluation; null removes it. */
  public Limits withTimeout(Duration d) {
    return new Limits(maxSteps, maxCallDepth, d);
  }
}
