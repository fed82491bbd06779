package dev.exp.eval;

import dev.exp.random.Rng;
import dev.exp.syntax.Loc;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per-thread evaluation state: output, the seeded random stream, granted capabilities, and the
 * limits (steps, call depth, deadline, interruption), checked at calls and loop back-edges.
 */
public final class Context {
  final Interpreter interpreter;
  Consumer<String> out;
  Rng rng;
  final Set<String> grants;
  final Path baseDir;
  final long maxSteps;
  final int maxDepth;
  long deadlineNanos;
  long steps;
  int depth;
  volatile boolean cancelled;
  ExperimentProgress progress = ExperimentProgress.NONE;
  int jobs;
  SessionResources resources;

  Context(Interpreter interpreter, Consumer<String> out, Rng rng, Set<String> grants, Path baseDir, long maxSteps,
      int maxDepth, long deadlineNanos) {
    this.interpreter = interpreter;
    this.out = out;
    this.rng = rng;
    this.grants = grants;
    this.baseDir = baseDir;
    this.maxSteps = maxSteps;
    this.maxDepth = maxDepth;
    this.deadlineNanos = deadlineNanos;
  }

  /** A context for another thread (parallel trials): same settings, its own counters and stream. */
  Context fork(Rng forkRng, Consumer<String> forkOut) {
    Context c = new Context(interpreter, forkOut, forkRng, grants, baseDir, maxSteps, maxDepth, deadlineNanos);
    c.progress = ExperimentProgress.NONE;
    c.jobs = 1;
    c.resources = resources;
    return c;
  }

  /** Where experiment progress goes (default: nowhere). */
  public void setProgress(ExperimentProgress p) {
    this.progress = p == null ? ExperimentProgress.NONE : p;
  }

  /** Default number of parallel trials for experiments (0: available processors). */
  public void setJobs(int n) {
    this.jobs = n;
  }

  /** Resources that live as long as the session (set by the session that made this context). */
  public void setResources(SessionResources r) {
    this.resources = r;
  }

  /** The session's resources; a context made without a session gets its own, never closed. */
  public SessionResources resources() {
    if (resources == null) {
      resources = new SessionResources();
    }
    return resources;
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  public Rng rng() {
    return rng;
  }

  public void print(String line) {
    out.accept(line);
  }

  public boolean granted(String capability) {
    return grants.contains(capability);
  }

  /**
   * Stops with the standard "may not" error unless {@code capability} (a {@link
   * dev.exp.api.Capability#key()}) is granted; {@code who} names the function asking.
   */
  public void require(String capability, String who, Loc loc) {
    if (!grants.contains(capability)) {
      throw new ExpError(who + ": " + denied(capability), loc);
    }
  }

  /** "this session may not read files (the host has not granted Capability.FILE_READ)". */
  public static String denied(String capability) {
    dev.exp.api.Capability c = dev.exp.api.Capability.ofKey(capability);
    return c == null ? "this session may not use '" + capability + "' (the host has not granted it)"
        : "this session may not " + c.action() + " (the host has not granted Capability." + c.name() + ")";
  }

  /** The wall-clock deadline as a {@link System#nanoTime()} value, or 0 for none. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Whether {@link #cancel()} was called and not yet acted on. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Checks interruption, cancellation and the deadline now (a long-running builtin calls this), throwing
   * the interrupt or time-limit error.
   */
  public void checkLimits(Loc loc) {
    poll(loc);
  }

  public Path baseDir() {
    return baseDir;
  }

  /** Asks a running evaluation to stop at its next check (REPL Ctrl-C). */
  public void cancel() {
    cancelled = true;
  }

  /** One step: a call or a loop iteration. */
  void tick(Loc loc) {
    long s = ++steps;
    if (s > maxSteps) {
      throw new LimitError(dev.exp.api.ExpLimitException.Kind.STEPS,
          "step limit exceeded: the script ran more than " + maxSteps + " steps (calls and loop iterations)", loc);
    }
    if ((s & 1023) == 0) {
      poll(loc);
    }
  }

  /** Checks interruption and the deadline. */
  void poll(Loc loc) {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      cancelled = false;
      Thread.interrupted();
      throw new InterruptError(loc);
    }
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new LimitError(dev.exp.api.ExpLimitException.Kind.TIME, "time limit exceeded", loc);
    }
  }

  void enter(Loc loc) {
    if (++depth > maxDepth) {

      throw new LimitError(dev.exp.api.ExpLimitException.Kind.CALL_DEPTH,
          "call depth limit exceeded: more than " + maxDepth + " nested calls (unbounded recursion?)", loc);
    }
  }

  void exit() {
    depth--;
  }

  /** Thrown when a limit is hit. */
  static final class LimitError extends ExpError {
    private static final long serialVersionUID = 1L;
    final dev.exp.api.ExpLimitException.Kind kind;

    LimitError(dev.exp.api.ExpLimitException.Kind kind, String message, Loc loc) {
      super(message, loc);
      this.kind = kind;
    }
  }

  /** Thrown when the evaluation is interrupted. */
  static final class InterruptError extends ExpError {
    private static final long serialVersionUID = 1L;

    InterruptError(Loc loc) {
      super("interrupted", loc);
    }
  }
}
