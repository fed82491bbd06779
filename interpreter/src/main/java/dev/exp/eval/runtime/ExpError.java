package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;
import java.util.ArrayList;
import java.util.List;

/**
 * A runtime error inside the evaluator. While it unwinds, each function it leaves records a frame,
 * so the user sees the script call stack. Converted to the public exceptions at the API boundary.
 */
public class ExpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private Loc pending;
  private final List<ScriptFrame> frames = new ArrayList<>();

  public ExpError(String message, Loc loc) {
    super(message);
    this.pending = loc;
  }

  public ExpError(String message, Loc loc, Throwable cause) {
    super(message, cause);
    this.pending = loc;
  }

  /** The location where the error surfaced in the innermost frame not yet recorded. */
  public Loc pending() {
    return pending;
  }

  /** Sets the location within the current function if the error came from a deeper call. */
  public void locateIfUnknown(Loc loc) {
    if (pending == null) {
      pending = loc;
    }
  }

  /** The error leaves function {@code name}: record the frame. */
  public void leave(String name) {
    Loc l = pending == null ? Loc.NONE : pending;
    frames.add(new ScriptFrame(name, l.file(), l.line(), l.col(), l.length()));
    pending = null;
  }

  public List<ScriptFrame> frames() {
    return frames;
  }

}
