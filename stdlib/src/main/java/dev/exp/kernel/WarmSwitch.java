package dev.exp.kernel;

/**
 * Scalar first, vector once the session does real work: the choice between a family's scalar loops and
 * its chosen (Vector API) loops. Until the JIT's optimising compiler has compiled them, Vector API loops
 * are far slower than scalar ones (every vector operation an object), and compiling them costs seconds
 * of compiler time on a 2-core machine: a short script never earns that back (measured: an example
 * with a few thousand small learner fits took 14.7 s with vector loops from the start against 9.7 s on
 * scalar loops). So calls run on the scalar loops until about {@link #DEFAULT_WORK} element visits have
 * been counted, then on the chosen ones. Families use this only where the two give bit-identical
 * results, so the switch, even in the middle of a computation, changes nothing but speed.
 *
 * <p>The threshold is {@value #DEFAULT_WORK} visits (about 0.1–0.5 s of scalar work), or the system
 * property {@code exp.vector.warmup} (0: the chosen loops from the start, as benchmarks may want).
 *
 * @param <T> the family's loop type
 */
public final class WarmSwitch<T> {
  /** Element visits on the scalar loops before the chosen loops take over. */
  public static final long DEFAULT_WORK = 1L << 27;

  private final T scalar;
  private final T chosen;
  private final long limit;
  private volatile T current;
  /** Visits counted so far (racy increments are fine: a threshold, not a count). */
  private long work;

  /** A switch from {@code scalar} to {@code chosen} after the configured number of visits. */
  public WarmSwitch(T scalar, T chosen) {
    this(scalar, chosen, configuredWork());
  }

  /** A switch from {@code scalar} to {@code chosen} after {@code limit} visits (0: chosen at once). */
  public WarmSwitch(T scalar, T chosen, long limit) {
    this.scalar = scalar;
    this.chosen = chosen;
    this.limit = limit;
    this.current = limit <= 0 ? chosen : scalar;
  }

  /** The threshold from {@code -Dexp.vector.warmup}, else {@link #DEFAULT_WORK}. */
  public static long configuredWork() {
    String p = System.getProperty("exp.vector.warmup");
    if (p != null) {
      try {
        return Math.max(0, Long.parseLong(p.trim()));
      } catch (NumberFormatException e) {
        return DEFAULT_WORK;
      }
    }
    return DEFAULT_WORK;
  }

  /** The loops in use now, without counting. */
  public T current() {
    return current;
  }

  /** The loops for a call visiting about {@code elements} elements; counts them towards the switch. */
  public T use(long elements) {
    T c = current;
    if (c != chosen && (work += elements) > limit) {
      current = chosen;
    }
    return c;
  }

  /** The loops used after the switch (the scalar loops when no vector loops are available). */
  public T chosen() {
    return chosen;
  }

  /** The scalar reference loops. */
  public T scalar() {
    return scalar;
  }
}
