package dev.exp.api;

import dev.exp.eval.ExpError;

/** Converts evaluator errors to the public exception types. */
final class Errors {
  private Errors() {}

  static ExpRuntimeException convert(ExpError e) {
    java.util.List<StackFrame> frames = dev.exp.eval.ErrorFrames.of(e);
    dev.exp.api.ExpLimitException.Kind kind = dev.exp.eval.ErrorFrames.limitKind(e);
    if (kind != null) {
      return ExpLimitException.of(kind, e.getMessage(), frames);
    }
    if (dev.exp.eval.ErrorFrames.interrupted(e)) {
      return new ExpInterruptedException(frames);
    }
    return new ExpRuntimeException(e.getMessage(), frames, e.getCause() != null ? e.getCause() : e);
  }
}
