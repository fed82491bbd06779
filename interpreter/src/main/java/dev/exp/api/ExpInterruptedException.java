package dev.exp.api;

import java.util.List;

/**
 * The evaluation was stopped by {@link Thread#interrupt()} of the thread running it, or by {@link
 * Session#cancel()} (the REPL's Ctrl-C). The interrupt is consumed: the thread's interrupt status is
 * clear afterwards and the session stays usable. {@link #location()} is where the script was.
 */
public final class ExpInterruptedException extends ExpRuntimeException {
  private static final long serialVersionUID = 1L;

  /** Made at the API boundary; {@code stack} is where the script was, innermost first. */
  public ExpInterruptedException(List<StackFrame> stack) {
    super("interrupted", stack, null);
  }
}
