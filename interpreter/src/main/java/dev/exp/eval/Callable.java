package dev.exp.eval;

import dev.exp.syntax.Loc;

/** Anything a script can call: closures, builtins, kernels, host functions. */
public interface Callable {
  /**
   * Calls with positional and named arguments: {@code names[i]} is null for a positional argument.
   * {@code names} may be shared between calls and must not be modified.
   */
  Object call(Context ctx, Object[] args, String[] names, Loc loc);

  /** The name shown in errors, stacks and help. */
  String name();

  /** A one-line signature such as {@code linalg.solve(A, b)}. */
  String signature();

  /** Documentation text, or "" when there is none. */
  default String doc() {
    return "";
  }
}
