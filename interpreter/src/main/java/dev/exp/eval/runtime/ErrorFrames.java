package dev.exp.eval.runtime;

import java.util.List;

/** Read access to an {@link ExpError}'s recorded script stack, for the API layer. */
public final class ErrorFrames {
  private ErrorFrames() {}

  public static List<ScriptFrame> of(ExpError e) {
    return List.copyOf(e.frames());
  }

  /**
   * Records a kernel frame on an error that came out of a script callback the kernel made: the
   * callback's frames stay innermost, then the kernel at its call location, then the caller's frames.
   */
  public static void leaveKernel(ExpError e, String kernel, dev.exp.syntax.Loc loc) {
    e.locateIfUnknown(loc);
    e.leave(kernel);
  }

  /** The limit that was hit, or null. */
  public static Limit limit(ExpError e) {
    return e instanceof Context.LimitError l ? l.kind : null;
  }

  public static boolean interrupted(ExpError e) {
    return e instanceof Context.InterruptError;
  }
}
