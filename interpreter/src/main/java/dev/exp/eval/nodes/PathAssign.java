package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Held;
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
 * are values, so each level along the path is replaced by a copy with its part replaced, up to the
 * variable, which then holds the new value; other variables keep the old one (a missing field is
 * added, as {@code r.f = v} adds it). Levels nothing else can see are written in place instead: the
 * value the variable owns exclusively (as for {@code x[i] = v}), and below it each copy an earlier
 * update stored into the level above, while it is still {@link Held held} there. A tensor's
 * remaining point steps are one index ({@code t[i][j]} is {@code t[i, j]}), so its row is not copied.
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
  /** Set for {@code r.a[i] += [v]}: the append habit it may warn about. */
  public OneItemAdd.Habit habit;
  private final Node value;
  /** {@code u[i][j] = v} as {@code u[i, j] = v}, for the numeric tier (a rank-2 tensor); or null. */
  final AssignNodes.IndexAssign elementStore;

  /** {@code op} is {@code "="} or a compound assignment such as {@code "+="}. */
  public PathAssign(Loc loc, Node read, AccessNodes.Writer write, Step[] steps, String op, Node value) {
    super(loc);
    this.read = read;
    this.write = write;
    this.steps = steps.clone();
    this.arith = op.equals("=") ? null : BinaryOp.ofSymbol(op.substring(0, 1));
    this.value = value;
    this.elementStore = steps.length == 2 && AccessNodes.Index.isPoint(steps[0].index) && AccessNodes.Index.isPoint(steps[1].index)
        ? new AssignNodes.IndexAssign(loc, read, write, AccessNodes.Index.element(steps[1].index.loc, read, steps[0].index, steps[1].index),
            op, value)
        : null;
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
    containers[0] = Ownership.peek(read, f);
    // levels 0 .. writable-1 may be written in place: the variable owns level 0, and each next level
    // is a copy that an earlier update made and stored into the level above, unseen since (Held)
    int writable = containers[0] != null && containers[0] == Ownership.owner(read, f) ? 1 : 0;
    int tensor = -1;   // the first level that is a tensor
    for (int k = 1; k < n; k++) {
      if (containers[k - 1] instanceof Tensor) {
        tensor = k - 1;
        break;
      }
      containers[k] = get(containers[k - 1], k - 1, items[k - 1]);
      if (writable == k && containers[k] instanceof Held h && h.heldBy() == containers[k - 1]) {
        writable = k + 1;
      }
    }
    if (tensor < 0 && containers[n - 1] instanceof Tensor) {
      tensor = n - 1;
    }
    int last = n - 1;   // the level whose update stores the value
    Indexing.Item[] leafItems = items[last];
    if (tensor >= 0 && tensor < last && pointsFrom(tensor, items)) {
      leafItems = concat(items, tensor);   // t[i][j] = v as t[i, j] = v: no copy of row i
      last = tensor;
    } else if (tensor >= 0) {
      for (int k = tensor + 1; k < n; k++) {   // a slice on the way: level by level, as written
        containers[k] = get(containers[k - 1], k - 1, items[k - 1]);
      }
    }
    if (arith != null) {
      Object old = last == n - 1 ? get(containers[last], last, leafItems) : Indexing.get(containers[last], leafItems, steps[n - 1].loc);
      if (habit != null) {
        habit.check(f, loc, old, v);
      }
      v = Ops.binary(arith, old, v, loc);
    }
    v = last == n - 1 ? put(containers[last], last, leafItems, v, writable > last)
        : Indexing.set(containers[last], leafItems, v, writable > last, steps[n - 1].loc);
    for (int k = last - 1; k >= 0; k--) {
      if (v == containers[k + 1]) {
        v = containers[0];   // written in place: every level above holds it already
        break;
      }
      Object parent = put(containers[k], k, items[k], v, writable > k);
      if (v instanceof Held h) {
        h.heldBy(parent);   // a fresh copy only this parent can see
      }
      v = parent;
    }
    if (v == containers[0]) {
      return null;   // the variable already holds it, and keeps owning it
    }
    write.write(f, v);
    Ownership.own(read, f, v);
    return null;
  }

  /** Whether every index step from {@code from} up to the last is one number (no slice, no field). */
  private boolean pointsFrom(int from, Indexing.Item[][] items) {
    for (int k = from; k < steps.length; k++) {
      if (steps[k].field != null || (k < steps.length - 1 && !(items[k].length == 1 && !items[k][0].slice()
          && items[k][0].point() instanceof Double))) {
        return false;
      }
    }
    return true;
  }

  /** The index items of steps {@code from} to the last as one index ({@code t[i][j]} as {@code t[i, j]}). */
  private static Indexing.Item[] concat(Indexing.Item[][] items, int from) {
    int size = 0;
    for (int k = from; k < items.length; k++) {
      size += items[k].length;
    }
    Indexing.Item[] out = new Indexing.Item[size];
    int at = 0;
    for (int k = from; k < items.length; k++) {
      System.arraycopy(items[k], 0, out, at, items[k].length);
      at += items[k].length;
    }
    return out;
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
    return inPlace ? r.setInPlace(s.field, v) : r.with(s.field, v);
  }
}
