package dev.exp.eval.compile;

import dev.exp.eval.experiment.ExperimentRunner;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.experiment.ExperimentSpec;
import dev.exp.eval.nodes.Frame;
import dev.exp.eval.nodes.FunctionCode;
import dev.exp.eval.nodes.Node;
import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles an {@code experiment} expression: the leading {@code sweep}/{@code repeat} lines are
 * evaluated once in the enclosing scope; the rest of the body becomes a trial function whose
 * parameters are the swept names, {@code seed}, and a hidden report sink.
 */
final class ExperimentCompiler {
  static final String REPORT_SLOT = "$report";
  /** Columns every trial's row has besides its parameters and metrics. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("seed", "seconds", "status", "error");

  private ExperimentCompiler() {}

  static Node compile(Compiler c, Ast.Experiment x) {
    List<ExperimentSpec.Axis> axes = new ArrayList<>();
    Node repeat = null;
    List<Ast.Stmt> rest = new ArrayList<>();
    List<Ast.Param> params = new ArrayList<>();
    boolean header = true;
    for (Ast.Stmt s : x.body().statements()) {
      if (header && s instanceof Ast.Sweep sw) {
        for (Ast.SweepAxis a : sw.axes()) {
          axes.add(new ExperimentSpec.Axis(a.names(), c.compileHere(a.source()), a.loc()));
          for (String n : a.names()) {
            if (n.equals("seed")) {
              c.reportError(a.loc(), "'seed' is bound by the experiment (the replicate's number, 1..N of repeat N); "
                  + "give the swept parameter another name");
              n = "$seed";
            } else if (RESERVED.contains(n)) {
              c.reportError(a.loc(), "'" + n + "' is a column the experiment fills in itself; give the swept "
                  + "parameter another name");
            }
            String name = n;
            if (params.stream().anyMatch(p -> p.name().equals(name))) {
              c.reportError(a.loc(), "'" + n + "' is swept twice");
            }
            params.add(new Ast.Param(a.loc(), n, null));
          }
        }
        continue;
      }
      if (header && s instanceof Ast.Repeat r) {
        if (repeat != null) {
          c.reportError(r.loc(), "'repeat' is given twice");
        }
        repeat = c.compileHere(r.count());
        continue;
      }
      if (s instanceof Ast.Sweep || s instanceof Ast.Repeat) {
        c.reportError(s.loc(), "'" + (s instanceof Ast.Sweep ? "sweep" : "repeat")
            + "' must come before the other statements of the experiment body");
        continue;
      }
      header = false;
      rest.add(s);
    }
    params.add(new Ast.Param(x.loc(), "seed", null));
    params.add(new Ast.Param(x.loc(), REPORT_SLOT, null));
    Node name = c.compileHere(x.name());
    Node[] options = new Node[x.optionValues().size()];
    for (int i = 0; i < options.length; i++) {
      String option = x.optionNames().get(i);
      Loc at = x.optionValues().get(i).loc();
      if (!ExperimentRunner.OPTIONS.contains(option)) {
        c.reportError(at, "unknown experiment option '" + option + "'"
            + dev.exp.kernel.Suggest.didYouMean(option, ExperimentRunner.OPTIONS) + " (options: jobs, cache, on_error)");
      } else if (x.optionNames().subList(0, i).contains(option)) {
        c.reportError(at, "experiment option '" + option + "' is given twice");
      }
      options[i] = c.compileHere(x.optionValues().get(i));
    }
    java.util.Map<String, dev.exp.eval.runtime.GlobalVar> outerReads = c.names.experimentReads;
    java.util.Set<String> outerReports = c.experimentReports;
    c.names.experimentReads = new java.util.TreeMap<>();
    c.experimentReports = new java.util.LinkedHashSet<>();
    FunctionCode trial = c.function("experiment", x.loc(), params,
        new Ast.BlockExpr(x.body().loc(), rest), true);
    List<dev.exp.eval.runtime.GlobalVar> reads = List.copyOf(c.names.experimentReads.values());
    List<String> reported = List.copyOf(c.experimentReports);
    c.experimentReports = outerReports;
    if (outerReads != null) {
      outerReads.putAll(c.names.experimentReads);   // a nested experiment's reads are its enclosing one's too
    }
    c.names.experimentReads = outerReads;
    ExperimentSpec spec = new ExperimentSpec(x.loc(), name, x.optionNames().toArray(new String[0]), options, axes,
        repeat, trial, x.sourceText(), reads, reported);
    return new Node(x.loc()) {
      @Override
      public Object eval(Frame f) {
        try {
          return ExperimentRunner.run(f, spec);
        } catch (ExpError e) {
          e.locateIfUnknown(spec.loc());   // a trial's error, rethrown here: the caller's frame is the experiment's line
          throw e;
        }
      }
    };
  }

  /** {@code report a = e, b = e}: writes into the trial's report sink (the hidden last parameter). */
  static Node report(Compiler c, Ast.Report r) {
    Node sink = c.compileHere(new Ast.Name(r.loc(), REPORT_SLOT));
    Node[] values = new Node[r.values().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = c.compileHere(r.values().get(i));
    }
    String[] names = r.names().toArray(new String[0]);
    if (c.experimentReports != null) {
      c.experimentReports.addAll(r.names());
    }
    List<String> trialParams = c.currentFunction().paramNames();
    List<String> swept = trialParams.subList(0, trialParams.size() - 2);   // then seed and the sink
    for (int i = 0; i < names.length; i++) {
      String n = names[i];
      if (RESERVED.contains(n)) {
        c.reportError(r.loc(), "cannot report '" + n + "': it is a column the experiment fills in itself ("
            + (n.equals("seed") ? "the replicate's number" : n.equals("seconds") ? "the trial's time"
            : "the trial's outcome") + "); name the metric differently");
      } else if (swept.contains(n)) {
        c.reportError(r.loc(), "cannot report '" + n + "': it is a swept parameter, already a column of every row; "
            + "name the metric differently");
      } else if (java.util.Arrays.asList(names).subList(0, i).contains(n)) {
        c.reportError(r.loc(), "'" + n + "' is reported twice in one report");
      }
    }
    Loc loc = r.loc();
    return new Node(loc) {
      @Override
      @SuppressWarnings("unchecked")
      public Object eval(Frame f) {
        Map<String, Object> m = (Map<String, Object>) sink.eval(f);
        for (int i = 0; i < names.length; i++) {
          if (m.containsKey(names[i])) {
            throw new ExpError("'" + names[i] + "' is reported twice in this trial (a metric has one value per "
                + "trial; report it once, after the loop or branch that computes it)", loc);
          }
          Object v = values[i].eval(f);
          if (!ExperimentRunner.isMetric(v)) {
            throw new ExpError("report " + names[i] + ": expected a number, bool or string, got "
                + dev.exp.eval.runtime.Values.describe(v), loc);
          }
          m.put(names[i], v);
        }
        return null;
      }
    };
  }
}
