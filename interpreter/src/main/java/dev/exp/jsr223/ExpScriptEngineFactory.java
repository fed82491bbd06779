package dev.exp.jsr223;

import dev.exp.api.Engine;
import java.util.List;
import java.util.Objects;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * The {@code javax.script} (JSR-223) entry point for Exp, registered as a service:
 * {@code new ScriptEngineManager().getEngineByName("exp")} (or by extension {@code exp}, or MIME type
 * {@code text/x-exp}) returns an {@link ExpScriptEngine}.
 *
 * <p>Threading: {@link #getParameter getParameter("THREADING")} is {@code null}: a script engine is
 * not thread-safe; use one per thread. Script engines made by one factory share one immutable
 * {@link Engine} (the bound standard library), so making more of them is cheap.
 *
 * <p>Engines found through {@code ScriptEngineManager} are sandboxed with the default limits
 * ({@link Engine#create()}). To grant capabilities, set limits or register host modules, make the
 * factory yourself: {@code new ExpScriptEngineFactory(Engine.builder()...build()).getScriptEngine()}.
 */
public final class ExpScriptEngineFactory implements ScriptEngineFactory {
  static final String VERSION = "0.1.0";
  private static final List<String> NAMES = List.of("exp", "Exp");
  private static final List<String> EXTENSIONS = List.of("exp");
  private static final List<String> MIME_TYPES = List.of("text/x-exp", "application/x-exp");

  private final Engine engine;
  private volatile Engine lazy;

  /** The factory the service loader uses: a default, sandboxed engine, built on first use. */
  public ExpScriptEngineFactory() {
    this.engine = null;
  }

  /** A factory whose script engines run on {@code engine} (its grants, limits, host modules). */
  public ExpScriptEngineFactory(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  Engine engine() {
    if (engine != null) {
      return engine;
    }
    Engine e = lazy;
    if (e == null) {
      synchronized (this) {
        if (lazy == null) {
          lazy = Engine.create();
        }
        e = lazy;
      }
    }
    return e;
  }

  @Override
  public String getEngineName() {
    return "Exp";
  }

  @Override
  public String getEngineVersion() {
    return VERSION;
  }

  @Override
  public List<String> getExtensions() {
    return EXTENSIONS;
  }

  @Override
  public List<String> getMimeTypes() {
    return MIME_TYPES;
  }

  @Override
  public List<String> getNames() {
    return NAMES;
  }

  @Override
  public String getLanguageName() {
    return "Exp";
  }

  @Override
  public String getLanguageVersion() {
    return VERSION;
  }

  /** The standard keys; {@code "THREADING"} is null: not thread-safe, one engine per thread. */
  @Override
  public Object getParameter(String key) {
    switch (key) {
      case ScriptEngine.ENGINE:
        return getEngineName();
      case ScriptEngine.ENGINE_VERSION:
        return getEngineVersion();
      case ScriptEngine.NAME:
        return NAMES.get(0);
      case ScriptEngine.LANGUAGE:
        return getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION:
        return getLanguageVersion();
      default:
        return null;   // includes "THREADING"
    }
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + "(" + String.join(", ", args) + ")";
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    return "print(" + quote(toDisplay) + ")";
  }

  /** An Exp string literal holding {@code s} exactly (no interpolation). */
  static String quote(String s) {
    return dev.exp.eval.runtime.Printer.quote(s);
  }

  @Override
  public String getProgram(String... statements) {
    return String.join("\n", statements);
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new ExpScriptEngine(this);
  }
}
