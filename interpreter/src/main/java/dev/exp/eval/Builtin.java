package dev.exp.eval;

import dev.exp.syntax.Loc;

/** A language builtin written in Java (print, len, map, assert_eq, ...). */
public final class Builtin implements Callable {
  /** The body of a builtin: positional arguments, already checked for count. */
  public interface Body {
    Object apply(Context ctx, Object[] args, Loc loc);
  }

  private final String name;
  private final String[] params;
  private final int required;
  private final String doc;
  private final Body body;

  /**
   * @param params parameter names; those from index {@code required} on are optional (passed as null)
   */
  public Builtin(String name, String[] params, int required, String doc, Body body) {
    this.name = name;
    this.params = params;
    this.required = required;
    this.doc = doc;
    this.body = body;
  }

  @Override
  public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
    if (params.length == 1 && params[0].startsWith("*")) {
      if (names != null) {
        throw new ExpError(name + "() takes no named arguments", loc);
      }
      return body.apply(ctx, new Object[] {Values.list(new java.util.ArrayList<>(java.util.Arrays.asList(args)))}, loc);
    }
    Object[] a = new Object[params.length];
    boolean[] has = new boolean[params.length];
    for (int i = 0; i < args.length; i++) {
      String n = names == null ? null : names[i];
      int p = i;
      if (n != null) {
        p = java.util.Arrays.asList(params).indexOf(n);
        if (p < 0) {
          throw new ExpError(name + "() has no parameter '" + n + "'" + Suggest.didYouMean(n, java.util.List.of(params))
              + "; signature: " + signature(), loc);
        }
      } else if (i >= params.length) {
        throw new ExpError(name + "() takes at most " + params.length + " arguments, got " + args.length
            + "; signature: " + signature(), loc);
      }
      a[p] = args[i];
      has[p] = true;
    }
    for (int p = 0; p < required; p++) {
      if (!has[p]) {
        throw new ExpError(name + "() is missing argument '" + params[p] + "'; signature: " + signature(), loc);
      }
    }
    return body.apply(ctx, a, loc);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String signature() {
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < params.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(params[i]);
      if (i >= required) {
        sb.append(": none");
      }
    }
    return sb.append(')').toString();
  }

  @Override
  public String doc() {
    return doc;
  }
}
