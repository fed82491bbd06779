package dev.exp.api;

import java.util.List;

/** A script was stopped by a limit: steps, call depth or wall-clock time. */
public final class ExpLimitException extends ExpRuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which limit was hit. */
  public enum Kind { STEPS, CALL_DEPTH, TIME }

  private final Kind kind;

  public ExpLimitException(Kind kind, String message, List<StackFrame> stack) {
    super(message, stack, null);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
