package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Ops;
import dev.exp.eval.runtime.Printer;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.UpdatableList;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.text.FormatSpec;
import java.util.ArrayList;
import java.util.List;

/** Literals that build values: lists/tensors, records, interpolated strings, functions. */
public final class CollectionNodes {
  private CollectionNodes() {}

  /**
   * A list of numbers becomes a tensor; so does a list whose elements are all nested bracket literals
   * that became tensors of one shape ({@code [[1, 2], [3, 4]]}). Anything else stays a list.
   */
  public static Object listOrTensor(List<Object> items, boolean nestedRows) {
    if (items.isEmpty()) {
      return Values.list(items);
    }
    Tensor vector = dev.exp.tensor.TensorArgs.vectorOf(items);
    if (vector != null) {
      return vector;
    }
    if (nestedRows) {
      List<Tensor> rows = new ArrayList<>(items.size());
      for (Object o : items) {
        if (!(o instanceof Tensor t)) {
          return Values.list(items);
        }
        rows.add(t);
      }
      Tensor stacked = Values.stack(rows);
      if (stacked != null) {
        return stacked;
      }
    }
    return Values.list(items);
  }

  public static final class ListLit extends Node {
    final Node[] elements;
    final boolean nestedRows;

    public ListLit(Loc loc, Node[] elements, boolean nestedRows) {
      super(loc);
      this.elements = elements;
      this.nestedRows = nestedRows;
    }

    @Override
    boolean maybeNumber() {
      return false;
    }

    @Override
    public Object eval(Frame f) {
      List<Object> items = new ArrayList<>(elements.length);
      for (Node e : elements) {
        items.add(e.eval(f));
      }
      Object v = listOrTensor(items, nestedRows);
      if (nestedRows && v instanceof List<?> && allTensors(items)) {
        throw new ExpError("rows of a tensor literal must have the same shape, got "
            + shapes(items) + "; for a list of tensors of different shapes write each as tensor(...): "
            + "[tensor([1, 2]), tensor([3])]", loc);
      }
      return v;
    }

    private static boolean allTensors(List<Object> items) {
      for (Object o : items) {
        if (!(o instanceof Tensor)) {
          return false;
        }
      }
      return true;
    }

