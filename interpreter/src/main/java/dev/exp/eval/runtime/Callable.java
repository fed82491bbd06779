package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;
import java.util.List;

/**
 * Anything a script can call: closures, builtins, kernels, host functions. Each declares one {@link
 * Signature}; arguments are bound to it by the shared binder ({@link Signature#plan}, {@link CallPlan})
 * and the callee receives them in parameter order through {@link #invoke}.
 */
public interface Callable extends dev.exp.kernel.Describable {
  /** What a kernel's error message calls it. */
  @Override
  default String description() {
    return "a function";
  }

  /**
   * The parameter list, or null for a callable that binds its own arguments (overloads dispatching on
   * the first argument): those override {@link #call} and report {@link #signatures()}.
   */
  Signature sig();

  /**
   * Runs with bound arguments: {@code bound[p]} is parameter {@code p}'s argument or {@link
   * Signature#MISSING}. The array belongs to the callee (it may be the caller's argument array, used
   * once) and may be overwritten.
   */
  Object invoke(Context ctx, Object[] bound, Loc loc);

  /**
   * Calls with positional and named arguments: {@code names[i]} is null for a positional argument;
   * {@code names} itself is null when all are positional. {@code names} may be shared between calls
   * and must not be modified.
   */
  default Object call(Context ctx, Object[] args, String[] names, Loc loc) {
    CallPlan p = sig().plan(args.length, names, loc);
    return invoke(ctx, p.bind(args), loc);
  }

  /** {@link #call} with one positional argument (the callbacks of map and filter). */
  default Object call1(Context ctx, Object x, Loc loc) {
    return call(ctx, new Object[] {x}, null, loc);
  }

  /** {@link #call} with two positional arguments (the callback of reduce). */
  default Object call2(Context ctx, Object x, Object y, Loc loc) {
    return call(ctx, new Object[] {x, y}, null, loc);
  }

  /**
   * Whether a call may run script code: it takes a function, or a value that may hold one, and may
   * call it. False only when that is sure (a loop then buffers the strings it builds in a global,
   * see {@code TextNodes}).
   */
  default boolean mayCallBack() {
    return true;
  }

  /**
   * Whether the result of a call may hold or share one of its arguments (a view of a tensor, the list
   * itself). False only when that is sure ({@code len}, {@code contains}, {@code print}): a variable
   * passed to such a call keeps its exclusive hold on its value, so that {@code if contains(d, k)
   * { d[k] += 1 }} still updates {@code d} in place.
   */
  default boolean keepsArguments() {
    return true;
  }

  /**
   * The element-wise operator this callable applies to a lone number argument, when its result for a
   * number is exactly that operator's scalar definition; null otherwise. The numeric tier then
   * computes such a call inline.
   */
  default dev.exp.tensor.op.UnaryOp scalarOp() {
    return null;
  }

  /**
   * The language intrinsic this callable is ({@code "len"}), which the numeric tier computes inline
   * for the operands it knows; null for every other callable.
   */
  default String intrinsic() {
    return null;
  }

  /**
   * Whether a call that gives numbers to exactly the parameters marked in {@code given} (in parameter
   * order; the others keep their defaults) always returns a number, so that the numeric tier may call
   * it from a translated loop; false unless the callee promises it ({@code Kernel#scalar}).
   */
  default boolean returnsNumber(boolean[] given) {
    return false;
  }

  /** The alternatives a call is checked against when compiling (any of them accepting is enough). */
  default List<Signature> signatures() {
    return List.of(sig());
  }

  /** The name shown in errors, stacks and help. */
  String name();

  /** A one-line signature such as {@code linalg.solve(A, b)}. */
  default String signature() {
    return sig().render();
  }

  /** Documentation text, or "" when there is none. */
  default String doc() {
    return "";
  }
}
