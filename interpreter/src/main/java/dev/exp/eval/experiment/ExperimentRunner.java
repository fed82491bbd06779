package dev.exp.eval.experiment;

import dev.exp.eval.builtins.Builtins;
import dev.exp.eval.nodes.Closure;
import dev.exp.eval.nodes.ControlNodes;
import dev.exp.eval.nodes.Frame;
import dev.exp.eval.nodes.FunctionNodes;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.ExperimentProgress;
import dev.exp.eval.runtime.InternalErrors;
import dev.exp.eval.runtime.Printer;
import dev.exp.eval.runtime.ScriptFrame;
import dev.exp.kernel.Suggest;
import dev.exp.eval.runtime.Values;
import dev.exp.random.Rng;
import dev.exp.syntax.Loc;
import dev.exp.table.Table;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the trials of an experiment: expands the grid, derives each trial's random stream from
 * (experiment name, grid point, replicate), runs trials on a pool of workers, isolates failures,
 * reuses and records cached trials, and returns a {@link Table} in grid order — the same table for
 * any number of workers and any completion order.
 */
public final class ExperimentRunner {
  static final String VERSION = "0.1.0";
  /** The options an experiment takes, in the order its errors list them. */
  public static final Set<String> OPTIONS = java.util.Collections.unmodifiableSet(
      new java.util.LinkedHashSet<>(List.of("jobs", "cache", "on_error")));
  private static final Set<String> ON_ERROR = Set.of("continue", "stop", "record");

  private ExperimentRunner() {}

  /** One grid point: the swept names and their values, in axis order. */
  record Point(List<String> names, List<Object> values) {}

  /** One trial's outcome. */
  /** One trial's row; a failed trial's error text, and its error (null when it came from the cache). */
  record Outcome(Map<String, Object> row, boolean failed, boolean cached, String error, ExpError cause) {}

  /**
   * Adds a script function's part of the cache key: its normalised source when a {@code fn} statement
   * declared it, and the values of the globals its code uses, through the functions they hold in
   * turn (each function once), so that editing a helper or a constant only a helper reads reruns the
   * trials. Functions inside lists and records ({@code [m1, m2]}, {@code {f: m1}}) are keyed the same way.
   */
  private static void functionKey(Object v, java.util.Set<dev.exp.eval.nodes.FunctionCode> keyed, List<String> parts) {
    if (v instanceof List<?> l) {   // functions held in lists and records count too: sweep f in [m1, m2], m.f(x)
      for (Object x : l) {
        functionKey(x, keyed, parts);
      }
      return;
    }
    if (v instanceof dev.exp.eval.runtime.Record r) {
      for (int i = 0; i < r.size(); i++) {
        functionKey(r.value(i), keyed, parts);
      }
      return;
    }
    if (!(v instanceof dev.exp.eval.nodes.Closure c) || !keyed.add(c.code)) {
      return;
    }
    parts.add("fn " + (c.code.sourceText == null ? "" : TrialCache.normalize(c.code.sourceText)));
    for (Object captured : c.capturedValues()) {
      parts.add(TrialCache.fingerprint(captured));
      functionKey(captured, keyed, parts);
    }
    for (dev.exp.eval.runtime.GlobalVar g : c.code.globalReads) {
      parts.add(g.name + "=" + TrialCache.fingerprint(g.value));
      functionKey(g.value, keyed, parts);
    }
  }

