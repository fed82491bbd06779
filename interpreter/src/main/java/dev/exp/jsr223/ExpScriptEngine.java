package dev.exp.jsr223;

import dev.exp.api.Diagnostic;
import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Script;
import dev.exp.api.Session;
import dev.exp.api.Source;
import dev.exp.api.StackFrame;
import dev.exp.api.Value;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.ref.Cleaner;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;

/**
 * Exp as a {@code javax.script} engine, also {@link Compilable} and {@link Invocable}.
 *
 * <pre>{@code
 * ScriptEngine exp = new ScriptEngineManager().getEngineByName("exp");
 * exp.put("x", new double[][] {{1, 2}, {3, 4}});
 * double[][] y = (double[][]) exp.eval("x @ x");
 * exp.eval("fn area(w, h) = w * h");
 * double a = (Double) ((Invocable) exp).invokeFunction("area", 2, 3);
 * }</pre>
 *
 * <p>The engine-scope bindings are the globals of an Exp {@link Session}: values put there are
 * converted as by {@link Session#set}, and a script's top-level definitions ({@code let}, {@code
 * var}, {@code fn}) appear there as plain Java values (Double, Boolean, String, {@code double[]} for a
 * vector, {@code double[][]} for a matrix, List, Map; a function stays a {@link Value}). {@code eval}
 * returns the value of the last expression the same way. Names a script uses but does not define are
 * looked up in the context's scopes (engine, then global); a global-scope value a script uses is
 * copied into its session. Bindings of another kind (a {@code SimpleBindings} passed to {@code
 * eval}) work too: their entries are copied in before the script runs, and new or changed globals
 * written back after.
 *
 * <p>{@code print} writes to the context's writer. Errors are {@link ScriptException}s with the file
 * name ({@code ScriptEngine.FILENAME}, default {@code <script>}), line and column of the failing
 * expression; {@link ScriptException#getCause()} is the {@link dev.exp.api.ExpException}.
 *
 * <p>Not thread-safe (the factory's THREADING parameter is null): use one engine per thread.
 */