    private static String shapes(List<Object> items) {
      StringBuilder sb = new StringBuilder();
      for (Object o : items) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(Tensor.shapeString(((Tensor) o).shape()));
      }
      return sb.toString();
    }
  }

  /**
   * {@code acc + [x]} where {@code acc} is read from a variable ({@code acc += [x]}, {@code acc = acc + [x]}):
   * when {@code acc} holds a list and {@code x} is a number, string or record, {@code x} is appended
   * directly (the one-item literal would be a tensor or list whose only item is {@code x}); any other
   * pair builds the literal and adds it as written. When {@code acc} holds an {@link UpdatableList} the
   * variable owns (it made it by an element update), {@code x} is appended to that list in place.
   */
  public static final class ListAppend extends Node {
    final Node acc;
    final Node item;
    final boolean nestedRows;

    /** How a warning shows the variable and the item (see {@link OneItemAdd}). */
    final String accName;
    final String itemText;

    final boolean compound;

    public ListAppend(Loc loc, Node acc, Node item, boolean nestedRows, boolean compound, String accName, String itemText) {
      super(loc);
      this.compound = compound;
      this.acc = acc;
      this.item = item;
      this.nestedRows = nestedRows;
      this.accName = accName;
      this.itemText = itemText;
    }

    @Override
    boolean maybeNumber() {
      return false;
    }

    @Override
    public Object eval(Frame f) {
      Object a = Ownership.peek(acc, f);
      Object x = item.eval(f);
      if (a instanceof UpdatableList u && u == Ownership.owner(acc, f)) {
        u.appendInPlace(x, loc);   // what list + [x] appends, whatever x is: x itself (or an equal row)
        return u;   // the variable keeps owning it: the next update writes in place too
      }
      Ownership.release(acc, f);
      if (a instanceof List<?> l && (x instanceof Double || x instanceof String || x instanceof Record)) {
        if (!UpdatableList.isShareable(l) && Ownership.canOwn(acc)) {
          UpdatableList u = UpdatableList.appending(l, x, loc);   // the loop's next appends write in place
          Ownership.own(acc, f, u);
          return u;
        }
        return Ops.append(l, x, loc);
      }
      return addLiteral(f, a, x);
    }

    /**
     * {@code acc + [x]} as written, for an {@code acc} that is not a list (kept out of {@link #eval} so
     * that the appending path stays small enough for the JIT to inline).
     */
    private Object addLiteral(Frame f, Object a, Object x) {
      if (x instanceof Double && !nestedRows) {
        OneItemAdd.check(f, loc, a, true, compound, accName, itemText);   // acc += [x] on a tensor adds x to each element
      } else if (nestedRows && x instanceof Tensor row && row.rank() == 1 && !row.isComplex()) {
        OneItemAdd.checkRow(f, loc, a, row, true, compound, accName);   // q += [[1, 2]] on a matrix adds the row to each row
      }
      List<Object> one = new ArrayList<>(1);
      one.add(x);
      return Ops.binary(BinaryOp.ADD, a, listOrTensor(one, nestedRows), loc);
    }
  }

  /** A record literal; a null name marks a spread. */
  public static final class RecordLit extends Node {
    final String[] names;
    final Node[] values;

    public RecordLit(Loc loc, String[] names, Node[] values) {
      super(loc);
      this.names = java.util.Arrays.asList(names).contains(null) ? names : Record.sharedKeys(names);
      this.values = values;
    }

    @Override
    boolean maybeNumber() {
      return false;
    }

    @Override
    public Object eval(Frame f) {
      boolean spread = false;
      for (String n : names) {
        if (n == null) {
          spread = true;
          break;
        }
      }
      if (!spread) {
        Object[] v = new Object[values.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = values[i].eval(f);
        }
        return new Record(names, v);
      }
      java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        Object v = values[i].eval(f);
        if (names[i] == null) {
          if (!(v instanceof Record r)) {
            throw new ExpError("'...' spreads a record, got " + Values.describe(v), values[i].loc);
          }
          for (int k = 0; k < r.size(); k++) {
            m.put(r.key(k), r.value(k));
          }
        } else {
          m.put(names[i], v);
        }
      }
      return Record.of(m);
    }
  }

  /** {@code "text {expr:spec} text"}. */
  public static final class Interp extends Node {
    final String[] texts;
    final Node[] holes;
    final FormatSpec[] specs;

    public Interp(Loc loc, String[] texts, Node[] holes, FormatSpec[] specs) {
      super(loc);
      this.texts = texts;
      this.holes = holes;
      this.specs = specs;
    }

    @Override
    boolean maybeNumber() {
      return false;
    }

    @Override
    public Object eval(Frame f) {
      StringBuilder sb = new StringBuilder(texts[0]);
      for (int i = 0; i < holes.length; i++) {
        Object v = holes[i].eval(f);
        String part = format(v, specs[i], holes[i].loc);
        long n = (long) sb.length() + part.length() + texts[i + 1].length();
        if (n > 1 << 16) {   // long text: held to the memory budget, as '+' on strings is ("{t}{t}" doubling)
          if (n > Integer.MAX_VALUE - 8) {
            throw dev.exp.eval.runtime.Context.memoryLimit("a string of " + n + " characters is too long", loc);
          }
          dev.exp.eval.runtime.Context.reserveHere(2 * n, "a string", n, "characters", loc);
        }
        sb.append(part);
        sb.append(texts[i + 1]);
      }
      return sb.toString();
    }

    public static String format(Object v, FormatSpec spec, Loc loc) {
      if (spec == null) {
        return Printer.str(v);
      }
      try {
        return dev.exp.eval.runtime.Formatted.of(v, spec);
      } catch (IllegalArgumentException e) {
        throw new ExpError(e.getMessage(), loc);
      }
    }
  }
}
