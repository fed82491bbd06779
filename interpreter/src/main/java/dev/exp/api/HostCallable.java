package dev.exp.api;

import dev.exp.eval.Callable;
import dev.exp.eval.Context;
import dev.exp.eval.ExpError;
import dev.exp.syntax.Loc;

/** Turns a {@link HostFunction} into a function scripts can call. */
final class HostCallable {
  private HostCallable() {}

  static Callable adapt(String name, HostFunction fn) {
    return new Callable() {
      @Override
      public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
        if (names != null) {
          for (String n : names) {
            if (n != null) {
              throw new ExpError(name + "() takes positional arguments only (got " + n + ":)", loc);
            }
          }
        }
        Value.Caller caller = (f, a) -> f.call(ctx, a, null, loc);
        Value[] vs = new Value[args.length];
        for (int i = 0; i < args.length; i++) {
          vs[i] = new Value(args[i], caller);
        }
        Object result;
        try {
          result = fn.apply(vs);
        } catch (ExpError e) {
          throw e;
        } catch (dev.exp.api.ExpRuntimeException e) {
          throw new ExpError(name + ": " + e.getMessage(), loc, e);
        } catch (RuntimeException e) {
          throw new ExpError(name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
              loc, e);
        } catch (Exception e) {
          throw new ExpError(name + ": " + e, loc, e);
        }
        try {
          return HostValues.toExp(result, name + "'s result");
        } catch (IllegalArgumentException e) {
          throw new ExpError(e.getMessage(), loc, e);
        }
      }

      @Override
      public String name() {
        return name;
      }

      @Override
      public String signature() {
        return name + "(...)";
      }

      @Override
      public String doc() {
        return "A function provided by the host application.";
      }
    };
  }
}
