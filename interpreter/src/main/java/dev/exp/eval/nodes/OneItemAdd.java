package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Ops;
import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.Views;
import dev.exp.tensor.op.BinaryOp;

/**
 * {@code xs + [x]} or {@code [x] + xs} with a one-item literal written out: Python's way to append
 * or prepend. It means what {@code +} means; when {@code xs} is a vector of numbers (a tensor) it
 * adds {@code x} to every element, and the run gets a warning (once per location) saying so and how
 * to append. A list {@code xs} appends as usual, without a warning.
 */
public final class OneItemAdd extends Node {
  final Node left;
  final Node right;
  final boolean itemOnRight;
  /** How the message shows the tensor operand and the item: source names, or null. */
  final String tensorText;
  final String itemText;

  public OneItemAdd(Loc loc, Node left, Node right, boolean itemOnRight, String tensorText, String itemText) {
    super(loc);
    this.left = left;
    this.right = right;
    this.itemOnRight = itemOnRight;
    this.tensorText = tensorText;
    this.itemText = itemText;
  }

  /**
   * {@code target += [x]} on an element or a field ({@code r.h += [3]}, {@code l[0] += [3]}): the
   * compound assignment node calls {@link #check(Frame, Loc, Object, Object)} with the old value and
   * the literal's, and it warns as {@link OneItemAdd} does.
   */
  public record Habit(String target, String item) {
    void check(Frame f, Loc loc, Object old, Object value) {
      if (value instanceof Tensor one && one.rank() == 1 && one.size() == 1 && !one.isComplex()) {
        OneItemAdd.check(f, loc, old, true, true, target, item);
      }
    }
  }

  /** The item of a one-item bracket literal ({@code [x]}, not a row {@code [[1, 2]]}), else null. */
  public static Ast.Expr oneItem(Ast.Expr e) {
    return e instanceof Ast.ListLit l && l.elements().size() == 1 && !(l.elements().get(0) instanceof Ast.ListLit)
        ? l.elements().get(0) : null;
  }

  /** Whether {@code e} is a one-item bracket literal, {@code [x]} or a one-row {@code [[1, 2]]}. */
  public static boolean isOneItemLiteral(Ast.Expr e) {
    return e instanceof Ast.ListLit l && l.elements().size() == 1;
  }

  /** Whether {@code e} is {@code a + [x]} or {@code [x] + a} (or with a row {@code [[1, 2]]}): the habit this node warns about. */
  public static boolean isHabit(Ast.Expr e) {
    return e instanceof Ast.Binary b && b.op() == BinaryOp.ADD && (isOneItemLiteral(b.right()) || isOneItemLiteral(b.left()));
  }

  @Override
  boolean maybeNumber() {
    return false;
  }

  @Override
  public Object eval(Frame f) {
    Object a = left.eval(f);
    Object b = right.eval(f);
    Object other = itemOnRight ? a : b;
    Object item = itemOnRight ? b : a;
    if (item instanceof Tensor one && one.rank() == 1 && one.size() == 1 && !one.isComplex()) {
      check(f, loc, other, itemOnRight, false, tensorText, itemText);
    } else if (item instanceof Tensor row && row.rank() == 2 && row.dim(0) == 1 && !row.isComplex()) {
      checkRow(f, loc, other, Views.row(row, 0), itemOnRight, false, tensorText);
    }
    return Ops.binary(BinaryOp.ADD, a, b, loc);
  }

  /**
   * Warns when {@code other} is a real matrix beside a one-row literal {@code [[1, 2]]}: {@code +} adds
   * the row to every row where a Python user means to append a pair to a list of pairs.
   */
  static void checkRow(Frame f, Loc loc, Object other, Tensor row, boolean itemOnRight, boolean compound, String tensorText) {
    if (!(other instanceof Tensor t) || t.rank() != 2 || t.isComplex()) {
      return;
    }
    String r = dev.exp.eval.runtime.Printer.repr(row);
    String item = "[" + r + "]";
    String written = written(tensorText, item, itemOnRight, compound);
    String whose = tensorText != null ? tensorText : "the matrix " + (itemOnRight ? "on the left" : "on the right");
    String xs = tensorText != null ? tensorText : "...";
    int n = t.dim(0);
    f.ctx.warn(loc, written + " adds the row " + r + " to " + (n == 1 ? "the one row" : "each of the " + n + " rows") + " of "
        + whose + ": rows of numbers in brackets make a matrix, and + broadcasts as in NumPy; to "
        + (itemOnRight ? "append the row, write concat([" + xs + ", " + item + "])" : "put the row first, write concat([" + item + ", " + xs + "])")
        + ", or collect the rows in a list that starts as [] (stack(rows) makes the matrix)");
  }

  /**
   * Warns at {@code loc} when {@code other}, the operand beside a one-number literal {@code [x]}, is a
   * real vector: {@code +} then broadcasts where a Python user means to append ({@code prepend} when
   * the literal is on the left); {@code compound} when it was written {@code xs += [x]}.
   */
  static void check(Frame f, Loc loc, Object other, boolean itemOnRight, boolean compound, String tensorText,
      String itemText) {
    if (!(other instanceof Tensor t) || t.rank() != 1 || t.isComplex()) {
      return;
    }
    String x = itemText != null ? itemText : "x";
    String item = "[" + x + "]";
    String written = written(tensorText, item, itemOnRight, compound);
    String whose = tensorText != null ? tensorText : "the tensor " + (itemOnRight ? "on the left" : "on the right");
    String xs = tensorText != null ? tensorText : "...";
    int n = t.dim(0);
    String each = n == 0 ? "each element of " + whose + " (it has none: the result is empty)"
        : n == 1 ? "the one element of " + whose : "each of the " + n + " elements of " + whose;
    f.ctx.warn(loc, written + " adds " + x + " to " + each + ": numbers in brackets make a tensor, and + broadcasts as in "
        + "NumPy; to " + (itemOnRight ? "append, write concat([" + xs + ", " + item + "])" : "put " + x + " first, write concat([" + item + ", " + xs + "])")
        + ", or collect the items in a list that starts as []");
  }

  /** How the warning quotes the addition: {@code xs + [x]}, {@code [x] + xs}, {@code xs += [x]}, or {@code + [x]} when xs has no name. */
  private static String written(String tensorText, String item, boolean itemOnRight, boolean compound) {
    if (tensorText == null) {
      return itemOnRight ? "+ " + item : item + " +";
    }
    return compound ? tensorText + " += " + item : itemOnRight ? tensorText + " + " + item : item + " + " + tensorText;
  }
}
