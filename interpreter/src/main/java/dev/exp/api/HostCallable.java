package dev.exp.api;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Signature;
import dev.exp.syntax.Loc;
import java.util.List;

/**
 * Turns a {@link HostFunction} into a function scripts can call. Its arguments bind through the same
 * {@link Signature} as every other callee: {@code scale(...)} (any number of positional arguments) or a
 * declared parameter list such as {@code scale(x, factor: 1)} (positional or named, defaults).
 */
final class HostCallable implements Callable {
  private final Signature sig;
  private final Object[] defaults;
  private final HostFunction fn;

  private HostCallable(Signature sig, Object[] defaults, HostFunction fn) {
    this.sig = sig;
    this.defaults = defaults;
    this.fn = fn;
  }

  /**
   * A host function from {@code spec}: a plain identifier (positional arguments only, any number) or
   * a signature {@code name(a, b: default)} whose defaults are Exp literals (numbers, strings, true,
   * false, none).
   */
  static Callable adapt(String spec, HostFunction fn) {
    int open = spec.indexOf('(');
    if (open < 0) {
      return new HostCallable(Signature.rest(spec, "args"), new Object[1], fn);
    }
    String name = spec.substring(0, open).trim();
    String inner = spec.substring(open + 1, spec.lastIndexOf(')')).trim();
    String[] parts = inner.isEmpty() ? new String[0] : inner.split(",");
    String[] params = new String[parts.length];
    String[] shown = new String[parts.length];
    Object[] defaults = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].trim();
      int colon = p.indexOf(':');
      params[i] = colon < 0 ? p : p.substring(0, colon).trim();
      if (!params[i].matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("bad parameter '" + p + "' in host function signature '" + spec + "'");
      }
      if (colon >= 0) {
        shown[i] = p.substring(colon + 1).trim();
        defaults[i] = dev.exp.binding.Literals.parse(shown[i]);
      }
    }
    return new HostCallable(new Signature(name, params, shown, false), defaults, fn);
  }

  /** Whether {@code spec} is an identifier or {@code identifier(params)}. */
  static boolean validSpec(String spec) {
    return spec != null && spec.matches("[A-Za-z_][A-Za-z0-9_]*(\\s*\\(.*\\))?")
        && !dev.exp.syntax.Identifiers.isReserved(nameOf(spec));
  }

  /** The function name of a spec. */
  static String nameOf(String spec) {
    int open = spec.indexOf('(');
    return (open < 0 ? spec : spec.substring(0, open)).trim();
  }

  @Override
  public Signature sig() {
    return sig;
  }

  @Override
  public Object invoke(Context ctx, Object[] bound, Loc loc) {
    String name = sig.name();
    Value.Caller caller = (f, a) -> {
      ctx.tick(loc);   // a callback counts a step, as a call does, and stops when the evaluation must
      return f.call(ctx, a, null, loc);
    };
    Object[] raw;
    if (sig.hasRest()) {
      raw = ((List<?>) bound[0]).toArray();
    } else {
      raw = bound;
      for (int i = 0; i < raw.length; i++) {
        if (raw[i] == Signature.MISSING) {
          raw[i] = defaults[i];
        }
      }
    }
    Value[] vs = new Value[raw.length];
    for (int i = 0; i < raw.length; i++) {
      vs[i] = new Value(raw[i], caller);
    }
    Object result;
    try {
      result = fn.apply(vs);
    } catch (ExpError e) {
      throw e;
    } catch (ExpRuntimeException e) {
      throw new ExpError(name + ": " + e.getMessage(), loc, e);
    } catch (InterruptedException | java.nio.channels.ClosedByInterruptException e) {
      // the host's code honoured Thread.interrupt(): the evaluation stops as interrupted, not as failed
      Thread.currentThread().interrupt();
      ctx.poll(loc);
      throw new ExpError(name + ": interrupted", loc, e);
    } catch (StackOverflowError | OutOfMemoryError e) {
      throw e;   // the call-depth and memory limits (the evaluator maps them)
    } catch (Exception | Error e) {
      // the host's own message is for the user; without one, no Java class name either (the cause stays attached)
      throw new ExpError(name + ": " + (e.getMessage() == null || e.getMessage().isBlank()
          ? "the host function failed (" + dev.exp.eval.runtime.InternalErrors.kind(e) + ")"
          : e.getMessage()), loc, e);
    }
    ctx.poll(loc);   // an interrupt, cancel or deadline that came while the host's code ran
    try {
      return HostValues.toExp(result, name + "'s result");
    } catch (IllegalArgumentException e) {
      throw new ExpError(e.getMessage(), loc, e);
    }
  }

  @Override
  public String name() {
    return sig.name();
  }

  @Override
  public String doc() {
    return "A function provided by the host application.";
  }
}
