package dev.exp.eval;

import dev.exp.syntax.Loc;
import java.util.List;

/** Everything the runner needs about one experiment expression. */
record ExperimentSpec(Loc loc, Node name, String[] optionNames, Node[] options, List<Axis> axes, Node repeat,
    FunctionCode trial, String sourceText) {

  /** One sweep axis: one name, or several zipped names, over a source. */
  record Axis(List<String> names, Node source, Loc loc) {}
}
