package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;

/** A language builtin written in Java (print, len, map, assert_eq, ...). */
public final class Builtin implements Callable {
  /** The body of a builtin: arguments in parameter order, null for an optional one not given. */
  public interface Body {
    Object apply(Context ctx, Object[] args, Loc loc);
  }

  private final Signature sig;
  private final String doc;
  private final Body body;
  private String intrinsic;
  private boolean callsBack = true;
  private boolean keepsArguments = true;

  /**
   * @param params parameter names; those from index {@code required} on are optional (passed as null);
   *     a single name starting with {@code *} collects all positional arguments into a list
   */
  public Builtin(String name, String[] params, int required, String doc, Body body) {
    if (params.length == 1 && params[0].startsWith("*")) {
      this.sig = Signature.rest(name, params[0].substring(1));
    } else {
      String[] defaults = new String[params.length];
      for (int i = required; i < params.length; i++) {
        defaults[i] = "none";
      }
      this.sig = new Signature(name, params, defaults, false);
    }
    this.doc = doc;
    this.body = body;
  }

  @Override
  public Signature sig() {
    return sig;
  }

  @Override
  public Object invoke(Context ctx, Object[] bound, Loc loc) {
    for (int i = 0; i < bound.length; i++) {
      if (bound[i] == Signature.MISSING) {
        bound[i] = null;
      }
    }
    try {
      return body.apply(ctx, bound, loc);
    } catch (dev.exp.kernel.KernelException e) {
      throw Context.fromKernel("", e, loc);
    }
  }

  @Override
  public String name() {
    return sig.name();
  }

  /** Marks this builtin as the language intrinsic {@code name} (see {@link Callable#intrinsic}); set once, when the table is built. */
  public Builtin asIntrinsic(String name) {
    this.intrinsic = name;
    return this;
  }

  /** Marks this builtin as one that never calls a script function (see {@link Callable#mayCallBack}). */
  public Builtin neverCallsBack() {
    this.callsBack = false;
    return this;
  }

  /** Marks this builtin as one whose result never holds or shares an argument (see {@link Callable#keepsArguments}). */
  public Builtin keepsNoArgument() {
    this.keepsArguments = false;
    return this;
  }

  @Override
  public boolean keepsArguments() {
    return keepsArguments;
  }

  @Override
  public boolean mayCallBack() {
    return callsBack;
  }

  @Override
  public String intrinsic() {
    return intrinsic;
  }

  @Override
  public String doc() {
    return doc;
  }
}
