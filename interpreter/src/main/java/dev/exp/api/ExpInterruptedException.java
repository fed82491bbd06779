package dev.exp.api;

import java.util.List;

/** The thread running a script was interrupted (or the REPL user pressed Ctrl-C). */
public final class ExpInterruptedException extends ExpRuntimeException {
  private static final long serialVersionUID = 1L;

  public ExpInterruptedException(List<StackFrame> stack) {
    super("interrupted", stack, null);
  }
}
