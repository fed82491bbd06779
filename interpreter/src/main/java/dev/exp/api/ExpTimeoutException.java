package dev.exp.api;

import java.util.List;

/** The evaluation ran longer than {@link Limits#timeout()} of wall-clock time. */
public final class ExpTimeoutException extends ExpLimitException {
  private static final long serialVersionUID = 1L;

  ExpTimeoutException(String message, List<StackFrame> stack) {
    super(Kind.TIME, message, stack);
  }
}
