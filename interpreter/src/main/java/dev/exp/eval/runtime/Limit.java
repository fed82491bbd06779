package dev.exp.eval.runtime;

/**
 * Which session limit stopped a script. The embedding API reports it as the matching {@code
 * ExpLimitException} subclass.
 */
public enum Limit {
  /** The step budget: calls and loop iterations. */
  STEPS,
  /** The call-depth limit, or the Java stack of the running thread. */
  CALL_DEPTH,
  /** The wall-clock deadline. */
  TIME,
  /** A value larger than the memory budget, or the heap ran out. */
  MEMORY
}
