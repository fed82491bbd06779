package dev.exp.api;

import java.util.List;

/**
 * Calls nested deeper than {@link Limits#maxCallDepth()}, or deeper than the Java stack of the running
 * thread allows: usually unbounded recursion. No {@link StackOverflowError} escapes a script.
 */
public final class ExpCallDepthException extends ExpLimitException {
  private static final long serialVersionUID = 1L;

  ExpCallDepthException(String message, List<StackFrame> stack) {
    super(Kind.CALL_DEPTH, message, stack);
  }
}
