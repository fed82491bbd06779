package dev.exp.api;

import dev.exp.eval.Callable;
import dev.exp.eval.Context;
import dev.exp.eval.ExpError;
import dev.exp.eval.Globals;
import dev.exp.eval.Interpreter;
import dev.exp.eval.Values;
import dev.exp.random.Rng;
import dev.exp.syntax.Loc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A conversation with the engine: globals persist between evaluations, and the session's seeded
 * random stream continues. Use from one thread at a time. Interrupting the thread stops a running
 * evaluation with {@link ExpInterruptedException}; the session stays usable.
 */
public final class Session implements AutoCloseable {
  private final Engine engine;
  private final Globals globals = new Globals();
  private final Rng rng;
  private Consumer<String> output;
  private final Set<String> grants = new HashSet<>();
  private volatile Context running;
  private boolean closed;

  Session(Engine engine) {
    this.engine = engine;
    this.rng = new Rng(engine.seed());
    this.output = engine.output();
    for (Capability c : engine.grants()) {
      grants.add(c.key());
    }
  }

  /** Redirects this session's {@code print} output. */
  public Session output(Consumer<String> out) {
    this.output = out;
    return this;
  }

  /** Grants a capability to this session only. */
  public Session grant(Capability c) {
    grants.add(c.key());
    return this;
  }

  public Value eval(String code) {
    return eval(new Source("<eval>", code));
  }

  /** Compiles and runs {@code source}; returns the value of its last expression statement. */
  public Value eval(Source source) {
    checkOpen();
    Interpreter in = engine.interpreter();
    Interpreter.Compiled c = in.compile(source, globals);
    return new Value(execute(c));
  }

  /** Runs a compiled script in this session. */
  public Value run(Script script) {
    return eval(script.source());
  }

  private Object execute(Interpreter.Compiled c) {
    Context ctx = newContext();
    running = ctx;
    try {
      return engine.interpreter().run(c, ctx);
    } catch (ExpError e) {
      throw Errors.convert(e);
    } finally {
      running = null;
    }
  }

  private Context newContext() {
    Limits l = engine.limits();
    long deadline = l.timeout() == null ? 0 : System.nanoTime() + l.timeout().toNanos();
    if (deadline == 0 && l.timeout() != null) {
      deadline = 1;
    }
    Context ctx = engine.interpreter().newContext(output, rng, Set.copyOf(grants), engine.baseDir(), l.maxSteps(),
        l.maxCallDepth(), deadline);
    ctx.setProgress(progress);
    ctx.setJobs(jobs);
    return ctx;
  }

  /** Calls a script function defined in this session (or a builtin) with Java arguments. */
  public Value call(String function, Object... args) {
    checkOpen();
    Object f = globals.isDefined(function) ? globals.value(function) : engine.interpreter().lookup(function);
    if (!(f instanceof Callable c)) {
      throw new IllegalArgumentException("no function named '" + function + "' in this session");
    }
    Object[] converted = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      converted[i] = Values.fromJava(args[i]);
    }
    Context ctx = newContext();
    running = ctx;
    try {
      return new Value(c.call(ctx, converted, null, Loc.NONE));
    } catch (ExpError e) {
      throw Errors.convert(e);
    } finally {
      running = null;
    }
  }

  /** Sets a global visible to later evaluations; Java values are converted (double[], List, Map, ...). */
  public Session set(String name, Object value) {
    globals.put(name, Values.fromJava(value));
    return this;
  }

  /** Registers a host function for this session only. */
  public Session function(String name, HostFunction fn) {
    globals.put(name, HostFunction.adapt(name, fn));
    return this;
  }

  /** The value of a global, or null when undefined. */
  public Value get(String name) {
    return globals.isDefined(name) ? new Value(globals.value(name)) : null;
  }

  /** Names of the session's globals. */
  public List<String> globalNames() {
    return List.copyOf(globals.names());
  }

  /** Forgets all globals. */
  public void reset() {
    globals.clear();
  }

  /** Asks a running evaluation (on another thread) to stop; it ends with {@link ExpInterruptedException}. */
  public void cancel() {
    Context c = running;
    if (c != null) {
      c.cancel();
    }
  }

  public Engine engine() {
    return engine;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("session is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    globals.clear();
  }

  // ---------------------------------------------------------------- experiments

  private dev.exp.eval.ExperimentProgress progress = dev.exp.eval.ExperimentProgress.NONE;
  private int jobs;

  /** Receives the progress of experiments run by this session (default: none). */
  public Session progress(dev.exp.eval.ExperimentProgress listener) {
    this.progress = listener == null ? dev.exp.eval.ExperimentProgress.NONE : listener;
    return this;
  }

  /** Parallel trials for experiments without a {@code jobs:} option (0: available processors). */
  public Session jobs(int n) {
    this.jobs = n;
    return this;
  }
}
