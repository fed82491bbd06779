package dev.exp.api;

import dev.exp.eval.Interpreter;
import java.util.Set;

/**
 * A compiled script: parsed and checked once by {@link Engine#compile}, immutable, and safe to share
 * between threads. Run it any number of times, in any sessions of its engine, with {@link
 * Session#run(Script)}; running never parses again. The first run in a session links the program to
 * that session's globals (one pass over the tree); later runs in the same session reuse the linked
 * code as long as no global was added or removed in between.
 *
 * <pre>{@code
 * Script script = engine.compile("let r = norm(data @ w)\nr");
 * try (Session s = engine.newSession()) {
 *   s.set("data", matrix).set("w", weights);
 *   double r = s.run(script).asDouble();
 * }
 * }</pre>
 */
public final class Script {
  private final Engine engine;
  private final Source source;
  private final Interpreter.Checked checked;

  Script(Engine engine, Source source, Interpreter.Checked checked) {
    this.engine = engine;
    this.source = source;
    this.checked = checked;
  }

  public Source source() {
    return source;
  }

  /**
   * Names the script uses without defining them and that are not builtins: the session must define
   * them ({@link Session#set}) before {@link Session#run}, or the run reports them as undefined.
   */
  public Set<String> freeNames() {
    return checked.freeNames();
  }

  public Engine engine() {
    return engine;
  }

  Interpreter.Checked checked() {
    return checked;
  }

  @Override
  public String toString() {
    return "Script[" + checked.source().name() + "]";
  }
}