public final class ExpScriptEngine extends AbstractScriptEngine implements Compilable, Invocable, AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  private final ExpScriptEngineFactory factory;
  private final Engine engine;

  ExpScriptEngine(ExpScriptEngineFactory factory) {
    this.factory = factory;
    this.engine = factory.engine();
    context.setBindings(createBindings(), ScriptContext.ENGINE_SCOPE);
  }

  /** The Exp engine this script engine runs on. */
  public Engine engine() {
    return engine;
  }

  /** Bindings backed by a new Exp session (closed when the bindings become unreachable). */
  @Override
  public Bindings createBindings() {
    Session s = engine.newSession();
    ExpBindings b = new ExpBindings(s);
    CLEANER.register(b, s::close);
    return b;
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  @Override
  public Object eval(String script, ScriptContext ctx) throws ScriptException {
    Script compiled = compileScript(script, ctx);
    return execute(ctx, compiled.freeNames(), s -> s.run(compiled)).toJava();
  }

  @Override
  public Object eval(Reader reader, ScriptContext ctx) throws ScriptException {
    return eval(read(reader), ctx);
  }

  // ---------------------------------------------------------------- Compilable

  @Override
  public CompiledScript compile(String script) throws ScriptException {
    return new ExpCompiledScript(this, compileScript(script, context));
  }

  @Override
  public CompiledScript compile(Reader script) throws ScriptException {
    return compile(read(script));
  }

  Object run(Script script, ScriptContext ctx) throws ScriptException {
    return execute(ctx, script.freeNames(), s -> s.run(script)).toJava();
  }

  private Script compileScript(String code, ScriptContext ctx) throws ScriptException {
    try {
      return engine.compile(new Source(fileName(ctx), code));
    } catch (ExpSyntaxException e) {
      throw scriptException(e);
    }
  }

  // ---------------------------------------------------------------- Invocable

  /** Calls a function defined by an earlier evaluation (or a builtin such as {@code "linalg.det"}). */
  @Override
  public Object invokeFunction(String name, Object... args) throws ScriptException, NoSuchMethodException {
    return invoke(context, name, args);
  }

  private Object invoke(ScriptContext ctx, String name, Object[] args) throws ScriptException, NoSuchMethodException {
    if (!hasFunction(ctx, name)) {
      throw new NoSuchMethodException("no Exp function named '" + name + "'");
    }
    return execute(ctx, Set.of(), s -> s.call(name, args == null ? new Object[0] : args)).toJava();
  }

  /**
   * Calls the function in field {@code name} of a record {@code thiz} (a Map or {@link Value} a script
   * returned), with {@code args} (the record is not passed).
   */
  @Override
  public Object invokeMethod(Object thiz, String name, Object... args) throws ScriptException, NoSuchMethodException {
    Object field = field(thiz, name);
    if (!(field instanceof Value f) || !f.isFunction()) {
      throw new NoSuchMethodException("the record has no function field '" + name + "'");
    }
    return execute(context, Set.of(), s -> s.call(f, args == null ? new Object[0] : args)).toJava();
  }

  private static Object field(Object thiz, String name) {
    if (thiz instanceof Value v && v.isRecord()) {
      return v.asMap().containsKey(name) ? v.get(name) : null;
    }
    if (thiz instanceof Map<?, ?> m) {
      return m.get(name);
    }
    throw new IllegalArgumentException("invokeMethod needs a record (a Map or Value from a script), got "
        + (thiz == null ? "null" : thiz.getClass().getName()));
  }

  /**
   * An implementation of {@code iface} whose methods call the Exp functions of the same names; null
   * when one of its methods has no function. Results convert to the method's return type ({@code
   * double}, {@code double[]}, {@code double[][]}, {@code String}, ...).
   */
  @Override
  public <T> T getInterface(Class<T> iface) {
    ScriptContext ctx = context;
    for (Method m : abstractMethods(iface)) {
      if (!hasFunction(ctx, m.getName())) {
        return null;
      }
    }
    return proxy(iface, (m, args) -> invoke(ctx, m.getName(), args));
  }

  /**
   * Like {@link #getInterface(Class)}, with methods taken from the function fields of a record. A
   * script error in a method that does not declare {@code ScriptException} is thrown as the
   * unchecked {@link dev.exp.api.ExpRuntimeException} (or {@link dev.exp.api.ExpSyntaxException}).
   */
  @Override
  public <T> T getInterface(Object thiz, Class<T> iface) {
    for (Method m : abstractMethods(iface)) {
      if (!(field(thiz, m.getName()) instanceof Value v && v.isFunction())) {
        return null;
      }
    }
    return proxy(iface, (m, args) -> invokeMethod(thiz, m.getName(), args));
  }

  private interface Call {
    Object apply(Method m, Object[] args) throws Exception;
  }

  private static List<Method> abstractMethods(Class<?> iface) {
    if (iface == null || !iface.isInterface()) {
      throw new IllegalArgumentException("not an interface: " + iface);
    }
    return java.util.Arrays.stream(iface.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers())).toList();
  }

  private static <T> T proxy(Class<T> iface, Call call) {
    Object p = Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[] {iface}, (self, m, args) -> {
      if (m.getDeclaringClass() == Object.class) {
        return switch (m.getName()) {
          case "equals" -> self == args[0];
          case "hashCode" -> System.identityHashCode(self);
          default -> "Exp implementation of " + iface.getName();
        };
      }
      Object result;
      try {
        result = call.apply(m, args);
      } catch (ScriptException e) {
        for (Class<?> declared : m.getExceptionTypes()) {
          if (declared.isInstance(e)) {
            throw e;
          }
        }
        // the method cannot throw the checked ScriptException (a proxy would wrap it in an
        // UndeclaredThrowableException): throw the script error itself, an unchecked ExpException
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
      }
      return Results.as(m.getReturnType(), result);
    });
    return iface.cast(p);
  }

  private boolean hasFunction(ScriptContext ctx, String name) {
    Bindings eb = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
    if (eb instanceof ExpBindings xb && xb.session().engine() == engine) {
      Value v = xb.session().get(name);
      if (v != null) {
        return v.isFunction();
      }
    } else if (ctx.getAttributesScope(name) != -1) {
      return ctx.getAttribute(name) instanceof Value v && v.isFunction();
    }
    return engine.hasFunction(name);
  }

  // ---------------------------------------------------------------- running

  private interface Action {
    Value run(Session s);
  }

  /**
   * Runs in the session behind the context's engine-scope bindings (or a temporary one for foreign
   * bindings), with print going to the context's writer and errors as ScriptExceptions.
   */
  private Value execute(ScriptContext ctx, Set<String> freeNames, Action action) throws ScriptException {
    Bindings eb = ctx.getBindings(ScriptContext.ENGINE_SCOPE);
    boolean own = eb instanceof ExpBindings xb && xb.session().engine() == engine;
    Session s = own ? ((ExpBindings) eb).session() : engine.newSession();
    Map<String, Object> in = new HashMap<>();
    try {
      if (!own && eb != null) {
        for (Map.Entry<String, Object> e : eb.entrySet()) {
          if (ExpBindings.isIdentifier(e.getKey())) {
            s.set(e.getKey(), e.getValue());
            in.put(e.getKey(), s.get(e.getKey()).raw());
          }
        }
      }
      for (String n : freeNames) {
        if (s.get(n) == null && ctx.getAttributesScope(n) != -1) {
          s.set(n, ctx.getAttribute(n));
        }
      }
      s.output(lines(ctx.getWriter()));
      s.warnings(lines(ctx.getErrorWriter()));   // warnings go where a script's errors would
      return action.run(s);
    } catch (ExpSyntaxException e) {
      throw scriptException(e);
    } catch (ExpRuntimeException e) {
      throw scriptException(e);
    } catch (IllegalArgumentException e) {
      ScriptException x = new ScriptException(e.getMessage());
      x.initCause(e);
      throw x;
    } finally {
      if (!own) {
        if (eb != null) {
          for (String n : s.globalNames()) {
            Object raw = s.get(n).raw();
            if (!in.containsKey(n) || in.get(n) != raw) {
              eb.put(n, s.get(n).toJava());
            }
          }
        }
        s.close();
      }
    }
  }

  /** Scripts compiled without a FILENAME so far: each gets its own name, so an error's line is unambiguous. */
  private final java.util.concurrent.atomic.AtomicInteger unnamed = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * The context's FILENAME, else {@code <script>} for the engine's first script and {@code
   * <script-N>} for its N-th: an error in a function defined by an earlier eval names that eval.
   */
  private String fileName(ScriptContext ctx) {
    Object f = ctx.getAttribute(ScriptEngine.FILENAME);
    if (f != null) {
      return f.toString();
    }
    int n = unnamed.incrementAndGet();
    return n == 1 ? "<script>" : "<script-" + n + ">";
  }

  /** Writes each text given to {@code w} as a line, flushed (print output, warnings). */
  private static java.util.function.Consumer<String> lines(Writer w) {
    return text -> {
      try {
        w.write(text);
        w.write(System.lineSeparator());
        w.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  static ScriptException scriptException(ExpSyntaxException e) {
    List<Diagnostic> ds = e.diagnostics();
    ScriptException x;
    if (ds.isEmpty()) {
      x = new ScriptException(e.getMessage());
    } else {
      Diagnostic d = ds.get(0);
      String more = ds.size() > 1 ? " (and " + (ds.size() - 1) + " more error" + (ds.size() > 2 ? "s" : "") + ")" : "";
      x = new ScriptException(d.message() + more, d.file(), d.line(), d.column());
    }
    x.initCause(e);
    return x;
  }

  static ScriptException scriptException(ExpRuntimeException e) {
    StackFrame at = e.location();
    ScriptException x = at == null || at.line() <= 0 ? new ScriptException(e.getMessage())
        : new ScriptException(e.getMessage(), at.file(), at.line(), at.column());
    x.initCause(e);
    return x;
  }

  private static String read(Reader r) throws ScriptException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = r.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      ScriptException x = new ScriptException("cannot read the script: " + e.getMessage());
      x.initCause(e);
      throw x;
    }
  }

  /** Closes the session behind the engine's default bindings (they are closed anyway once unreachable). */
  @Override
  public void close() {
    Bindings eb = context.getBindings(ScriptContext.ENGINE_SCOPE);
    if (eb instanceof ExpBindings xb) {
      xb.session().close();
    }
  }
}