  public static Object run(Frame f, ExperimentSpec spec) {
    Context ctx = f.ctx;
    String name = Printer.str(spec.name().eval(f));
    Map<String, Object> options = options(f, spec);
    List<Point> grid = grid(f, spec);
    Loc repeatLoc = spec.repeat() == null ? spec.loc() : spec.repeat().loc();
    long replicates = spec.repeat() == null ? 1 : Values.integer(spec.repeat().eval(f), "the repeat count", repeatLoc);
    if (replicates < 1) {
      throw new ExpError("the repeat count must be at least 1, got " + replicates, repeatLoc);
    }
    String onError = (String) options.getOrDefault("on_error", "continue");
    boolean stopOnError = "stop".equals(onError);
    Closure trial = (Closure) new FunctionNodes.MakeClosure(spec.loc(), spec.trial()).eval(f);
    int total = reserveTrials(ctx, grid.size(), replicates, spec);
    List<String> keyParts = new ArrayList<>(List.of(TrialCache.normalize(spec.sourceText()), VERSION));
    java.util.Set<dev.exp.eval.nodes.FunctionCode> keyed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (dev.exp.eval.runtime.GlobalVar g : spec.reads()) {
      keyParts.add(g.name + "=" + TrialCache.fingerprint(g.value));   // a changed input reruns the trials
      functionKey(g.value, keyed, keyParts);
    }
    for (Object v : trial.capturedValues()) {
      keyParts.add(TrialCache.fingerprint(v));
      functionKey(v, keyed, keyParts);
    }
    String experimentKey = TrialCache.hash(keyParts);
    TrialCache cache = openCache(ctx, options, name, spec);
    if (cache != null && cache.damagedLines() > 0) {
      int n = cache.damagedLines();
      ctx.progress.warning(name, "the cache " + cache.file() + " has " + n + " damaged or modified line"
          + (n == 1 ? "" : "s") + " (unreadable, or the checksum does not match); "
          + (n == 1 ? "it was" : "they were") + " moved to " + cache.file().getFileName() + ".damaged, and "
          + "those trials run again");
    }
    try {
      Outcome[] first = {null};   // the first failed trial
      Table t = execute(ctx, spec, name, grid, replicates, total, trial, cache, experimentKey, options, stopOnError,
          first);
      failIfAllFailed(t, name, onError, spec, first[0]);
      return t;
    } finally {
      if (cache != null) {
        cache.close();
      }
    }
  }

