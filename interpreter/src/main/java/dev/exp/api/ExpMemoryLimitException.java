package dev.exp.api;

import java.util.List;

/**
 * The evaluation asked for a value larger than {@link Limits#maxValueBytes()} (the message names the
 * size asked for and the budget), or the JVM heap ran out while it ran.
 */
public final class ExpMemoryLimitException extends ExpLimitException {
  private static final long serialVersionUID = 1L;

  ExpMemoryLimitException(String message, List<StackFrame> stack) {
    super(Kind.MEMORY, message, stack);
  }
}
