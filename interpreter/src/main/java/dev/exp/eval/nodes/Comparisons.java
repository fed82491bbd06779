package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Ops;
import dev.exp.syntax.Loc;
import dev.exp.tensor.op.BinaryOp;

/**
 * Comparison operators evaluated typed: number operands as {@code double}s, the result as a
 * {@code boolean} (conditions of {@code if}/{@code while} never box). Other operands (strings,
 * tensors, none) go through {@link Ops#binary} and make the site generic from then on; a tensor
 * result (element-wise comparison) reaches a typed consumer as {@link UnexpectedType}.
 */
final class Comparisons {
  private Comparisons() {}

  /** The bool in a generic result, or {@link UnexpectedType} with the result. */
  static boolean bool(Object r) throws UnexpectedType {
    if (r instanceof Boolean b) {
      return b;
    }
    throw new UnexpectedType(r);
  }

  /** A comparison operator: the generic paths shared by every operator. */
  abstract static class Op extends Node {
    final BinaryOp op;
    final Node left;
    final Node right;
    /** Set once an operand was not a number here: the node then evaluates generically. */
    boolean generic;

    Op(Loc loc, BinaryOp op, Node left, Node right) {
      super(loc);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    public final Object eval(Frame f) {
      if (!generic) {
        try {
          return evalBoolean(f);
        } catch (UnexpectedType e) {
          return e.value;
        }
      }
      return Ops.binary(op, left.eval(f), right.eval(f), loc);
    }

    @Override
    final boolean maybeNumber() {
      return false;
    }

    /** The left operand was {@code a}, not a number: finish generically. */
    final boolean leftFailed(Frame f, Object a) throws UnexpectedType {
      generic = true;
      return bool(Ops.binary(op, a, right.eval(f), loc));
    }

    /** The right operand was {@code b}, not a number: finish generically. */
    final boolean rightFailed(double a, Object b) throws UnexpectedType {
      generic = true;
      return bool(Ops.binary(op, a, b, loc));
    }

    final boolean slow(Frame f) throws UnexpectedType {
      return bool(Ops.binary(op, left.eval(f), right.eval(f), loc));
    }
  }

  static final class Lt extends Op {
    Lt(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.LT, left, right);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (generic) {
        return slow(f);
      }
      double a;
      try {
        a = left.evalDouble(f);
      } catch (UnexpectedType e) {
        return leftFailed(f, e.value);
      }
      double b;
      try {
        b = right.evalDouble(f);
      } catch (UnexpectedType e) {
        return rightFailed(a, e.value);
      }
      return a < b;
    }
  }

  static final class Le extends Op {
    Le(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.LE, left, right);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (generic) {
        return slow(f);
      }
      double a;
      try {
        a = left.evalDouble(f);
      } catch (UnexpectedType e) {
        return leftFailed(f, e.value);
      }
      double b;
      try {
        b = right.evalDouble(f);
      } catch (UnexpectedType e) {
        return rightFailed(a, e.value);
      }
      return a <= b;
    }
  }

  static final class Gt extends Op {
    Gt(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.GT, left, right);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (generic) {
        return slow(f);
      }
      double a;
      try {
        a = left.evalDouble(f);
      } catch (UnexpectedType e) {
        return leftFailed(f, e.value);
      }
      double b;
      try {
        b = right.evalDouble(f);
      } catch (UnexpectedType e) {
        return rightFailed(a, e.value);
      }
      return a > b;
    }
  }

  static final class Ge extends Op {
    Ge(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.GE, left, right);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (generic) {
        return slow(f);
      }
      double a;
      try {
        a = left.evalDouble(f);
      } catch (UnexpectedType e) {
        return leftFailed(f, e.value);
      }
      double b;
      try {
        b = right.evalDouble(f);
      } catch (UnexpectedType e) {
        return rightFailed(a, e.value);
      }
      return a >= b;
    }
  }

  static final class Eq extends Op {
    Eq(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.EQ, left, right);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (generic) {
        return slow(f);
      }
      double a;
      try {
        a = left.evalDouble(f);
      } catch (UnexpectedType e) {
        return leftFailed(f, e.value);
      }
      double b;
      try {
        b = right.evalDouble(f);
      } catch (UnexpectedType e) {
        return rightFailed(a, e.value);
      }
      return a == b;
    }
  }

  static final class Ne extends Op {
    Ne(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.NE, left, right);
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      if (generic) {
        return slow(f);
      }
      double a;
      try {
        a = left.evalDouble(f);
      } catch (UnexpectedType e) {
        return leftFailed(f, e.value);
      }
      double b;
      try {
        b = right.evalDouble(f);
      } catch (UnexpectedType e) {
        return rightFailed(a, e.value);
      }
      return a != b;
    }
  }

  /**
   * {@code x == none} or {@code x != none} (either side none): only none equals none, so this is a
   * reference test, without the structural comparison of the generic {@code ==}.
   */
  static final class IsNone extends Node {
    final Node operand;
    final boolean equal;

    IsNone(Loc loc, Node operand, boolean equal) {
      super(loc);
      this.operand = operand;
      this.equal = equal;
    }

    @Override
    public Object eval(Frame f) {
      return (operand.eval(f) == null) == equal;
    }

    @Override
    boolean evalBoolean(Frame f) {
      return (operand.eval(f) == null) == equal;
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }
}
