package dev.exp.eval;

import dev.exp.syntax.Loc;
import java.util.Arrays;

/** A script function value: code plus the cells of the variables it captured. */
final class Closure implements Callable {
  final FunctionCode code;
  final Object[] captures;

  Closure(FunctionCode code, Object[] captures) {
    this.code = code;
    this.captures = captures;
  }

  @Override
  public String name() {
    return code.name == null ? "<lambda>" : code.name;
  }

  @Override
  public String signature() {
    return code.signature();
  }

  @Override
  public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
    FunctionCode c = code;
    Frame f = new Frame(c.frameSize, captures, ctx);
    bind(f, args, names, loc);
    ctx.enter(loc);
    try {
      return c.execute(f);
    } catch (ExpError e) {
      e.leave(name());
      throw e;
    } catch (StackOverflowError e) {
      // The Java stack ran out before the call-depth limit (small thread stacks in embedding hosts).
      throw new Context.LimitError(dev.exp.api.ExpLimitException.Kind.CALL_DEPTH,
          "call depth limit exceeded: the Java stack overflowed after " + ctx.depth
              + " nested calls (unbounded recursion? run on a thread with a larger stack or lower Limits.maxCallDepth)", loc);
    } finally {
      ctx.exit();
    }
  }

  private void bind(Frame f, Object[] args, String[] names, Loc loc) {
    FunctionCode c = code;
    int n = c.params.length;
    boolean[] given = new boolean[n];
    for (int i = 0; i < args.length; i++) {
      String name = names == null ? null : names[i];
      int p;
      if (name == null) {
        if (i >= n) {
          throw new ExpError(name() + "() takes " + n + " argument" + (n == 1 ? "" : "s") + " but " + args.length
              + " were given; signature: " + signature(), loc);
        }
        p = i;
      } else {
        p = indexOf(name);
        if (p < 0) {
          throw new ExpError(name() + "() has no parameter '" + name + "'"
              + Suggest.didYouMean(name, Arrays.asList(c.params)) + "; signature: " + signature(), loc);
        }
        if (given[p]) {
          throw new ExpError(name() + "() got two values for '" + name + "'; signature: " + signature(), loc);
        }
      }
      given[p] = true;
      f.slots[c.paramVars[p].slot] = args[i];
    }
    for (int p = 0; p < n; p++) {
      if (!given[p]) {
        if (c.defaults[p] == null) {
          throw new ExpError(name() + "() is missing argument '" + c.params[p] + "'; signature: " + signature(), loc);
        }
        f.slots[c.paramVars[p].slot] = c.defaults[p].eval(f);
      }
      if (c.paramVars[p].captured) {
        f.slots[c.paramVars[p].slot] = new Cell(f.slots[c.paramVars[p].slot]);
      }
    }
  }

  private int indexOf(String name) {
    String[] ps = code.params;
    for (int i = 0; i < ps.length; i++) {
      if (ps[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
