package dev.exp.eval.builtins;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Values;
import java.util.Map;

/**
 * Builtins that reach outside the interpreter, each behind a capability the host must grant:
 * {@code env} (environment variables). ({@code js}, JavaScript through GraalVM polyglot, is added
 * by the embedding layer when it assembles the table.)
 */
final class HostBuiltins {
  private HostBuiltins() {}

  static void install(Map<String, Object> g) {
    Builtins.add(g, "env", new String[] {"name", "default"}, 1,
        "The value of an environment variable as a string, or default (none) when it is not set. "
            + "Needs the env capability (granted by the exp command; off when embedded).\n\n"
            + "Example: env(\"HOME\"), env(\"RUNS\", \"10\") |> num",
        (ctx, a, loc) -> {
          ctx.require("env", "env", loc);
          if (!(a[0] instanceof String name)) {
            throw new ExpError("env: name must be a string, got " + Values.describe(a[0]), loc);
          }
          String v = System.getenv(name);
          return v != null ? v : a[1];
        });
  }
}
