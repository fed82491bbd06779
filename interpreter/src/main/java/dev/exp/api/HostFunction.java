package dev.exp.api;

import dev.exp.eval.Callable;
import dev.exp.eval.Context;
import dev.exp.eval.ExpError;
import dev.exp.eval.Values;
import dev.exp.syntax.Loc;

/** A Java function scripts can call: receives positional arguments as Java values, returns a Java value. */
@FunctionalInterface
public interface HostFunction {
  Object apply(Object... args) throws Exception;

  static Callable adapt(String name, HostFunction fn) {
    return new Callable() {
      @Override
      public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
        if (names != null) {
          throw new ExpError(name + "() takes positional arguments only", loc);
        }
        try {
          return Values.fromJava(fn.apply(args.clone()));
        } catch (ExpError e) {
          throw e;
        } catch (RuntimeException e) {
          throw new ExpError(name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), loc, e);
        } catch (Exception e) {
          throw new ExpError(name + ": " + e, loc, e);
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
