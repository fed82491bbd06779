package dev.exp.api;

/** One-liners for the simple case: {@code Exp.eval("1 + 2").asDouble()}. */
public final class Exp {
  private static volatile Engine shared;

  private Exp() {}

  /** Evaluates code in a fresh session of a shared default engine (sandboxed: no file access). */
  public static Value eval(String code) {
    Engine e = shared;
    if (e == null) {
      synchronized (Exp.class) {
        if (shared == null) {
          shared = Engine.builder().build();
        }
        e = shared;
      }
    }
    try (Session s = e.newSession()) {
      return s.eval(code);
    }
  }
}
