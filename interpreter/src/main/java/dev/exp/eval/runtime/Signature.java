package dev.exp.eval.runtime;

import dev.exp.kernel.Suggest;
import dev.exp.syntax.Loc;
import java.util.Arrays;
import java.util.List;

/**
 * The parameter list of anything a script can call (closures, builtins, kernels, host functions):
 * names in order, which of them have defaults, and an optional trailing rest parameter that collects
 * the remaining positional arguments into a list ({@code print(*values)}).
 *
 * <p>This is the one place argument lists are checked: {@link #plan} turns the shape of a call
 * (argument count and names) into a {@link CallPlan}, or fails with the standard messages — "takes N
 * arguments but M were given", "got two values for 'x'", "has no parameter 'z'; did you mean 'x'?",
 * "is missing argument 'x'". The compiler runs the same check when the callee is known statically
 * ({@link #check}); call sites keep the plan they computed, so names are matched once per site.
 */
public final class Signature {
  /** Marks a parameter that the call did not give (the callee fills its default). */
  public static final Object MISSING = new Object() {
    @Override
    public String toString() {
      return "<missing>";
    }
  };

  private final String name;
  private final String[] params;
  private final String[] defaults;
  private final boolean rest;
  private final int fixed;
  /** Parameters from this index on are given by name only ({@code seed:}); {@link #fixed} when none are. */
  private final int positionalMax;
  private final int required;
  private final String rendered;
  private final CallPlan[] positional = new CallPlan[8];

  /**
   * @param name the name errors show ({@code linalg.solve})
   * @param params parameter names in order
   * @param defaults per parameter the default as shown in the signature, or null when required
   * @param rest whether the last parameter collects the remaining positional arguments
   */
  public Signature(String name, String[] params, String[] defaults, boolean rest) {
    this(name, params, defaults, rest, -1);
  }

