package dev.exp.eval.nodes;

import dev.exp.eval.runtime.Ops;
import dev.exp.syntax.Loc;
import dev.exp.tensor.op.BinaryOp;

/**
 * Arithmetic operators evaluated typed: both operands as {@code double}s, no boxing in between
 * ({@code acc += i * 0.5} allocates nothing). An operand of another kind (a tensor, a string) makes
 * the node finish through {@link Ops#binary} and stay generic from then on, so a site that sees
 * tensors pays for the failed typed attempt once. One class per operator keeps every fast path a
 * separate, monomorphic piece of code for the JIT.
 */
final class Arithmetic {
  private Arithmetic() {}

  /** The number in a generic result, or {@link UnexpectedType} with the result. */
  static double number(Object r) throws UnexpectedType {
    if (r instanceof Double d) {
      return d;
    }
    throw new UnexpectedType(r);
  }

  /** A binary arithmetic operator: the generic paths shared by every operator. */
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
          return evalDouble(f);
        } catch (UnexpectedType e) {
          return e.value;
        }
      }
      return Ops.binary(op, left.eval(f), right.eval(f), loc);
    }

    /** The left operand was {@code a}, not a number: finish generically. */
    final double leftFailed(Frame f, Object a) throws UnexpectedType {
      generic = true;
      return number(Ops.binary(op, a, right.eval(f), loc));
    }

    /** The right operand was {@code b}, not a number: finish generically. */
    final double rightFailed(double a, Object b) throws UnexpectedType {
      generic = true;
      return number(Ops.binary(op, a, b, loc));
    }

    final double slow(Frame f) throws UnexpectedType {
      return number(Ops.binary(op, left.eval(f), right.eval(f), loc));
    }
  }

  static final class Add extends Op {
    Add(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.ADD, left, right);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
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
      return a + b;
    }
  }

  static final class Sub extends Op {
    Sub(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.SUB, left, right);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
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
      return a - b;
    }
  }

  static final class Mul extends Op {
    Mul(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.MUL, left, right);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
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
      return a * b;
    }
  }

  static final class Div extends Op {
    Div(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.DIV, left, right);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
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
      return a / b;
    }
  }

  static final class Mod extends Op {
    Mod(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.MOD, left, right);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
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
      return BinaryOp.floorMod(a, b);
    }
  }

  static final class Pow extends Op {
    Pow(Loc loc, Node left, Node right) {
      super(loc, BinaryOp.POW, left, right);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
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
      return BinaryOp.pow(a, b);
    }
  }
}
