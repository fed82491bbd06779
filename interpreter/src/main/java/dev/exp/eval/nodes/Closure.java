package dev.exp.eval.nodes;

import dev.exp.eval.runtime.CallPlan;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Limit;
import dev.exp.eval.runtime.Signature;
import dev.exp.syntax.Loc;

/**
 * A script function value: code plus the cells of the variables it captured. Its arguments are
 * bound straight into the slots of the new frame (parameter {@code p} is slot {@code p}); the call
 * node evaluates them there directly, so a call allocates only the frame.
 */
public final class Closure implements Callable {
  public final FunctionCode code;
  final Object[] captures;

  /** The current values of the variables this closure captured (a cell's content). */
  public java.util.List<Object> capturedValues() {
    java.util.List<Object> out = new java.util.ArrayList<>(captures == null ? 0 : captures.length);
    if (captures != null) {
      for (Object c : captures) {
        out.add(c instanceof Cell cell ? cell.value : c);
      }
    }
    return out;
  }

  public Closure(FunctionCode code, Object[] captures) {
    this.code = code;
    this.captures = captures;
  }

  @Override
  public String name() {
    return code.name == null ? "<lambda>" : code.name;
  }

  @Override
  public Signature sig() {
    return code.sig;
  }

  /** A frame for one call; the caller writes the arguments into its first slots. */
  Frame newFrame(Context ctx) {
    return new Frame(code.frameSize, captures, ctx);
  }

