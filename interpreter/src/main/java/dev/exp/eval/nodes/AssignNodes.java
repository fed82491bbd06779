package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Indexing;
import dev.exp.eval.runtime.Ops;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;

/**
 * Assignments one step below a variable: {@code x[i] = v} and {@code r.f = v} (and their {@code op=}
 * forms); deeper paths are {@link PathAssign}. Both write in place into what the variable owns
 * ({@link Ownership}).
 */
public final class AssignNodes {
  private AssignNodes() {}

  /**
   * {@code x[i] = v} / {@code x[i] += v}: reads the variable, builds the new value, writes it back.
   * Values are immutable, so the first update copies the tensor; the copy is then owned by the
   * variable and later updates write in place until the value is read elsewhere (and may be shared).
   * A loop filling a tensor element by element is therefore linear, not quadratic. Views never
   * become owned: an index read that returns a view of the variable releases it (see
   * {@link Ownership#escape}), and the library writes in place only into dense storage of its own.
   */
  public static final class IndexAssign extends Node {
    final Node read;
    final AccessNodes.Writer write;
    final AccessNodes.Index index;
    final String op;
    final dev.exp.tensor.op.BinaryOp arith;
    final Node value;
    /** Set for {@code x[i] += [v]}: the append habit it may warn about. */
    public OneItemAdd.Habit habit;

    public IndexAssign(Loc loc, Node read, AccessNodes.Writer write, AccessNodes.Index index, String op, Node value) {
      super(loc);
      this.read = read;
      this.write = write;
      this.index = index;
      this.op = op;
      this.arith = op.equals("=") ? null : dev.exp.tensor.op.BinaryOp.ofSymbol(op.substring(0, 1));
      this.value = value;
    }

    @Override
    public Object eval(Frame f) {
      Indexing.Item[] items;
      Object v;
      Object container;
      if (index.items.length == 1 && !index.slices[0]) {
        Object p = index.items[0][0].eval(f);
        v = value.eval(f);
        container = Ownership.peek(read, f);
        if (container instanceof Tensor t && p instanceof Double d && v instanceof Double x && writeElement(f, t, d, x)) {
          return null;
        }
        items = new Indexing.Item[] {new Indexing.Item(false, p, null, null, null, index.itemLocs[0])};
      } else {
        items = index.evalItems(f);
        v = value.eval(f);
        container = Ownership.peek(read, f);
      }
      if (!op.equals("=")) {
        Object old = Indexing.get(container, items, index.loc);   // index errors point at the index
        if (habit != null) {
          habit.check(f, loc, old, v);
        }
        v = Ops.binary(arith, old, v, loc);
      }
      boolean inPlace = (container instanceof Tensor || container instanceof Record
          || container instanceof dev.exp.eval.runtime.UpdatableList) && container == Ownership.owner(read, f);
      Object updated = Indexing.set(container, items, v, inPlace, index.loc);
      write.write(f, updated);
      Ownership.own(read, f, updated);
      return null;
    }

    /**
     * {@code v[i] = x} (or {@code +=}, ...) on a real vector the variable owns, at an integer index in
     * range: written in place at once, as {@link Indexing#set} would, without index objects. False
     * when any of that does not hold (then the general path decides, errors included).
     */
    private boolean writeElement(Frame f, Tensor t, double d, double x) {
      if (t.rank() != 1 || t.isComplex() || !TensorElements.writable(t, Ownership.owner(read, f))) {
        return false;
      }
      int k = AccessNodes.Index.position(d, t.extent(0));
      if (k < 0) {
        return false;
      }
      double[] data = t.storage();
      data[k] = arith == null ? x : arith.apply(data[k], x);
      return true;
    }
  }

  /**
   * {@code r.f = v}: the variable gets a record with the field set (added when new). Like {@link
   * IndexAssign}, the record the variable owns exclusively is updated in place.
   */
  public static final class MemberAssign extends Node {
    final Node read;
    final AccessNodes.Writer write;
    final String name;
    final String op;
    final dev.exp.tensor.op.BinaryOp arith;
    final Node value;
    /** Set for {@code r.f += [v]}: the append habit it may warn about. */
    public OneItemAdd.Habit habit;

    public MemberAssign(Loc loc, Node read, AccessNodes.Writer write, String name, String op, Node value) {
      super(loc);
      this.read = read;
      this.write = write;
      this.name = name;
      this.op = op;
      this.arith = op.equals("=") ? null : dev.exp.tensor.op.BinaryOp.ofSymbol(op.substring(0, 1));
      this.value = value;
    }

    @Override
    public Object eval(Frame f) {
      Object container = Ownership.peek(read, f);
      if (!(container instanceof Record r)) {
        throw new ExpError("cannot set field '" + name + "' on " + Values.describe(container), loc);
      }
      Object v = value.eval(f);
      if (!op.equals("=")) {
        Object old = AccessNodes.Member.member(r, name, loc);
        if (habit != null) {
          habit.check(f, loc, old, v);
        }
        v = Ops.binary(arith, old, v, loc);
      }
      if (r == Ownership.owner(read, f)) {
        r.setInPlace(name, v);
        return null;
      }
      Record updated = r.with(name, v);
      write.write(f, updated);
      Ownership.own(read, f, updated);
      return null;
    }
  }
}
