package dev.exp.api;

import dev.exp.eval.runtime.ErrorFrames;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Limit;
import dev.exp.eval.runtime.ScriptFrame;
import dev.exp.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Converts evaluator errors to the public exception types. */
final class Errors {
  private Errors() {}

  /** The public exception for {@code e}; {@code source} (may be null) supplies the failing line's text. */
  static ExpRuntimeException convert(ExpError e, SourceText source) {
    return convert(e, source, null);
  }

  /**
   * {@link #convert}, with the session's imported files: an error whose innermost frame is in one of
   * them shows that file's line.
   */
  static ExpRuntimeException convert(ExpError e, SourceText source, dev.exp.eval.runtime.ImportedModules imported) {
    List<StackFrame> frames = new ArrayList<>();
    int width = 1;   // of the innermost frame's expression: the caret's length
    for (ScriptFrame f : ErrorFrames.of(e)) {
      if (frames.isEmpty()) {
        width = f.length();
      }
      frames.add(new StackFrame(f.function(), f.file(), f.line(), f.column()));
    }
    Limit limit = ErrorFrames.limit(e);
    ExpRuntimeException x;
    if (limit != null) {
      x = ExpLimitException.of(kind(limit), e.getMessage(), frames);
    } else if (ErrorFrames.interrupted(e)) {
      Thread.interrupted();   // consumed: the session stays usable on this thread
      x = new ExpInterruptedException(frames);
    } else {
      x = new ExpRuntimeException(e.getMessage(), frames, e.getCause() != null ? e.getCause() : e);
    }
    if (!frames.isEmpty()) {
      StackFrame top = frames.get(0);
      for (SourceText s : new SourceText[] {source, imported == null ? null : imported.source(top.file())}) {
        if (s != null && s.name().equals(top.file()) && top.line() > 0) {
          x.attachSourceLine(s.line(top.line()), width);
          break;
        }
      }
    }
    return x;
  }

  /**
   * A warning as the user reads it: {@code file:line:col: warning: message}, then the source line
   * and a caret when the line is in {@code source} or one of the session's imported files.
   */
  static String warning(dev.exp.eval.runtime.Warnings.Warning w, SourceText source,
      dev.exp.eval.runtime.ImportedModules imported) {
    dev.exp.syntax.Loc loc = w.loc();
    String line = null;
    for (SourceText s : new SourceText[] {source, imported == null ? null : imported.source(loc.file())}) {
      if (s != null && s.name().equals(loc.file()) && loc.line() > 0) {
        line = s.line(loc.line());
        break;
      }
    }
    return new dev.exp.syntax.Problem(loc.file(), loc.line(), loc.col(), loc.length(), w.message(), line).render("warning");
  }

  /** The public name of the limit the evaluator hit. */
  static ExpLimitException.Kind kind(Limit limit) {
    return switch (limit) {
      case STEPS -> ExpLimitException.Kind.STEPS;
      case CALL_DEPTH -> ExpLimitException.Kind.CALL_DEPTH;
      case TIME -> ExpLimitException.Kind.TIME;
      case MEMORY -> ExpLimitException.Kind.MEMORY;
    };
  }
}