  @Override
  public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
    CallPlan p = code.sig.plan(args.length, names, loc);
    Frame f = newFrame(ctx);
    p.bindInto(args, f.slots);
    return run(f, p.unbound, loc);
  }

  private static final int[] ALL_BOUND = {};

  /** One positional argument for a function of one (non-rest) parameter: straight into its slot, no plan. */
  @Override
  public Object call1(Context ctx, Object x, Loc loc) {
    if (code.params.length != 1 || code.sig.hasRest()) {
      return Callable.super.call1(ctx, x, loc);
    }
    NumericEntry fast = code.fast;
    if (fast != null && x instanceof Double d) {
      Object v = fastCall(ctx, fast, d, 0, 1, loc);
      if (v != null) {
        return v;
      }
    }
    Frame f = newFrame(ctx);
    f.slots[0] = x;
    return run(f, ALL_BOUND, loc);
  }

  /** Two positional arguments for a two-parameter function. */
  @Override
  public Object call2(Context ctx, Object x, Object y, Loc loc) {
    if (code.params.length != 2 || code.sig.hasRest()) {
      return Callable.super.call2(ctx, x, y, loc);
    }
    NumericEntry fast = code.fast;
    if (fast != null && x instanceof Double a && y instanceof Double b) {
      Object v = fastCall(ctx, fast, a, b, 2, loc);
      if (v != null) {
        return v;
      }
    }
    Frame f = newFrame(ctx);
    f.slots[0] = x;
    f.slots[1] = y;
    return run(f, ALL_BOUND, loc);
  }

  /**
   * A call of the translated code with one or two numbers and no frame (the callbacks of map, filter
   * and reduce), entered and left as {@link #run} does; null when a guard failed (the function is
   * back in the tree and the caller runs the call there).
   */
  private Object fastCall(Context ctx, NumericEntry fast, double x, double y, int arity, Loc loc) {
    int depth = ctx.depth;
    ctx.enter(loc);
    try {
      double v = arity == 1 ? fast.invoke1(ctx, captures, x) : fast.invoke2(ctx, captures, x, y);
      return fast.boolResult ? (Object) (v != 0) : (Object) v;
    } catch (NumericEntry.Deopt d) {
      NumericTier.deoptimized(code);
      return null;
    } catch (ExpError e) {
      e.leave(name());
      throw e;
    } catch (StackOverflowError e) {
      throw overflow(ctx, loc);
    } finally {
      ctx.depth = depth;
    }
  }

  @Override
  public Object invoke(Context ctx, Object[] bound, Loc loc) {
    Frame f = newFrame(ctx);
    int n = code.params.length;
    int missing = 0;
    for (int i = 0; i < n; i++) {
      if (bound[i] != Signature.MISSING) {
        f.slots[i] = bound[i];
      } else {
        missing++;
      }
    }
    int[] unbound = new int[missing];
    for (int i = 0, k = 0; i < n; i++) {
      if (bound[i] == Signature.MISSING) {
        unbound[k++] = i;
      }
    }
    return run(f, unbound, loc);
  }

  /** Fills the defaults of the parameters in {@code unbound}, boxes captured parameters, runs the body. */
  Object run(Frame f, int[] unbound, Loc loc) {
    bindDefaults(f, unbound);
    Context ctx = f.ctx;
    int depth = ctx.depth;
    ctx.enter(loc);
    try {
      NumericEntry fast = entry();
      if (fast != null && numericArguments(f)) {
        try {
          double v = fast.invoke(ctx, captures, f.nums);
          return fast.boolResult ? (Object) (v != 0) : (Object) v;
        } catch (NumericEntry.Deopt d) {
          deoptimized(ctx, depth);
        }
      }
      return code.execute(f);
    } catch (ExpError e) {
      e.leave(name());
      throw e;
    } catch (StackOverflowError e) {
      throw overflow(ctx, loc);
    } finally {
      ctx.depth = depth;   // also after compiled code, which counts its own calls and may unwind past exits
    }
  }

  /**
   * {@link #run} evaluated typed: the body's value as a number, so a numeric function such as
   * {@code fib} returns without boxing; a value of another kind comes back as {@link UnexpectedType}.
   */
  double runDouble(Frame f, int[] unbound, Loc loc) throws UnexpectedType {
    bindDefaults(f, unbound);
    Context ctx = f.ctx;
    int depth = ctx.depth;
    ctx.enter(loc);
    try {
      NumericEntry fast = entry();
      if (fast != null && numericArguments(f)) {
        try {
          double v = fast.invoke(ctx, captures, f.nums);
          if (fast.boolResult) {
            throw new UnexpectedType(v != 0);
          }
          return v;
        } catch (NumericEntry.Deopt d) {
          deoptimized(ctx, depth);
        }
      }
      return code.executeDouble(f);
    } catch (ExpError e) {
      e.leave(name());
      throw e;
    } catch (StackOverflowError e) {
      throw overflow(ctx, loc);
    } finally {
      ctx.depth = depth;
    }
  }

  /** The bytecode entry of this function ({@link NumericTier}), counting the call while it is undecided. */
  private NumericEntry entry() {
    NumericEntry fast = code.fast;
    if (fast == null && code.tierState == NumericTier.PENDING) {
      fast = NumericTier.called(code);
    }
    return fast;
  }

  /** Whether every parameter holds a number; each is then in {@code f.nums}, where compiled code reads it. */
  private boolean numericArguments(Frame f) {
    Object[] slots = f.slots;
    double[] nums = null;
    for (int p = 0; p < code.params.length; p++) {
      Object x = slots[p];
      if (x != Frame.NUM) {
        if (!(x instanceof Double d)) {
          return false;
        }
        if (nums == null) {
          nums = f.nums();
        }
        nums[p] = d;
      }
    }
    if (f.nums == null) {
      f.nums();   // a function without parameters
    }
    return true;
  }

  /** Compiled code hit a guard: the call runs again in the tree (compiled code changes nothing but counters). */
  private void deoptimized(Context ctx, int depth) {
    NumericTier.deoptimized(code);
    ctx.depth = depth + 1;
  }

  private void bindDefaults(Frame f, int[] unbound) {
    FunctionCode c = code;
    if (!c.capturedParams) {
      for (int p : unbound) {
        f.slots[p] = c.defaults[p].eval(f);
      }
    } else {
      // in parameter order, so a default reading an earlier captured parameter sees its cell
      for (int p : unbound) {
        f.slots[p] = Signature.MISSING;
      }
      for (int p = 0; p < c.params.length; p++) {
        if (f.slots[p] == Signature.MISSING) {
          f.slots[p] = c.defaults[p].eval(f);
        }
        if (c.paramVars[p].captured) {
          f.slots[p] = new Cell(f.slots[p]);
        }
      }
    }
  }

  /** The Java stack ran out before the call-depth limit (small thread stacks in embedding hosts). */
  private static Context.LimitError overflow(Context ctx, Loc loc) {
    return new Context.LimitError(Limit.CALL_DEPTH,
        "call depth limit exceeded: the Java stack overflowed after " + ctx.depth
            + " nested calls (unbounded recursion? run on a thread with a larger stack or lower Limits.maxCallDepth)", loc);
  }
}
