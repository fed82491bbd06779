package dev.exp.api;

import dev.exp.eval.Interpreter;
import dev.exp.eval.runtime.ExperimentProgress;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Globals;
import dev.exp.eval.runtime.SessionResources;
import dev.exp.random.Rng;
import dev.exp.syntax.CompileError;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;

/**
 * A conversation with an {@link Engine}: globals persist between evaluations, and the session's
 * seeded random stream continues. Use a session from one thread at a time (another thread entering
 * while it runs gets an {@link IllegalStateException}); open one per thread for parallel work.
 * Close it when done (try-with-resources).
 *
 * <pre>{@code
 * try (Session s = engine.newSession()) {
 *   s.set("data", new double[][] {{1, 2}, {3, 4}});       // host values in
 *   s.eval("fn center(x) = x - mean(x, axis: 0)");        // define script functions
 *   double[][] c = s.call("center", s.get("data")).asMatrix();   // call them from Java
 * }
 * }</pre>
 *
 * <p>Every evaluation is bounded by the engine's {@link Limits}; a limit, {@code Thread.interrupt()}
 * of the running thread or {@link #cancel()} stops it with an {@link ExpLimitException} or {@link
 * ExpInterruptedException}, and the session stays usable. Errors in the script are {@link
 * ExpSyntaxException} (before anything runs) or {@link ExpRuntimeException} (with the script stack).
 */
public final class Session implements AutoCloseable {
  private final Engine engine;
  private final Globals globals = new Globals();
  private final Rng rng;
  private final Set<String> grants = new HashSet<>();
  private final SessionResources resources = new SessionResources();
  private final Map<Script, Linked> linked = new WeakHashMap<>();
  private final Value.Caller caller = this::callFunction;
  private Consumer<String> output;
  private Consumer<String> warningOutput;
  private final dev.exp.eval.runtime.Warnings warnings = new dev.exp.eval.runtime.Warnings();
  private volatile Context running;
  private volatile boolean closed;
  private Thread owner;
  private int nesting;
  private dev.exp.eval.runtime.FileRoots fileRoots;
  private ExperimentProgress progress = ExperimentProgress.NONE;
  private int jobs;
  /** How many times a script was linked to this session's globals (tests check the reuse). */
  int links;

  /** A script linked to this session's globals, valid while the globals' version is unchanged. */
  private record Linked(Interpreter.Compiled code, long version) {}

  Session(Engine engine) {
    this.engine = engine;
    this.rng = new Rng(engine.seed());
    this.output = engine.output();
    this.warningOutput = engine.warnings();
    for (Capability c : engine.grants()) {
      grants.add(c.key());
    }
  }

  /** Redirects this session's {@code print} output, one line per call. */
  public Session output(Consumer<String> out) {
    this.output = Objects.requireNonNull(out, "output");
    return this;
  }

  /**
   * Redirects this session's warnings: each is one text, {@code file:line:col: warning: message},
   * the source line and a caret, given once per source location and run (see {@link
   * Engine.Builder#warnings}). The consumer may be called from parallel trials' threads.
   */
  public Session warnings(Consumer<String> out) {
    this.warningOutput = Objects.requireNonNull(out, "warnings");
    return this;
  }

  /** Grants capabilities to this session only (in addition to the engine's). */
  public Session grant(Capability... cs) {
    for (Capability c : cs) {
      grants.add(java.util.Objects.requireNonNull(c, "capability").key());
    }
    return this;
  }

  /** Whether this session has a capability. */
  public boolean isGranted(Capability c) {
    return grants.contains(c.key());
  }

  /** Compiles and runs code named {@code <eval>} in messages; returns the value of its last expression statement. */
  public Value eval(String code) {
    return eval(new Source("<eval>", code));
  }

  /**
   * Compiles and runs {@code source} in this session; returns the value of its last expression
   * statement (none when it ends with a definition). Its top-level definitions become globals.
   *
   * @throws ExpSyntaxException before running when the code has syntax or static errors, or when
   *     a file it imports has them (raised when the import runs, the import's place in the message)
   * @throws ExpRuntimeException when it fails while running (limits and interruption included)
   */
  public Value eval(Source source) {
    enter();
    try {
      Interpreter.Compiled c;
      try {
        c = engine.interpreter().compile(source.body(), globals);
      } catch (CompileError e) {
        throw ExpSyntaxException.of(e);
      }
      return new Value(execute(c), caller);
    } finally {
      exit();
    }
  }

