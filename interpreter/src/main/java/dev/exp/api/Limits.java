package dev.exp.api;

import java.time.Duration;

/**
 * Resource limits for running scripts. Steps count calls and loop iterations; the call depth bounds
 * recursion; the timeout is wall-clock time per evaluation. {@code Thread.interrupt()} always stops a
 * running script.
 *
 * @param maxSteps steps per evaluation ({@code Long.MAX_VALUE}: unlimited)
 * @param maxCallDepth nested calls
 * @param timeout wall-clock time per evaluation, or null for none
 */
public record Limits(long maxSteps, int maxCallDepth, Duration timeout) {
  public static final Limits DEFAULT = new Limits(Long.MAX_VALUE, 2000, null);

  public Limits withMaxSteps(long n) {
    return new Limits(n, maxCallDepth, timeout);
  }

  public Limits withMaxCallDepth(int n) {
    return new Limits(maxSteps, n, timeout);
  }

  public Limits withTimeout(Duration d) {
    return new Limits(maxSteps, maxCallDepth, d);
  }
}
