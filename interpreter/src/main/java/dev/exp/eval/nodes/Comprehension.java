package dev.exp.eval.nodes;

import dev.exp.eval.runtime.RangeValue;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.Iterator;

/**
 * {@code [elem for x in src if cond ...]}: one or more clauses, nested left to right (the last
 * varies fastest), collected into one flat result.
 */
public final class Comprehension extends Node {
  final Node[] sources;
  final LocalVar[] firsts;
  final LocalVar[] seconds;
  final Node element;
  final Node[] filters;
  final boolean[] genericFilter;
  boolean genericElement;
  /**
   * {@code [x for x in src if cond]}, one clause whose element is its variable: the rows of src that
   * pass. When none does and src is a tensor or a range, the result is an empty tensor of src's row
   * shape, as NumPy's {@code src[mask]}: the result's type (and so what {@code +} means on it) does not
   * depend on the data.
   */
  private final boolean selectsRows;
  /**
   * {@code [x * 2 for x in src]}, one clause whose element is arithmetic: over a range or a vector it
   * gives a vector, so when nothing comes out the result is the empty vector, not the empty list.
   */
  private final boolean numericElement;

  public Comprehension(Loc loc, Node[] sources, LocalVar[] firsts, LocalVar[] seconds, Node element, Node[] filters,
      boolean selectsRows, boolean numericElement) {
    super(loc);
    this.selectsRows = selectsRows;
    this.numericElement = numericElement;
    this.sources = sources;
    this.firsts = firsts;
    this.seconds = seconds;
    this.element = element;
    this.filters = filters;
    this.genericFilter = new boolean[sources.length];
  }

  @Override
  public Object eval(Frame f) {
    ItemBuffer out = new ItemBuffer();
    Object first = sources[0].eval(f);
    clause(f, 0, first, out);
    if (selectsRows) {
      return out.resultSelecting(first);
    }
    if (numericElement && out.isEmpty() && (first instanceof dev.exp.eval.runtime.RangeValue
        || first instanceof Tensor t && t.rank() == 1 && !t.isComplex())) {
      return Tensor.zeros(0);
    }
    return out.result();
  }

  /** Runs clause {@code k} over {@code src} and, for each item it keeps, the clauses after it (or the element). */
  private void clause(Frame f, int k, Object src, ItemBuffer out) {
    Node source = sources[k];
    Iterator<?> it = ControlNodes.iterate(src, seconds[k] != null, source.loc);
    boolean last = k == sources.length - 1;
    while (it.hasNext()) {
      f.ctx.tick(loc);
      Object item = it.next();
      if (seconds[k] != null) {
        Object[] p = ControlNodes.pair(item, source.loc);
        ControlNodes.bind(f, firsts[k], p[0]);
        ControlNodes.bind(f, seconds[k], p[1]);
      } else {
        ControlNodes.bind(f, firsts[k], item);
      }
      if (filters[k] == null || keep(f, k)) {
        if (last) {
          element(f, out);
        } else {
          clause(f, k + 1, sources[k + 1].eval(f), out);
        }
      }
    }
  }

  /** Evaluates the element typed while it has only given numbers. */
  private void element(Frame f, ItemBuffer out) {
    if (!genericElement) {
      try {
        out.add(element.evalDouble(f));
        return;
      } catch (UnexpectedType e) {
        genericElement = true;
        out.add(e.value);
        return;
      }
    }
    out.add(element.eval(f));
  }

  @Override
  boolean maybeNumber() {
    return false;
  }

  private boolean keep(Frame f, int k) {
    Node filter = filters[k];
    if (!genericFilter[k]) {
      try {
        return filter.evalBoolean(f);
      } catch (UnexpectedType e) {
        genericFilter[k] = true;
        return Values.truth(e.value, filter.loc);
      }
    }
    return Values.truth(filter.eval(f), filter.loc);
  }
}
