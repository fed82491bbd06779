package dev.exp.api;

import java.util.List;

/**
 * A script was stopped by one of the engine's {@link Limits}. Catch a subclass for one limit: {@link
 * ExpStepLimitException}, {@link ExpCallDepthException}, {@link ExpTimeoutException}. {@link
 * #location()} is where the script was when it was stopped. The session stays usable.
 */
public abstract class ExpLimitException extends ExpRuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which limit was hit. */
  public enum Kind {
    /** {@link Limits#maxSteps()}: calls and loop iterations. */
    STEPS,
    /** {@link Limits#maxCallDepth()}, or the Java stack of the running thread. */
    CALL_DEPTH,
    /** {@link Limits#timeout()}: wall-clock time. */
    TIME,
    /** {@link Limits#maxValueBytes()}: a value larger than the memory budget, or the heap ran out. */
    MEMORY
  }

  private final Kind kind;

  ExpLimitException(Kind kind, String message, List<StackFrame> stack) {
    super(message, stack, null);
    this.kind = kind;
  }

  /** Which limit stopped the script. */
  public Kind kind() {
    return kind;
  }

  static ExpLimitException of(Kind kind, String message, List<StackFrame> stack) {
    return switch (kind) {
      case STEPS -> new ExpStepLimitException(message, stack);
      case CALL_DEPTH -> new ExpCallDepthException(message, stack);
      case TIME -> new ExpTimeoutException(message, stack);
      case MEMORY -> new ExpMemoryLimitException(message, stack);
    };
  }
}
