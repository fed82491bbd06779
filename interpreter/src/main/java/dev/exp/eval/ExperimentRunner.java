package dev.exp.eval;

import dev.exp.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the trials of an experiment: expands the grid, derives seeds, records results and failures. */
final class ExperimentRunner {
  private ExperimentRunner() {}

  /** One grid point: the swept names and their values, in axis order. */
  record Point(List<String> names, List<Object> values) {}

  static Object run(Frame f, ExperimentSpec spec) {
    Context ctx = f.ctx;
    Object nameValue = spec.name().eval(f);
    String name = Printer.str(nameValue);
    List<Point> grid = grid(f, spec);
    long replicates = spec.repeat() == null ? 1 : Values.integer(spec.repeat().eval(f), "repeat count", spec.loc());
    if (replicates < 1) {
      throw new ExpError("repeat count must be at least 1, got " + replicates, spec.loc());
    }
    Closure trial = (Closure) new FunctionNodes.MakeClosure(spec.loc(), spec.trial()).eval(f);
    List<Object> rows = new ArrayList<>();
    long nameHash = hash(name);
    for (int p = 0; p < grid.size(); p++) {
      Point point = grid.get(p);
      for (long r = 1; r <= replicates; r++) {
        rows.add(runTrial(ctx, trial, name, nameHash, point, r));
      }
    }
    return Values.list(rows);
  }

  static Record runTrial(Context ctx, Closure trial, String name, long nameHash, Point point, long replicate) {
    long pointHash = 0;
    for (Object v : point.values()) {
      pointHash = Rng.mix(pointHash * 31 + hash(Printer.repr(v)));
    }
    Rng rng = Rng.derive(nameHash, pointHash, replicate);
    Context tctx = ctx.fork(rng, ctx.out);
    Map<String, Object> report = new LinkedHashMap<>();
    Object[] args = new Object[point.values().size() + 2];
    for (int i = 0; i < point.values().size(); i++) {
      args[i] = point.values().get(i);
    }
    args[args.length - 2] = (double) replicate;
    args[args.length - 1] = report;
    LinkedHashMap<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < point.names().size(); i++) {
      row.put(point.names().get(i), point.values().get(i));
    }
    row.put("seed", (double) replicate);
    long t0 = System.nanoTime();
    String status = "ok";
    String error = null;
    try {
      trial.call(tctx, args, null, trial.code.loc);
    } catch (Context.InterruptError | Context.LimitError e) {
      throw e;
    } catch (ExpError e) {
      status = "error";
      error = e.getMessage() + (e.pending() != null ? " (" + e.pending() + ")" : "");
    }
    row.putAll(report);
    row.put("seconds", (System.nanoTime() - t0) / 1e9);
    row.put("status", status);
    if (error != null) {
      row.put("error", error);
    }
    return Record.of(row);
  }

  static long hash(String s) {
    long h = 0x243F6A8885A308D3L;
    for (int i = 0; i < s.length(); i++) {
      h = Rng.mix(h ^ s.charAt(i));
    }
    return h;
  }

  static List<Point> grid(Frame f, ExperimentSpec spec) {
    List<Point> points = new ArrayList<>();
    points.add(new Point(List.of(), List.of()));
    for (ExperimentSpec.Axis axis : spec.axes()) {
      Object src = axis.source().eval(f);
      List<Object> items = new ArrayList<>();
      ControlNodes.iterate(src, false, axis.loc()).forEachRemaining(items::add);
      List<Point> next = new ArrayList<>();
      for (Point p : points) {
        for (Object item : items) {
          List<String> names = new ArrayList<>(p.names());
          List<Object> values = new ArrayList<>(p.values());
          names.addAll(axis.names());
          if (axis.names().size() == 1) {
            values.add(item);
          } else {
            List<Object> parts = tuple(item, axis.names().size(), axis);
            values.addAll(parts);
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
    } else if (item instanceof dev.exp.tensor.Tensor t && t.rank() == 1 && t.size() == n) {
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
