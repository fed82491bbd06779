package dev.exp.polyglot;

import dev.exp.eval.runtime.Builtin;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;

/**
 * The {@code js(code)} builtin. This class refers to no GraalVM type, so the interpreter loads and
 * runs without the polyglot API; the bridge ({@link JsRuntime}) is loaded on the first call.
 */
public final class JsBuiltin {
  static final String DOC = "Evaluates JavaScript (GraalJS) and returns its value as an Exp value: numbers, "
      + "strings, bools, null/undefined as none; arrays of numbers as vectors and arrays of equal rows as "
      + "matrices; other arrays as lists; objects as records; functions as functions callable from Exp, "
      + "also in pipelines (xs |> f). Exp tensors passed to a JavaScript function arrive as (nested) arrays. "
      + "Definitions persist between js calls of a session. The JavaScript code has no access to the "
      + "host: no Java classes, files, network, processes or threads; console.log prints like print. "
      + "A JavaScript exception becomes an Exp error naming its JavaScript location; the session's time "
      + "limit and interruption stop running JavaScript. Needs the js capability (granted by the exp "
      + "command; off when embedded) and GraalJS on the class path (shipped with the exp command).\n\n"
      + "Example: let sq = js(\"x => x.map(v => v * v)\"); [1, 2, 3] |> sq  # [1, 4, 9]";

  private JsBuiltin() {}

  /** The builtin function value. */
  public static Builtin create() {
    return new Builtin("js", new String[] {"code"}, 1, DOC, (ctx, a, loc) -> {
      ctx.require("js", "js", loc);
      if (!(a[0] instanceof String code)) {
        throw new ExpError("js: code must be a string, got " + Values.describe(a[0]), loc);
      }
      return runtime(ctx, loc).eval(ctx, code, loc);
    });
  }

  /**
   * Whether {@code js(...)} can run here: the polyglot API and GraalJS are on the class path (starts
   * the shared JavaScript engine on first call, about a second).
   */
  public static boolean isAvailable() {
    try {
      JsRuntime.check();
      return true;
    } catch (LinkageError | JsRuntime.Unavailable e) {
      return false;
    }
  }

  private static JsRuntime runtime(Context ctx, Loc loc) {
    try {
      // the first context of a JVM starts the engine (about half a second): on a pool thread while
      // this one polls the limits, so a timeout or interrupt stops the script during it too
      return dev.exp.kernel.Stoppable.detached(() -> ctx.resources().get(JsRuntime.class, JsRuntime::new));
    } catch (LinkageError e) {
      throw new ExpError("js: JavaScript is not available: the GraalVM polyglot API "
          + "(org.graalvm.polyglot:polyglot) is not on the class path", loc);
    } catch (JsRuntime.Unavailable e) {
      throw new ExpError("js: JavaScript is not available: " + e.getMessage(), loc);
    }
  }
}
