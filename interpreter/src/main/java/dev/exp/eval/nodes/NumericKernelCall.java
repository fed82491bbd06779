package dev.exp.eval.nodes;

import dev.exp.eval.runtime.CallPlan;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;

/**
 * A library kernel called from a translated loop ({@code uniform()}, {@code normal(0, s)}): the callee,
 * the call site's argument plan and its location, held as one constant of the generated class. Only
 * callees that promise a number for number arguments ({@link Callable#returnsNumber}) are called this
 * way; the call itself is the tree's (same binder, same limit checks, same errors).
 */
final class NumericKernelCall {
  private final Callable fn;
  private final CallPlan plan;
  private final Loc loc;

  NumericKernelCall(Callable fn, CallPlan plan, Loc loc) {
    this.fn = fn;
    this.plan = plan;
    this.loc = loc;
  }

  /** Calls with the boxed arguments in source order; the tree has already counted the call's step. */
  double call(Context ctx, Object[] args) {
    Object r;
    try {
      r = fn.invoke(ctx, plan.bind(args), loc);
    } catch (ExpError e) {
      e.locateIfUnknown(loc);
      throw e;
    }
    if (r instanceof Double d) {
      return d;
    }
    throw new IllegalStateException(fn.name() + " promised a number for number arguments but returned " + Values.describe(r));
  }
}