  /**
   * Runs a compiled script in this session (no parsing). Its top-level definitions become globals,
   * as with {@link #eval}.
   *
   * @throws IllegalArgumentException when the script was compiled by another engine
   * @throws ExpSyntaxException when the script uses a name ({@link Script#freeNames()}) this session does not define
   */
  public Value run(Script script) {
    if (script.engine() != engine) {
      throw new IllegalArgumentException("the script was compiled by another engine");
    }
    enter();
    try {
      Linked l = linked.get(script);
      if (l == null || l.version() != globals.version()) {
        Interpreter.Checked ch = script.checked();
        Interpreter.Compiled code;
        try {
          code = engine.interpreter().compile(ch.source(), ch.program(), globals);
        } catch (CompileError e) {
          throw ExpSyntaxException.of(e);
        }
        l = new Linked(code, globals.version());
        links++;
        linked.put(script, l);
      }
      return new Value(execute(l.code()), caller);
    } finally {
      exit();
    }
  }

  private Object execute(Interpreter.Compiled c) {
    Context ctx = newContext();
    Context outer = running;
    running = ctx;
    dev.exp.kernel.KernelContext previous = dev.exp.kernel.KernelContext.install(ctx);
    Consumer<String> to = warningOutput;
    dev.exp.eval.runtime.ImportedModules imported = resources.get(dev.exp.eval.runtime.ImportedModules.class,
        dev.exp.eval.runtime.ImportedModules::new);
    if (outer == null) {
      warnings.reset();
    }
    warnings.setSink(w -> to.accept(Errors.warning(w, c.source(), imported)));
    try {
      return dev.exp.kernel.Parallel.withThreads(engine.threads(), () -> engine.interpreter().run(c, ctx));
    } catch (dev.exp.eval.runtime.ImportSyntaxError e) {
      throw ExpSyntaxException.ofImport(e.errors(), e.importedAt());
    } catch (ExpError e) {
      throw Errors.convert(e, c.source(), resources.get(dev.exp.eval.runtime.ImportedModules.class, dev.exp.eval.runtime.ImportedModules::new));
    } finally {
      dev.exp.kernel.KernelContext.restore(previous);
      ctx.close();
      running = outer;
    }
  }

