package dev.exp.api;

import dev.exp.eval.ExpError;

/** Converts evaluator errors to the public exception types. */
final class Errors {
  private Errors() {}

  /** The public exception for {@code e}; {@code source} (may be null) supplies the failing line's text. */
  static ExpRuntimeException convert(ExpError e, Source source) {
    java.util.List<StackFrame> frames = dev.exp.eval.ErrorFrames.of(e);
    dev.exp.api.ExpLimitException.Kind kind = dev.exp.eval.ErrorFrames.limitKind(e);
    ExpRuntimeException x;
    if (kind != null) {
      x = ExpLimitException.of(kind, e.getMessage(), frames);
    } else if (dev.exp.eval.ErrorFrames.interrupted(e)) {
      Thread.interrupted();   // consumed: the session stays usable on this thread
      x = new ExpInterruptedException(frames);
    } else {
      x = new ExpRuntimeException(e.getMessage(), frames, e.getCause() != null ? e.getCause() : e);
    }
    if (source != null && !frames.isEmpty()) {
      StackFrame top = frames.get(0);
      if (source.name().equals(top.file()) && top.line() > 0) {
        x.attachSourceLine(source.line(top.line()));
      }
    }
    return x;
  }
}
