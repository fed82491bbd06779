package dev.exp.jsr223;

import dev.exp.api.Script;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

/**
 * A script parsed and checked once by {@link ExpScriptEngine#compile}; each {@code eval} runs it
 * without parsing again, in the session of the context's engine-scope bindings.
 */
final class ExpCompiledScript extends CompiledScript {
  private final ExpScriptEngine engine;
  private final Script script;

  ExpCompiledScript(ExpScriptEngine engine, Script script) {
    this.engine = engine;
    this.script = script;
  }

  @Override
  public Object eval(ScriptContext context) throws ScriptException {
    return engine.run(script, context);
  }

  @Override
  public ScriptEngine getEngine() {
    return engine;
  }

  /** The compiled Exp script. */
  Script script() {
    return script;
  }
}
