package dev.exp.eval.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * How the arguments of one call shape bind to a {@link Signature}: argument {@code i} goes to
 * parameter {@code target[i]}; the parameters in {@code unbound} were not given. Computed once per
 * call site (or once per argument count for positional calls) and reused for every call.
 */
public final class CallPlan {
  public final Signature sig;
  public final int[] target;
  public final int[] unbound;
  /** Index of the rest parameter, or -1. */
  final int rest;
  /** Arguments are already in parameter order and complete: the argument array is the bound array. */
  final boolean identity;

  CallPlan(Signature sig, int[] target, int[] unbound, int rest) {
    this.sig = sig;
    this.target = target;
    this.unbound = unbound;
    this.rest = rest;
    boolean id = rest < 0 && unbound.length == 0 && target.length == sig.size();
    for (int i = 0; id && i < target.length; i++) {
      id = target[i] == i;
    }
    this.identity = id;
  }

  public Signature signature() {
    return sig;
  }

  /** Arguments in parameter order, {@link Signature#MISSING} where not given (may return {@code args} itself). */
  public Object[] bind(Object[] args) {
    if (identity) {
      return args;
    }
    Object[] out = new Object[sig.size()];
    bindInto(args, out);
    return out;
  }

  /** Writes the arguments into {@code out[0 .. size)} in parameter order (out may be a new frame's slots). */
  public void bindInto(Object[] args, Object[] out) {
    if (rest < 0) {
      int[] t = target;
      for (int i = 0; i < t.length; i++) {
        out[t[i]] = args[i];
      }
    } else {
      List<Object> extra = new ArrayList<>();
      for (int i = 0; i < target.length; i++) {
        if (target[i] == rest) {
          extra.add(args[i]);
        } else {
          out[target[i]] = args[i];
        }
      }
      out[rest] = Values.list(extra);
    }
    for (int p : unbound) {
      if (p != rest) {
        out[p] = Signature.MISSING;
      }
    }
  }

  /** Parameter index of argument {@code i}. */
  public int target(int i) {
    return target[i];
  }

  /** Parameters the call did not give. */
  public int[] unbound() {
    return unbound;
  }
}
