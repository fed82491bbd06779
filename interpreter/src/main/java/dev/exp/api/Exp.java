package dev.exp.api;

import java.util.Map;

/**
 * One-liners for the simple case, on a shared default engine (sandboxed: nothing granted, default
 * limits, output to {@code System.out}); each call runs in a fresh session.
 *
 * <pre>{@code
 * double three = Exp.eval("1 + 2").asDouble();
 * double[][] p = Exp.eval("x @ x", Map.of("x", new double[][] {{1, 2}, {3, 4}})).asMatrix();
 * }</pre>
 */
public final class Exp {
  private static volatile Engine shared;

  private Exp() {}

  /** The shared default engine, built on first use. */
  public static Engine engine() {
    Engine e = shared;
    if (e == null) {
      synchronized (Exp.class) {
        if (shared == null) {
          shared = Engine.create();
        }
        e = shared;
      }
    }
    return e;
  }

  /** Evaluates code in a fresh session and returns the value of its last expression. */
  public static Value eval(String code) {
    return eval(code, Map.of());
  }

  /** Evaluates code in a fresh session whose globals are {@code globals} (converted as by {@link Session#set}). */
  public static Value eval(String code, Map<String, ?> globals) {
    java.util.Objects.requireNonNull(globals, "globals");
    try (Session s = engine().newSession()) {
      globals.forEach(s::set);
      return s.eval(code);
    }
  }
}