  private static Table execute(Context ctx, ExperimentSpec spec, String name, List<Point> grid, long replicates,
      int total, Closure trial, TrialCache cache, String experimentKey, Map<String, Object> options,
      boolean stopOnError, Outcome[] first) {
    Outcome[] outcomes = new Outcome[total];
    String[] keys = new String[total];
    List<Integer> todo = new ArrayList<>();
    int cachedCount = 0;
    for (int i = 0; i < total; i++) {
      ctx.poll(spec.loc());   // hashing a large grid takes a while: limits hold here too
      Point p = grid.get((int) (i / replicates));
      long rep = i % replicates + 1;
      List<String> parts = new ArrayList<>(List.of(experimentKey, Printer.repr(p.values()), Long.toString(rep)));
      functionKey(p.values(), java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), parts);   // sweep f in [m1, m2]
      keys[i] = TrialCache.hash(parts);
      Map<String, Object> hit = cache == null ? null : cache.get(keys[i]);
      if (hit != null && "ok".equals(hit.get(Table.STATUS))) {
        outcomes[i] = new Outcome(hit, false, true, null, null);
        cachedCount++;
      } else {
        todo.add(i);
      }
    }
    int jobs = jobs(ctx, options, spec, todo.size());
    ExperimentProgress progress = ctx.progress;
    long t0 = System.nanoTime();
    progress.start(name, total, grid.size(), replicates, cachedCount, jobs);
    long nameHash = hash(name);
    Consumer<String> out = ctx.out;
    Consumer<String> sharedOut = line -> {
      synchronized (out) {
        out.accept(line);
      }
    };
    AtomicBoolean stop = new AtomicBoolean();
    int[] counts = {cachedCount, 0};
    Runnable[] tasks = new Runnable[total];
    for (int i : todo) {
      Point p = grid.get((int) (i / replicates));
      long rep = i % replicates + 1;
      int idx = i;
      tasks[i] = () -> {
        if (stop.get()) {
          return;
        }
        Outcome o = runTrial(ctx, sharedOut, name, trial, nameHash, p, rep);
        outcomes[idx] = o;
        if (o.failed() && stopOnError) {
          stop.set(true);
        }
        if (!o.failed() && cache != null) {
          try {
            cache.put(keys[idx], o.row());
          } catch (IOException e) {
            throw new ExpError("experiment cache: cannot write " + cache.file() + ": " + e.getMessage(), spec.loc());
          }
        }
      };
    }
    if (jobs <= 1) {
      for (int i : todo) {
        tasks[i].run();
        tally(outcomes[i], counts, first);
        progress.update(name, counts[0], counts[1], cachedCount, total, seconds(t0));
      }
    } else {
      runParallel(ctx, spec, name, todo, tasks, outcomes, jobs, counts, first, cachedCount, total, t0);
    }
    progress.finish(name, counts[0], counts[1], cachedCount, total, seconds(t0), first[0] == null ? null : first[0].error());
    if (stop.get() && first[0] != null) {
      throw trialError("experiment \"" + name + "\" stopped at the first failed trial (on_error: \"stop\"): ", first[0],
          "", spec);
    }
    return table(name, grid, outcomes, spec.reported());
  }

  /**
   * The error of a failed trial as the experiment's own: the message prefixed and suffixed, located
   * where the trial failed, with the trial's stack (the experiment's line then follows).
   */
  private static ExpError trialError(String prefix, Outcome o, String suffix, ExperimentSpec spec) {
    if (o.cause() == null) {
      return new ExpError(prefix + o.error() + suffix, spec.loc());
    }
    ExpError x = new ExpError(prefix + o.cause().getMessage() + suffix, o.cause().pending());
    x.frames().addAll(o.cause().frames());
    return x;
  }

  /**
   * An experiment whose every trial failed has nothing to report: it fails with the first error
   * ({@code first}, located where that trial failed) unless the script said failures are expected
   * ({@code on_error: "record"}).
   */
  private static void failIfAllFailed(Table t, String name, String onError, ExperimentSpec spec, Outcome first) {
    if ("record".equals(onError) || t.nrows() == 0 || !t.has(Table.STATUS)) {
      return;
    }
    Table.Column status = t.column(Table.STATUS);
    for (int i = 0; i < t.nrows(); i++) {
      if ("ok".equals(status.value(i))) {
        return;
      }
    }
    String prefix = "experiment \"" + name + "\": all " + t.nrows() + " trial" + (t.nrows() == 1 ? "" : "s")
        + " failed; the first error: ";
    String suffix = " (use on_error: \"record\" when failures are expected)";
    if (first != null) {
      throw trialError(prefix, first, suffix, spec);
    }
    String text = t.has(Table.ERROR) ? String.valueOf(t.column(Table.ERROR).value(0)) : "unknown";
    throw new ExpError(prefix + text + suffix, spec.loc());
  }

  private static void tally(Outcome o, int[] counts, Outcome[] first) {
    if (o == null) {
      return;
    }
    counts[0]++;
    if (o.failed()) {
      counts[1]++;
      if (first[0] == null) {
        first[0] = o;
      }
    }
  }

  private static void runParallel(Context ctx, ExperimentSpec spec, String name, List<Integer> todo, Runnable[] tasks,
      Outcome[] outcomes, int jobs, int[] counts, Outcome[] first, int cachedCount, int total, long t0) {
    // kernels inside a trial share the cores with the other workers
    int kernelThreads = Math.max(1, dev.exp.kernel.Parallel.threads() / jobs);
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Runnable body = () -> {
        dev.exp.kernel.Parallel.setThreads(kernelThreads);
        r.run();
      };
      Thread t = new Thread(null, body, "exp-trial", 1L << 26);
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> futures = new ArrayList<>();
    for (int i : todo) {
      futures.add(pool.submit(tasks[i]));
    }
    try {
      for (int k = 0; k < futures.size(); k++) {
        Future<?> fut = futures.get(k);
        while (true) {
          try {
            fut.get(200, TimeUnit.MILLISECONDS);
            break;
          } catch (TimeoutException e) {
            pollPreferringTrial(ctx, spec, fut);
            progress(ctx, name, counts, cachedCount, total, t0);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.poll(spec.loc());
          } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ExpError x) {
              throw x;
            }
            throw new ExpError("experiment \"" + name + "\": internal error: " + InternalErrors.cause(c), spec.loc(), c);
          }
        }
        tally(outcomes[todo.get(k)], counts, first);
        progress(ctx, name, counts, cachedCount, total, t0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Polls the limits while waiting for a trial. When one is hit, the running trial sees the same
   * limit within one block of its work: its error is preferred (it names the line the trial was
   * at and the trial's stack), after a short grace; otherwise the experiment's own location is used.
   */
  private static void pollPreferringTrial(Context ctx, ExperimentSpec spec, Future<?> running) {
    try {
      ctx.poll(spec.loc());
    } catch (Context.LimitError limit) {
      try {
        running.get(100, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Context.LimitError own && own.kind == limit.kind) {
          throw own;
        }
      } catch (TimeoutException | java.util.concurrent.CancellationException e) {
        // the trial has not reached a poll yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw limit;
    }
  }

  private static void progress(Context ctx, String name, int[] counts, int cached, int total, long t0) {
    ctx.progress.update(name, counts[0], counts[1], cached, total, seconds(t0));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static Outcome runTrial(Context ctx, Consumer<String> out, String name, Closure trial, long nameHash, Point point,
      long replicate) {
    long pointHash = 0;
    for (Object v : point.values()) {
      pointHash = Rng.mix(pointHash * 31 + hash(Printer.repr(v)));
    }
    Context tctx = ctx.fork(Rng.derive(nameHash, pointHash, replicate), out);
    tctx.enterTrial(name);   // its code may not assign globals (Context.checkGlobalWrite)
    Map<String, Object> report = new LinkedHashMap<>();
    Object[] args = new Object[point.values().size() + 2];
    for (int i = 0; i < point.values().size(); i++) {
      args[i] = point.values().get(i);
    }
    args[args.length - 2] = (double) replicate;
    args[args.length - 1] = report;
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < point.names().size(); i++) {
      row.put(point.names().get(i), scalar(point.values().get(i)));
    }
    row.put("seed", (double) replicate);
    long t0 = System.nanoTime();
    String error = null;
    ExpError cause = null;
    try {
      trial.call(tctx, args, null, trial.code.loc);
      for (Map.Entry<String, Object> e : report.entrySet()) {
        Object v = metric(e.getValue());
        if (v == INVALID) {
          throw new ExpError("report " + e.getKey() + ": expected a number, bool or string, got "
              + Values.describe(e.getValue()), trial.code.loc);
        }
        row.put(e.getKey(), v);
      }
    } catch (Context.InterruptError | Context.LimitError e) {
      throw e;
    } catch (ExpError e) {
      cause = e;
      List<ScriptFrame> frames = e.frames();
      String where = e.pending() != null ? e.pending().toString()
          : frames.isEmpty() ? "" : frames.get(0).file() + ":" + frames.get(0).line() + ":" + frames.get(0).column();
      error = e.getMessage() + (where.isEmpty() ? "" : " (at " + where + ")");
    } catch (StackOverflowError e) {
      error = "call depth limit exceeded (unbounded recursion?)";
    }
    row.put("seconds", (System.nanoTime() - t0) / 1e9);
    row.put(Table.STATUS, error == null ? "ok" : "error");
    if (error != null) {
      row.put(Table.ERROR, error);
    }
    return new Outcome(row, error != null, false, error, cause);
  }

  private static final Object INVALID = new Object();

  /** Whether {@code report} accepts v: a number, bool, string, none or a one-element tensor. */
  public static boolean isMetric(Object v) {
    return metric(v) != INVALID;
  }

  private static Object metric(Object v) {
    if (v == null || v instanceof Double || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    return INVALID;
  }

  private static Object scalar(Object v) {
    Object m = metric(v);
    return m == INVALID ? Printer.repr(v) : m;
  }

  static Table table(String name, List<Point> grid, Outcome[] outcomes, List<String> reported) {
    Table.Builder b = Table.builder().title(name);
    if (!grid.isEmpty()) {
      for (String n : grid.get(0).names()) {
        b.param(n);
      }
    }
    b.seed("seed");
    Set<String> metrics = new LinkedHashSet<>(reported);   // every reported metric, though no trial reached it
    boolean anyError = false;
    for (Outcome o : outcomes) {
      if (o == null) {
        continue;
      }
      for (String k : o.row().keySet()) {
        if (!k.equals("seed") && !k.equals("seconds") && !k.equals(Table.STATUS) && !k.equals(Table.ERROR)
            && (grid.isEmpty() || !grid.get(0).names().contains(k))) {
          metrics.add(k);
        }
      }
      anyError |= o.failed() || o.row().containsKey(Table.ERROR);
    }
    for (String m : metrics) {
      b.metric(m);
    }
    b.info("seconds").info(Table.STATUS);
    if (anyError) {
      b.info(Table.ERROR);
    }
    for (Outcome o : outcomes) {
      if (o != null) {
        b.addRow(o.row());
      }
    }
    return b.build();
  }

  /**
   * The options' values, each checked where it is written (unknown and repeated names are static
   * errors): jobs an integer of at least 1, cache a string, on_error one of its three words.
   */
  private static Map<String, Object> options(Frame f, ExperimentSpec spec) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < spec.optionNames().length; i++) {
      String n = spec.optionNames()[i];
      Loc at = spec.options()[i].loc();
      Object v = spec.options()[i].eval(f);
      switch (n) {
        case "jobs" -> {
          if (v != null) {
            long jobs = Values.integer(v, "jobs", at);
            if (jobs < 1) {
              throw new ExpError("jobs must be at least 1, got " + jobs, at);
            }
            v = (double) Math.min(jobs, Integer.MAX_VALUE);
          }
        }
        case "cache" -> {
          if (v != null && !(v instanceof String)) {
            throw new ExpError("cache must be a directory name (a string), got " + Values.describe(v), at);
          }
        }
        default -> {
          if (v != null && !ON_ERROR.contains(v)) {
            throw new ExpError("on_error must be \"continue\", \"stop\" or \"record\", got " + Printer.repr(v), at);
          }
        }
      }
      out.put(n, v);
    }
    return out;
  }

  private static int jobs(Context ctx, Map<String, Object> options, ExperimentSpec spec, int work) {
    int jobs;
    if (options.get("jobs") != null) {
      jobs = (int) (double) (Double) options.get("jobs");   // checked by options()
    } else if (ctx.jobs > 0) {
      jobs = ctx.jobs;
    } else {
      jobs = Runtime.getRuntime().availableProcessors();
    }
    if (jobs < 1) {
      throw new ExpError("jobs must be at least 1, got " + jobs, spec.loc());
    }
    // Capped at this thread's budget: all cores at top level, a trial's share inside a parallel
    // trial, so nested experiments divide the budget instead of multiplying it.
    return Math.max(1, Math.min(Math.min(jobs, dev.exp.kernel.Parallel.threads()), work));
  }

  private static TrialCache openCache(Context ctx, Map<String, Object> options, String name, ExperimentSpec spec) {
    Object dir = options.get("cache");
    if (dir == null) {
      return null;
    }
    String d = (String) dir;   // checked by options()
    ctx.require("file.read", "experiment cache", spec.loc());
    ctx.require("file.write", "experiment cache", spec.loc());
    Path p = ctx.resolvePath(d, "experiment cache", spec.loc());
    try {
      return TrialCache.open(p, name);
    } catch (IOException e) {
      throw new ExpError("experiment cache: cannot open " + p + ": " + e.getMessage(), spec.loc());
    }
  }

  static long hash(String s) {
    long h = 0x243F6A8885A308D3L;
    for (int i = 0; i < s.length(); i++) {
      h = Rng.mix(h ^ s.charAt(i));
    }
    return h;
  }

  /** Bytes one trial is counted as in the memory budget (its grid point, outcome and table row). */
  static final long TRIAL_BYTES = 512;

  /** Checks a grid of {@code points × replicates} trials against the count and memory limits. */
  private static int reserveTrials(Context ctx, long points, long replicates, ExperimentSpec spec) {
    String count;
    long total;
    try {
      total = Math.multiplyExact(points, replicates);
      count = Long.toString(total);
    } catch (ArithmeticException e) {
      total = Long.MAX_VALUE;
      count = points + " × " + replicates;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new ExpError("the experiment would run " + count + " trials, more than the most one experiment can hold ("
          + (Integer.MAX_VALUE - 8) + ")", spec.loc());
    }
    ctx.reserve(TRIAL_BYTES * total, "an experiment of " + total + " trials", spec.loc());
    return (int) total;
  }

  static List<Point> grid(Frame f, ExperimentSpec spec) {
    List<Point> points = new ArrayList<>();
    points.add(new Point(List.of(), List.of()));
    for (ExperimentSpec.Axis axis : spec.axes()) {
      Object src = axis.source().eval(f);
      Builtins.reserveItems(f.ctx, src, "sweep " + String.join(", ", axis.names()), axis.loc());
      List<Object> items = new ArrayList<>();
      for (Iterator<?> it = ControlNodes.iterate(src, false, axis.loc()); it.hasNext(); ) {
        f.ctx.poll(axis.loc());
        items.add(it.next());
      }
      reserveTrials(f.ctx, (long) points.size() * items.size(), 1, spec);
      List<Point> next = new ArrayList<>();
      for (Point p : points) {
        for (Object item : items) {
          List<String> names = new ArrayList<>(p.names());
          List<Object> values = new ArrayList<>(p.values());
          names.addAll(axis.names());
          if (axis.names().size() == 1) {
            values.add(item);
          } else {
            values.addAll(tuple(item, axis.names().size(), axis));
          }
          next.add(new Point(names, values));
        }
      }
      points = next;
    }
    return points;
  }

  private static List<Object> tuple(Object item, int n, ExperimentSpec.Axis axis) {
    List<Object> parts = new ArrayList<>();
    if (item instanceof List<?> l && l.size() == n) {
      parts.addAll(l);
    } else if (item instanceof Tensor t && t.rank() == 1 && t.size() == n) {
      for (int i = 0; i < n; i++) {
        parts.add(t.at(i));
      }
    } else {
      throw new ExpError("sweep (" + String.join(", ", axis.names()) + ") needs items of " + n + " values, got "
          + Values.describe(item), axis.loc());
    }
    return parts;
  }
}
