package dev.exp.eval;

import dev.exp.syntax.Loc;
import dev.exp.tensor.op.BinaryOp;

/** Operators: arithmetic, comparison, logic, ranges. */
final class OperatorNodes {
  private OperatorNodes() {}

  static final class Binary extends Node {
    final BinaryOp op;
    final Node left;
    final Node right;

    Binary(Loc loc, BinaryOp op, Node left, Node right) {
      super(loc);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      Object a = left.eval(f);
      Object b = right.eval(f);
      if (a instanceof Double x && b instanceof Double y) {
        double p = x;
        double q = y;
        switch (op) {
          case ADD: return p + q;
          case SUB: return p - q;
          case MUL: return p * q;
          case DIV: return p / q;
          case MOD: return BinaryOp.floorMod(p, q);
          case POW: return Math.pow(p, q);
          case LT: return p < q;
          case LE: return p <= q;
          case GT: return p > q;
          case GE: return p >= q;
          case EQ: return p == q;
          case NE: return p != q;
          default: break;
        }
      }
      return Ops.binary(op, a, b, loc);
    }
  }

  static final class Negate extends Node {
    final Node operand;

    Negate(Loc loc, Node operand) {
      super(loc);
      this.operand = operand;
    }

    @Override
    Object eval(Frame f) {
      return Ops.negate(operand.eval(f), loc);
    }
  }

  static final class Plus extends Node {
    final Node operand;

    Plus(Loc loc, Node operand) {
      super(loc);
      this.operand = operand;
    }

    @Override
    Object eval(Frame f) {
      Object v = operand.eval(f);
      if (!(v instanceof Double) && !(v instanceof dev.exp.tensor.Tensor)) {
        throw new ExpError("unary '+' needs a number or tensor, got " + Values.describe(v), loc);
      }
      return v;
    }
  }

  static final class Not extends Node {
    final Node operand;

    Not(Loc loc, Node operand) {
      super(loc);
      this.operand = operand;
    }

    @Override
    Object eval(Frame f) {
      Object v = operand.eval(f);
      if (v instanceof Boolean b) {
        return !b;
      }
      if (v instanceof dev.exp.tensor.Tensor t) {
        return Ops.not(t);
      }
      throw new ExpError("'not' needs a bool, got " + Values.describe(v), loc);
    }
  }

  static final class And extends Node {
    final Node left;
    final Node right;

    And(Loc loc, Node left, Node right) {
      super(loc);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      return logic(left.eval(f), "and", loc) ? logic(right.eval(f), "and", loc) : Boolean.FALSE;
    }
  }

  static final class Or extends Node {
    final Node left;
    final Node right;

    Or(Loc loc, Node left, Node right) {
      super(loc);
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Frame f) {
      return logic(left.eval(f), "or", loc) ? Boolean.TRUE : logic(right.eval(f), "or", loc);
    }
  }

  static boolean logic(Object v, String op, Loc loc) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ExpError("'" + op + "' needs bools, got " + Values.describe(v)
        + (v instanceof dev.exp.tensor.Tensor ? " (for element-wise logic use * and maximum, or all/any)" : ""), loc);
  }

  static final class Range extends Node {
    final Node from;
    final Node to;
    final boolean inclusive;

    Range(Loc loc, Node from, Node to, boolean inclusive) {
      super(loc);
      this.from = from;
      this.to = to;
      this.inclusive = inclusive;
    }

    @Override
    Object eval(Frame f) {
      long a = Values.integer(from.eval(f), "the start of a range", loc);
      long b = Values.integer(to.eval(f), "the end of a range", loc);
      return new RangeValue(a, inclusive ? b + 1 : b, 1);
    }
  }
}
