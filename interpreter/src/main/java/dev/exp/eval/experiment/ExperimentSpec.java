package dev.exp.eval.experiment;

import dev.exp.eval.nodes.FunctionCode;
import dev.exp.eval.nodes.Node;
import dev.exp.syntax.Loc;
import java.util.List;

/**
 * Everything the runner needs about one experiment expression; {@code reads}: the script's globals
 * its body reads (sorted by name), whose values are part of its cache key; {@code reported}: the
 * metric names its {@code report} statements name, in source order (the table's metric columns,
 * present even when no trial reached them).
 */
public record ExperimentSpec(Loc loc, Node name, String[] optionNames, Node[] options, List<Axis> axes, Node repeat,
    FunctionCode trial, String sourceText, List<dev.exp.eval.runtime.GlobalVar> reads, List<String> reported) {

  /** One sweep axis: one name, or several zipped names, over a source. */
  public record Axis(List<String> names, Node source, Loc loc) {}
}
