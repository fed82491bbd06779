package dev.exp.api;

import java.util.List;

/** The script ran more steps (calls and loop iterations) than {@link Limits#maxSteps()} allows. */
public final class ExpStepLimitException extends ExpLimitException {
  private static final long serialVersionUID = 1L;

  ExpStepLimitException(String message, List<StackFrame> stack) {
    super(Kind.STEPS, message, stack);
  }
}
