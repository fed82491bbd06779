package dev.exp.eval.runtime;

import dev.exp.kernel.KernelException;
import dev.exp.kernel.ScriptCallable;
import dev.exp.syntax.Loc;

/**
 * Calls on values that are not {@link Callable}: library objects a script may call like a function
 * ({@link ScriptCallable}, e.g. a learning-rate schedule). Anything else is "not a function".
 */
public final class HostCalls {
  private HostCalls() {}

  public static Object call(Context ctx, Object fn, Object[] values, String[] names, Loc loc) {
    if (!(fn instanceof ScriptCallable sc)) {
      throw new ExpError(Values.describe(fn) + " is not a function", loc);
    }
    if (names != null) {
      for (String n : names) {
        if (n != null) {
          throw new ExpError(sc.callSignature() + " takes positional arguments only, got '" + n + ":'", loc);
        }
      }
    }
    Object[] args = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      args[i] = values[i] instanceof RangeValue ? Values.asTensorOperand(values[i]) : values[i];
    }
    ctx.tick(loc);
    Loc saved = ctx.enterKernel(loc);
    try {
      return ValueCodec.fromLibrary(sc.call(args));
    } catch (KernelException e) {
      String prefix = sc.callSignature() + ": ";
      throw Context.fromKernel(e.getMessage() != null && e.getMessage().startsWith(prefix) ? "" : prefix, e, loc);
    } finally {
      ctx.exitKernel(saved);
    }
  }
}
