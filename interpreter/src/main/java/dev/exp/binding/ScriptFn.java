package dev.exp.binding;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ValueCodec;
import dev.exp.kernel.Fn;
import dev.exp.syntax.Loc;

/**
 * A script function handed to a kernel as an {@link Fn}. Calling it is safe from any thread: on the
 * kernel's own thread it runs in the calling evaluation's context; on another thread (a {@code
 * Parallel} worker) in a context forked for that thread, under the same limits.
 */
final class ScriptFn implements Fn {
  private final Callable fn;
  private final Context ctx;
  private final Loc loc;

  ScriptFn(Callable fn, Context ctx, Loc loc) {
    this.fn = fn;
    this.ctx = ctx;
    this.loc = loc;
  }

  @Override
  public Object call(Object... a) {
    Object[] args = new Object[a.length];
    for (int i = 0; i < a.length; i++) {
      args[i] = ValueCodec.fromLibrary(a[i]);
    }
    return ctx.callBack(fn, args, loc);
  }

  @Override
  public String toString() {
    return "<function " + fn.name() + ">";
  }
}
