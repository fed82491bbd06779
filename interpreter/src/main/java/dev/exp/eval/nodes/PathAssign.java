package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Indexing;
import dev.exp.eval.runtime.Ops;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.op.BinaryOp;

/**
 * Assignment through a path of fields and indices below a variable: {@code r.xs[i] = v},
 * {@code g[i][j] += v}, {@code runs[k].loss = v}, {@code cfg.opt.lr = v}. Records, lists and tensors
 * are values, so each level along the path becomes a copy with its part replaced, up to the variable,
 * which then holds the new value; other variables keep the old one (a missing field is added, as
 * {@code r.f = v} adds it). A tensor the variable owns
 * exclusively is updated in place at the top level, as {@code x[i] = v} is.
 *
 * <p>Evaluation order: the index expressions left to right, then the value, then the path is read.
 * Each runs once, also for {@code op=}.
 */
public final class PathAssign extends Node {
  /** One level of the path: a field name, or index items (the node's target is not used). */
  public record Step(Loc loc, String field, AccessNodes.Index index) {}

  private final Node read;
  private final AccessNodes.Writer write;
  private final Step[] steps;
  private final BinaryOp arith;
  private final Node value;

  /** {@code op} is {@code "="} or a compound assignment such as {@code "+="}. */
  public PathAssign(Loc loc, Node read, AccessNodes.Writer write, Step[] steps, String op, Node value) {
    super(loc);
    this.read = read;
    this.write = write;
    this.steps = steps.clone();
    this.arith = op.equals("=") ? null : BinaryOp.ofSymbol(op.substring(0, 1));
    this.value = value;
  }

  @Override
  public Object eval(Frame f) {
    int n = steps.length;
    Indexing.Item[][] items = new Indexing.Item[n][];
    for (int k = 0; k < n; k++) {
      if (steps[k].index != null) {
        items[k] = steps[k].index.evalItems(f);
      }
    }
    Object v = value.eval(f);
    Object[] containers = new Object[n];
    containers[0] = AccessNodes.peek(read, f);
    for (int k = 1; k < n; k++) {
      containers[k] = get(containers[k - 1], k - 1, items[k - 1]);
    }
    if (arith != null) {
      v = Ops.binary(arith, get(containers[n - 1], n - 1, items[n - 1]), v, loc);
    }
    for (int k = n - 1; k >= 0; k--) {
      boolean inPlace = k == 0 && containers[0] instanceof Tensor && containers[0] == AccessNodes.owner(read, f);
      v = put(containers[k], k, items[k], v, inPlace);
    }
    write.write(f, v);
    AccessNodes.own(read, f, v);
    return null;
  }

  /** Reads step {@code k} of the path from its container. */
  private Object get(Object container, int k, Indexing.Item[] items) {
    Step s = steps[k];
    return s.field != null ? AccessNodes.Member.member(container, s.field, s.loc)
        : Indexing.get(container, items, s.loc);
  }

  /** Step {@code k}'s container with that part replaced by {@code v}. */
  private Object put(Object container, int k, Indexing.Item[] items, Object v, boolean inPlace) {
    Step s = steps[k];
    if (s.field == null) {
      return Indexing.set(container, items, v, inPlace, s.loc);
    }
    if (!(container instanceof Record r)) {
      throw new ExpError("cannot set field '" + s.field + "' on " + Values.describe(container), s.loc);
    }
    return r.with(s.field, v);
  }
}
