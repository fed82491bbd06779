package dev.exp.eval.runtime;

import dev.exp.kernel.KernelContext;
import dev.exp.random.Rng;
import dev.exp.syntax.Loc;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per-thread evaluation state: output, the seeded random stream, granted capabilities, and the
 * limits (steps, call depth, deadline, cancel, interruption), checked at calls, loop back-edges and
 * inside kernels. It is also the {@link KernelContext} kernels receive: {@link #poll()} may be called
 * from any thread; {@link #callBack} runs a script function on a context forked for the calling
 * thread when that is not this context's own.
 *
 * <p>Polling protocol: {@link #tick(Loc)} is one step (a call or a loop iteration: counts the step
 * against the step limit and polls); {@link #poll(Loc)} only checks deadline, cancel and interrupt.
 * Both are cheap (no clock read: a timer sets the deadline flag) and may run at every back-edge.
 */
public final class Context implements KernelContext {
  public final Environment environment;
  public Consumer<String> out;
  Rng rng;
  final Set<String> grants;
  public final Path baseDir;
  final long maxSteps;
  final int maxDepth;
  final Stop stop;
  /** The thread this context runs on. */
  final Thread thread;
  long steps;
  public int depth;
  /** Location of the kernel call running on this context (for {@link #location()}), or null. */
  public Loc kernelLoc;
  public ExperimentProgress progress = ExperimentProgress.NONE;
  public int jobs;
  SessionResources resources;
  /** The experiment whose trial this context runs (its name), or null outside trials. */
  private String trial;
  /** Where this evaluation's warnings go (shared with its forks); none by default. */
  Warnings warnings = new Warnings();
  /** The memory budget: the largest value this evaluation may create, in bytes. */
  long maxValueBytes = Long.MAX_VALUE;

  public Context(Environment environment, Consumer<String> out, Rng rng, Set<String> grants, Path baseDir, long maxSteps,
      int maxDepth, long deadlineNanos) {
    this(environment, out, rng, grants, baseDir, maxSteps, maxDepth, new Stop(deadlineNanos, Thread.currentThread()));
  }

  private Context(Environment environment, Consumer<String> out, Rng rng, Set<String> grants, Path baseDir,
      long maxSteps, int maxDepth, Stop stop) {
    this.environment = environment;
    this.out = out;
    this.rng = rng;
    this.grants = grants;
    this.baseDir = baseDir;
    this.maxSteps = maxSteps;
    this.maxDepth = maxDepth;
    this.stop = stop;
    this.thread = Thread.currentThread();
  }

  /**
   * A context for another thread (parallel trials, callbacks from kernel workers): same settings and
   * the same stop state (deadline, cancel, the owner's interrupt), its own counters and stream. Made on
   * the thread that will use it.
   */
  public Context fork(Rng forkRng, Consumer<String> forkOut) {
    Context c = new Context(environment, forkOut, forkRng, grants, baseDir, maxSteps, maxDepth, stop);
    c.progress = ExperimentProgress.NONE;
    c.jobs = 1;
    c.resources = resources;
    c.warnings = warnings;
    c.trial = trial;   // a kernel's callback from a worker runs for the same trial
    c.fileRoots = fileRoots;
    c.maxValueBytes = maxValueBytes;
    return c;
  }

  /** Ends the evaluation this context was made for: releases its deadline timer. */
  public void close() {
    stop.close();
  }

  /** Where experiment progress goes (default: nowhere). */
  public void setProgress(ExperimentProgress p) {
    this.progress = p == null ? ExperimentProgress.NONE : p;
  }

  /** Default number of parallel trials for experiments (0: available processors). */
  public void setJobs(int n) {
    this.jobs = n;
  }

  /** The memory budget (the host's limit on one value's size). */
  public void setMaxValueBytes(long bytes) {
    this.maxValueBytes = bytes;
  }

  @Override
  public long maxValueBytes() {
    return maxValueBytes;
  }

  /**
   * Checks a value of {@code bytes} bytes against the memory budget before it is made; {@code what}
   * names it ("a string of 2000000000 characters").
   */
  public void reserve(long bytes, String what, Loc loc) {
    if (bytes > maxValueBytes || bytes < 0) {
      throw memoryLimit(what + " needs " + dev.exp.kernel.Budget.size(bytes < 0 ? Long.MAX_VALUE : bytes)
          + ", over the memory limit of " + dev.exp.kernel.Budget.size(maxValueBytes) + " per value", loc);
    }
  }

  /** Bytes a list of {@code n} items is counted as (a reference and a small object per item). */
  public static final long LIST_ITEM_BYTES = 16;

  /**
   * {@link #reserve} for the evaluation running on this thread (for code that has no context at
   * hand, such as the operators).
   */
  public static void reserveHere(long bytes, String what, Loc loc) {
    if (KernelContext.current() instanceof Context c) {
      c.reserve(bytes, what, loc);
    }
  }
  /**
   * {@link #reserveHere} for a value of {@code count} {@code unit}s ("a list of 12 items"), with its
   * message built only when the value is over the budget: appending in a loop checks at every step.
   */
  public static void reserveHere(long bytes, String kind, long count, String unit, Loc loc) {
    if (KernelContext.current() instanceof Context c && (bytes > c.maxValueBytes || bytes < 0)) {
      c.reserve(bytes, kind + " of " + count + " " + unit, loc);
    }
  }

  /**
   * The script error for a kernel's exception raised under an operator or another evaluator path:
   * {@code prefix} then the kernel's message; a {@link dev.exp.kernel.MemoryLimitException} stays the
   * memory limit.
   */
  public static ExpError fromKernel(String prefix, dev.exp.kernel.KernelException e, Loc loc) {
    String msg = prefix.isEmpty() ? e.getMessage() : prefix + e.getMessage();
    return e instanceof dev.exp.kernel.MemoryLimitException ? memoryLimit(msg, loc) : new ExpError(msg, loc);
  }

  /** The memory-limit error (also for a kernel's {@link dev.exp.kernel.MemoryLimitException} and a heap overflow). */
  public static ExpError memoryLimit(String message, Loc loc) {
    return new LimitError(Limit.MEMORY, message, loc);
  }

  /** The experiment whose trial runs on this context, or null. */
  public String trial() {
    return trial;
  }

  /** Marks this context as running a trial of {@code experiment} (null: no longer); returns the previous mark. */
  public String enterTrial(String experiment) {
    String previous = trial;
    trial = experiment;
    return previous;
  }

  /**
   * Checks a write to the global {@code name} from the code running here: inside an experiment trial
   * it is an error, whichever function makes it. Trials run in parallel (their writes would race) and
   * come from a cache without running (their writes would be lost), so a trial gives its results
   * through {@code report}, never through globals.
   */
  public void checkGlobalWrite(String name, Loc loc) {
    if (trial != null) {
      throw new ExpError("cannot assign the global '" + name + "' inside a trial of experiment \"" + trial + "\": trials "
          + "run in parallel (their changes would race) or come from the cache (their changes would be lost); give "
          + "results with report (report n = ...), or compute them from the experiment's table afterwards", loc);
    }
  }

  /** The session's warnings (set by the session that made this context). */
  public void setWarnings(Warnings w) {
    this.warnings = w;
  }

  /** Reports a warning at {@code loc}: once per location and session (see {@link Warnings}). */
  public void warn(Loc loc, String message) {
    warnings.warn(loc, message);
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

  public Environment environment() {
    return environment;
  }

  @Override
  public Rng rng() {
    return rng;
  }

  /** The location of the kernel call running on this context, as {@code file:line:col}. */
  @Override
  public String location() {
    Loc l = kernelLoc;
    return l == null || l == Loc.NONE ? "" : l.toString();
  }

  /** The time limit the host set, for the limit's message (else it states the delay the deadline had left). */
  public void setTimeLimitNanos(long nanos) {
    stop.budget = Stop.seconds(nanos);
  }

  /** Polls at the location of the kernel call running on this context (see {@link #poll(Loc)}). */
  @Override
  public void poll() {
    poll(kernelLoc);
  }

  /** Marks the start of a kernel call at {@code loc}; returns what {@link #exitKernel} restores. */
  public Loc enterKernel(Loc loc) {
    Loc old = kernelLoc;
    kernelLoc = loc;
    return old;
  }

  public void exitKernel(Loc saved) {
    kernelLoc = saved;
  }

  /**
   * Calls a script function from Java code running for this context (a kernel's callback, maybe on a
   * worker thread): on this context's thread directly, on any other thread in a context forked for it.
   */
  public Object callBack(Callable fn, Object[] args, Loc loc) {
    Context c = this;
    KernelContext previous = null;
    boolean forked = Thread.currentThread() != thread;
    if (forked) {
      c = fork(new Rng(Rng.mix(stop.forks.incrementAndGet())), out);
      previous = KernelContext.install(c);
    }
    try {
      c.tick(loc);
      return fn.call(c, args, null, loc);
    } finally {
      if (forked) {
        KernelContext.restore(previous);
      }
    }
  }

  public void print(String line) {
    out.accept(line);
  }

  public boolean granted(String capability) {
    return grants.contains(capability);
  }

  /**
   * Stops with the standard "may not" error unless {@code capability} (a {@link
   * dev.exp.kernel.Need#key()}) is granted; {@code who} names the function asking.
   */
  public void require(String capability, String who, Loc loc) {
    if (!grants.contains(capability)) {
      throw new ExpError(who + ": " + denied(capability), loc);
    }
  }

  /** "this session may not read files (the host has not granted Capability.FILE_READ)". */
  public static String denied(String capability) {
    dev.exp.kernel.Need c = dev.exp.kernel.Need.ofKey(capability);
    return c == null ? "this session may not use '" + capability + "' (the host has not granted it)"
        : "this session may not " + c.action() + " (the host has not granted Capability." + c.name() + ")";
  }

  /** The wall-clock deadline as a {@link System#nanoTime()} value, or 0 for none. */
  public long deadlineNanos() {
    return stop.deadlineNanos;
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return (stop.reasons & Stop.CANCELLED) != 0;
  }

  /**
   * Checks interruption, cancellation and the deadline now (a long-running builtin calls this), throwing
   * the interrupt or time-limit error.
   */
  public void checkLimits(Loc loc) {
    poll(loc);
    if (stop.pastDeadline()) {
      // the clock itself, not only the timer's flag (a watchdog may see the deadline first)
      throw new LimitError(Limit.TIME, stop.timeLimitMessage(), loc);
    }
  }

  private FileRoots fileRoots;

  public void setFileRoots(FileRoots roots) {
    this.fileRoots = roots;
  }

  /**
   * The absolute path for a path a script wrote, confined to the session's folders (base directory
   * and host-named roots): {@code ..} escapes, absolute paths elsewhere and links out are errors.
   */
  public Path resolvePath(String path, String what, dev.exp.syntax.Loc loc) {
    FileRoots r = fileRoots;
    if (r == null) {
      r = fileRoots = new FileRoots(baseDir == null ? Path.of("") : baseDir, java.util.List.of());
    }
    return r.resolve(path, what, loc);
  }

  public Path baseDir() {
    return baseDir;
  }

  /** Asks a running evaluation (and its forks) to stop at its next check (REPL Ctrl-C); thread-safe. */
  public void cancel() {
    stop.cancel();
  }

  /**
   * One step: a call or a loop iteration. Counts it against the step limit and polls the other
   * limits ({@link #poll(Loc)}). The evaluator calls this at every loop back-edge; calls do it too.
   */
  public void tick(Loc loc) {
    if (++steps > maxSteps) {
      stepLimit(loc);
    }
    poll(loc);
  }

  /** Kept out of {@link #tick} so that it stays small enough to inline everywhere. */
  private void stepLimit(Loc loc) {
    throw new LimitError(Limit.STEPS,
        "step limit exceeded: the script ran more than " + maxSteps + " steps (calls and loop iterations)", loc);
  }

  /**
   * Throws when the evaluation must stop: cancelled ({@link #cancel()}), its thread (or, on a forked
   * context, the evaluation's owner thread) interrupted, or past its deadline. One volatile read and
   * two interrupt-flag reads when nothing happened; safe from any thread.
   */
  public void poll(Loc loc) {
    if (stop.mustStop()) {
      stopNow(loc);
    }
  }

  private void stopNow(Loc loc) {
    int r = stop.reasons;
    if ((r & (Stop.CANCELLED | Stop.INTERRUPTED)) != 0) {
      throw new InterruptError(loc);
    }
    if (Thread.currentThread().isInterrupted() || stop.owner.isInterrupted()) {
      stop.interrupted();   // every context of this evaluation stops, also after the flag is consumed
      if (Thread.currentThread() == stop.owner) {
        Thread.interrupted();   // consumed: the session stays usable on this thread
      }
      throw new InterruptError(loc);
    }
    if ((r & Stop.DEADLINE) != 0 && stop.pastDeadline()) {
      throw new LimitError(Limit.TIME, stop.timeLimitMessage(), loc);
    }
  }

  public void enter(Loc loc) {
    if (++depth > maxDepth) {
      throw new LimitError(Limit.CALL_DEPTH,
          "call depth limit exceeded: more than " + maxDepth + " nested calls (unbounded recursion? to allow"
              + " more: exp --max-depth N, or Limits.withMaxCallDepth when embedded)", loc);
    }
  }

  public void exit() {
    depth--;
  }

  /** Thrown when a limit is hit. */
  public static final class LimitError extends ExpError {
    private static final long serialVersionUID = 1L;
    public final Limit kind;

    public LimitError(Limit kind, String message, Loc loc) {
      super(message, loc);
      this.kind = kind;
    }
  }

  /** Thrown when the evaluation is interrupted. */
  public static final class InterruptError extends ExpError {
    private static final long serialVersionUID = 1L;

    public InterruptError(Loc loc) {
      super("interrupted", loc);
    }
  }
}