  private Context newContext() {
    if (fileRoots == null) {
      fileRoots = new dev.exp.eval.runtime.FileRoots(engine.baseDir(), engine.fileRoots());
    }
    Limits l = engine.limits();
    long deadline = 0;
    // a timeout longer than ~146 years is as good as none: capped so that the deadline does not overflow
    long timeoutNanos = l.timeout() == null ? 0
        : l.timeout().compareTo(java.time.Duration.ofNanos(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : l.timeout().toNanos();
    if (l.timeout() != null) {
      deadline = System.nanoTime() + timeoutNanos;
      if (deadline == 0) {
        deadline = 1;
      }
    }
    Context ctx = engine.interpreter().newContext(output, rng, Set.copyOf(grants), engine.baseDir(), l.maxSteps(),
        l.maxCallDepth(), deadline);
    ctx.setProgress(progress);
    if (l.timeout() != null) {
      ctx.setTimeLimitNanos(timeoutNanos);
    }
    ctx.setMaxValueBytes(l.maxValueBytes());
    ctx.setFileRoots(fileRoots);
    ctx.setJobs(jobs);
    ctx.setResources(resources);
    ctx.setWarnings(warnings);
    return ctx;
  }

  /**
   * Calls a script function defined in this session, or a builtin ({@code "linalg.solve"}), with Java
   * arguments converted as by {@link #set}.
   *
   * @throws IllegalArgumentException when there is no function of that name
   * @throws ExpRuntimeException when the call fails
   */
  public Value call(String function, Object... args) {
    checkOpen();
    java.util.Objects.requireNonNull(function, "function");
    Object f = globals.isDefined(function) ? globals.value(function) : engine.interpreter().lookup(function);
    if (!(f instanceof Callable)) {
      throw new IllegalArgumentException(f == null ? "no function named '" + function + "' in this session"
          : "'" + function + "' is not a function but " + dev.exp.eval.runtime.Values.describe(f));
    }
    return new Value(f, caller).call(args);
  }

  /**
   * Calls a function with one argument. (This overload lets {@code call("f", matrix)} pass a {@code
   * double[][]} as one argument instead of as the varargs array.)
   */
  public Value call(String function, Object arg) {
    return call(function, new Object[] {arg});
  }

  /** Calls a function value (from {@link #eval} or {@link #get}) with Java arguments. */
  public Value call(Value function, Object... args) {
    checkOpen();
    if (!function.isFunction()) {
      throw new IllegalArgumentException("not a function: " + function.type());
    }
    return new Value(function.raw(), caller).call(args);
  }

  /** The public form of an error out of a function called from the host (imported files' lines included). */
  private ExpRuntimeException callError(ExpError e) {
    return Errors.convert(e, null, resources.get(dev.exp.eval.runtime.ImportedModules.class, dev.exp.eval.runtime.ImportedModules::new));
  }

  private Object callFunction(Callable fn, Object[] args) {
    enter();
    Context outer = running;
    if (outer != null) {
      // a callback from a host function while an evaluation runs on this thread: it runs under that
      // evaluation's limits (deadline, steps, depth, interrupt and cancel) and counts a step, as a call does
      try {
        outer.tick(outer.kernelLoc);
        return engine.interpreter().call(fn, args, outer);
      } catch (ExpError e) {
        throw callError(e);
      } finally {
        exit();
      }
    }
    Context ctx = newContext();
    running = ctx;
    dev.exp.kernel.KernelContext previous = dev.exp.kernel.KernelContext.install(ctx);
    try {
      return dev.exp.kernel.Parallel.withThreads(engine.threads(), () -> engine.interpreter().call(fn, args, ctx));
    } catch (ExpError e) {
      throw callError(e);
    } finally {
      dev.exp.kernel.KernelContext.restore(previous);
      ctx.close();
      running = outer;
      exit();
    }
  }

  /**
   * Defines (or redefines) a global visible to later evaluations. Java values are converted: numbers
   * to numbers; {@code double[]}, {@code int[]}, {@code long[]} and a List of numbers to vectors;
   * {@code double[][]} to a matrix; other Lists to lists; a Map with String keys to a record; a
   * {@link HostFunction} to a function; a {@link Value} as it is. Arrays are copied.
   *
   * @throws IllegalArgumentException for any other Java object (scripts never hold arbitrary objects)
   */
  public Session set(String name, Object value) {
    checkOpen();
    checkName(name);
    globals.put(name, HostValues.toExp(value, "global '" + name + "'"));
    return this;
  }

  /**
   * Registers a host function for this session only; {@code spec} is a name or a signature such as
   * {@code "scale(x, factor: 1)"} (see {@link Engine.Builder#function}).
   */
  public Session function(String spec, HostFunction fn) {
    checkOpen();
    if (!HostCallable.validSpec(spec)) {
      throw new IllegalArgumentException("a host function name must be an identifier or a signature such as "
          + "\"f(x, y: 1)\", got '" + spec + "'");
    }
    globals.put(HostCallable.nameOf(spec), HostCallable.adapt(spec, Objects.requireNonNull(fn, "fn")));
    return this;
  }

  private static void checkName(String name) {
    if (!dev.exp.syntax.Identifiers.isIdentifier(name)) {
      throw new IllegalArgumentException("a global name must be an identifier, got '" + name + "'");
    }
    if (dev.exp.syntax.Identifiers.isReserved(name)) {
      throw new IllegalArgumentException("'" + name + "' is a reserved word of Exp and cannot name a global");
    }
  }

  /** The value of a global, or null when the session does not define it. */
  public Value get(String name) {
    return globals.isDefined(name) ? new Value(globals.value(name), caller) : null;
  }

  /** Names of the session's globals, in definition order. */
  public List<String> globalNames() {
    return globals.names().stream().filter(globals::isDefined).toList();
  }

  /** Removes one global (no effect when it is not defined). */
  public void remove(String name) {
    globals.remove(name);
  }

  /** Forgets all globals. */
  public void reset() {
    globals.clear();
    linked.clear();
  }

  /**
   * Asks a running evaluation (on another thread) to stop: it ends with {@link
   * ExpInterruptedException} at its next check. No effect when nothing runs.
   */
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

  private synchronized void enter() {
    checkOpen();
    Thread t = Thread.currentThread();
    if (owner != null && owner != t) {
      throw new IllegalStateException("this session is running on thread '" + owner.getName()
          + "'; a session is used by one thread at a time (open one session per thread)");
    }
    owner = t;
    nesting++;
  }

  private synchronized void exit() {
    if (--nesting == 0) {
      owner = null;
    }
  }

  /** Forgets the globals and releases what the session holds (such as its JavaScript context). */
  @Override
  public void close() {
    closed = true;
    resources.close();
    synchronized (this) {
      if (owner == null) {
        globals.clear();
        linked.clear();
      }
    }
  }

  // ---------------------------------------------------------------- experiments

  /**
   * Receives the progress of experiments run by this session (null: none, the default). The {@code
   * exp} command draws its status line with one.
   */
  public Session progress(ExperimentListener listener) {
    this.progress = listener == null ? ExperimentProgress.NONE : new ListenerProgress(listener);
    return this;
  }

  /** Parallel trials for experiments without a {@code jobs:} option (0: available processors). */
  public Session jobs(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("jobs must be 0 (available processors) or more, got " + n);
    }
    this.jobs = n;
    return this;
  }
}