  /**
   * As {@link #Signature(String, String[], String[], boolean)}, where the parameters from index
   * {@code namedFrom} on (when it is not negative) take named arguments only: {@code randn(3, 4)}
   * must not read 4 as the seed.
   */
  public Signature(String name, String[] params, String[] defaults, boolean rest, int namedFrom) {
    this.name = name;
    this.params = params.clone();
    this.defaults = defaults == null ? new String[params.length] : defaults.clone();
    if (this.defaults.length != params.length) {
      throw new IllegalArgumentException("defaults and params differ in length");
    }
    this.rest = rest;
    this.fixed = rest ? params.length - 1 : params.length;
    this.positionalMax = namedFrom < 0 ? fixed : Math.min(namedFrom, fixed);
    int r = 0;
    for (int i = 0; i < fixed; i++) {
      if (this.defaults[i] == null) {
        r = i + 1;
      }
    }
    this.required = r;
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < params.length; i++) {
      sb.append(i > 0 ? ", " : "").append(rest && i == fixed ? "*" : "").append(params[i]);
      if (this.defaults[i] != null && !(rest && i == fixed)) {
        sb.append(": ").append(this.defaults[i]);
      }
    }
    this.rendered = sb.append(')').toString();
  }

  /** A signature of required parameters only. */
  public static Signature of(String name, String... params) {
    return new Signature(name, params, null, false);
  }

  /** A signature whose only parameter collects every positional argument ({@code print(*values)}). */
  public static Signature rest(String name, String param) {
    return new Signature(name, new String[] {param}, null, true);
  }

  public String name() {
    return name;
  }

  /** Number of parameters (the rest parameter included). */
  public int size() {
    return params.length;
  }

  public String param(int i) {
    return params[i];
  }

  /** Whether parameter {@code i} has a default. */
  public boolean optional(int i) {
    return defaults[i] != null;
  }

  public boolean hasRest() {
    return rest;
  }

  /** {@code name(a, b: 1, *rest)}. */
  public String render() {
    return rendered;
  }

  @Override
  public String toString() {
    return rendered;
  }

  /** The problem with a call of this shape, or null when it binds (what the compiler reports). */
  public String check(int nargs, String[] names) {
    try {
      plan(nargs, names, null);
      return null;
    } catch (ExpError e) {
      return e.getMessage();
    }
  }

  /** The plan for calls of this shape; throws the standard argument error when they cannot bind. */
  public CallPlan plan(int nargs, String[] names, Loc loc) {
    if (names == null) {
      if (nargs < positional.length) {
        CallPlan p = positional[nargs];
        if (p == null) {
          p = build(nargs, null, loc);
          positional[nargs] = p;
        }
        return p;
      }
      return build(nargs, null, loc);
    }
    return build(nargs, names, loc);
  }

  private CallPlan build(int nargs, String[] names, Loc loc) {
    int[] target = new int[nargs];
    boolean[] given = new boolean[params.length];
    int positionalCount = 0;
    for (int i = 0; i < nargs; i++) {
      String n = names == null ? null : names[i];
      if (n == null) {
        positionalCount++;
      }
    }
    if (!rest && positionalCount > fixed) {
      throw fail(takes() + " but " + positionalCount + (positionalCount == 1 ? " was" : " were") + " given", loc);
    }
    if (!rest && positionalCount > positionalMax) {
      String first = params[positionalMax];
      String count = "takes " + positionalMax + " positional argument" + (positionalMax == 1 ? "" : "s") + " but "
          + positionalCount + (positionalCount == 1 ? " was" : " were") + " given";
      if (positionalMax == 1 && params[0].equals("shape") && first.equals("seed")) {
        // a NumPy user's randn(3, 4) means a 3 x 4 tensor
        throw fail(count + "; the shape is one list (" + name + "([3, 4]) is 3 x 4) and the seed is named (seed: 1)", loc);
      }
      if (positionalMax == 1 && params[0].equals("y") && first.equals("x")) {
        // matplotlib's plot(x, y)
        throw fail(count + ": y comes first and x is named, as in " + name + "(y, x: t) (matplotlib's plot(t, y))", loc);
      }
      throw fail(count + ": '" + first + "'" + (fixed - positionalMax > 1 ? " and the parameters after it are" : " is")
          + " named only (" + first + ": ...)", loc);
    }
    int pos = 0;
    for (int i = 0; i < nargs; i++) {
      String n = names == null ? null : names[i];
      int p;
      if (n == null) {
        p = pos < fixed ? pos : fixed;   // beyond the fixed parameters: the rest parameter
        pos++;
      } else {
        p = indexOf(n);
        if (p < 0 || rest && p == fixed) {
          throw fail("has no parameter '" + n + "'" + Suggest.parameter(n, notGiven(names, positionalCount)), loc);
        }
        if (given[p]) {
          throw fail("got two values for '" + n + "'", loc);
        }
      }
      given[p] = true;
      target[i] = p;
    }
    int unboundCount = 0;
    for (int p = 0; p < fixed; p++) {
      if (!given[p]) {
        if (defaults[p] == null) {
          throw fail("is missing argument '" + params[p] + "'", loc);
        }
        unboundCount++;
      }
    }
    int[] unbound = new int[unboundCount + (rest && !given[fixed] ? 1 : 0)];
    int k = 0;
    for (int p = 0; p < params.length; p++) {
      if (!given[p]) {
        unbound[k++] = p;
      }
    }
    return new CallPlan(this, target, unbound, rest ? fixed : -1);
  }

  /** The parameters a call with these argument names has not given yet (the candidates of a did-you-mean). */
  private List<String> notGiven(String[] names, int positionalCount) {
    List<String> out = new java.util.ArrayList<>();
    for (int p = Math.min(positionalCount, fixed); p < fixed; p++) {
      if (!Arrays.asList(names).contains(params[p])) {
        out.add(params[p]);
      }
    }
    return out;
  }

  private List<String> nameable() {
    return Arrays.asList(params).subList(0, fixed);
  }

  private String takes() {
    int n = fixed;
    String count = required == n ? String.valueOf(n) : required + " to " + n;
    return "takes " + count + " argument" + (n == 1 && required == n ? "" : "s");
  }

  private ExpError fail(String problem, Loc loc) {
    return new ExpError(name + "() " + problem + "; signature: " + rendered, loc);
  }

  /** Index of the parameter called {@code n}, or -1. */
  public int indexOf(String n) {
    for (int i = 0; i < params.length; i++) {
      if (params[i].equals(n)) {
        return i;
      }
    }
    return -1;
  }
}
