package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Ops;
import dev.exp.syntax.Ast;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
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

  /** The item of a one-item bracket literal ({@code [x]}, not a row {@code [[1, 2]]}), else null. */
  public static Ast.Expr oneItem(Ast.Expr e) {
    return e instanceof Ast.ListLit l && l.elements().size() == 1 && !(l.elements().get(0) instanceof Ast.ListLit)
        ? l.elements().get(0) : null;
  }

  /** Whether {@code e} is {@code a + [x]} or {@code [x] + a}: the habit this node warns about. */
  public static boolean isHabit(Ast.Expr e) {
    return e instanceof Ast.Binary b && b.op() == BinaryOp.ADD && (oneItem(b.right()) != null || oneItem(b.left()) != null);
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
    }
    return Ops.binary(BinaryOp.ADD, a, b, loc);
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
    String written = tensorText == null ? (itemOnRight ? "+ " + item : item + " +")
        : compound ? tensorText + " += " + item : itemOnRight ? tensorText + " + " + item : item + " + " + tensorText;
    String whose = tensorText != null ? tensorText : "the tensor " + (itemOnRight ? "on the left" : "on the right");
    String xs = tensorText != null ? tensorText : "...";
    int n = t.dim(0);
    String each = n == 0 ? "each element of " + whose + " (it has none: the result is empty)"
        : n == 1 ? "the one element of " + whose : "each of the " + n + " elements of " + whose;
    f.ctx.warn(loc, written + " adds " + x + " to " + each + ": numbers in brackets make a tensor, and + broadcasts as in "
        + "NumPy; to " + (itemOnRight ? "append, write concat([" + xs + ", " + item + "])" : "put " + x + " first, write concat([" + item + ", " + xs + "])")
        + ", or collect the items in a list that starts as []");
  }
}
