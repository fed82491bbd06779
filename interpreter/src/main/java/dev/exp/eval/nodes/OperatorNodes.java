package dev.exp.eval.nodes;

import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Ops;
import dev.exp.eval.runtime.RangeValue;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.op.BinaryOp;

/**
 * Operators: arithmetic, comparison, logic, ranges. Arithmetic ({@link Arithmetic}) and comparisons
 * ({@link Comparisons}) evaluate their operands typed; the rest are here.
 */
public final class OperatorNodes {
  private OperatorNodes() {}

  /** The node for a binary operator: a typed one for arithmetic and comparisons. */
  public static Node binary(Loc loc, BinaryOp op, Node left, Node right) {
    if ((op == BinaryOp.EQ || op == BinaryOp.NE) && (isNone(left) || isNone(right))) {
      return new Comparisons.IsNone(loc, isNone(right) ? left : right, op == BinaryOp.EQ);
    }
    if (op.kind() == BinaryOp.Kind.ARITHMETIC && (!left.maybeNumber() || !right.maybeNumber())) {
      // an operand that is never a number (xs + [x], a list literal): the typed node would fail its number
      // path every time, and its exceptions would slow the same node class where it adds numbers
      return new Binary(loc, op, left, right);
    }
    return switch (op) {
      case ADD -> new Arithmetic.Add(loc, left, right);
      case SUB -> new Arithmetic.Sub(loc, left, right);
      case MUL -> new Arithmetic.Mul(loc, left, right);
      case DIV -> new Arithmetic.Div(loc, left, right);
      case MOD -> new Arithmetic.Mod(loc, left, right);
      case POW -> new Arithmetic.Pow(loc, left, right);
      case LT -> new Comparisons.Lt(loc, left, right);
      case LE -> new Comparisons.Le(loc, left, right);
      case GT -> new Comparisons.Gt(loc, left, right);
      case GE -> new Comparisons.Ge(loc, left, right);
      case EQ -> new Comparisons.Eq(loc, left, right);
      case NE -> new Comparisons.Ne(loc, left, right);
      default -> new Binary(loc, op, left, right);
    };
  }

  private static boolean isNone(Node n) {
    return n instanceof VariableNodes.Const c && c.value == null;
  }

  /**
   * A long left-associative chain such as {@code x1 + x2 - x3 * x4 + ...}: evaluated by a loop in
   * the order the nested nodes would use (left spine first), so its length costs no Java stack.
   * Only chains of at least {@link #MIN} operators take this form; shorter ones keep the typed nodes.
   */
  public static final class LeftChain extends Node {
    static final int MIN = 32;
    final Node first;
    final BinaryOp[] ops;
    final Node[] rights;
    final Loc[] locs;

    private LeftChain(Loc loc, Node first, BinaryOp[] ops, Node[] rights, Loc[] locs) {
      super(loc);
      this.first = first;
      this.ops = ops;
      this.rights = rights;
      this.locs = locs;
    }

    private static boolean chains(BinaryOp op) {
      return switch (op) {
        case ADD, SUB, MUL, DIV, MOD, MATMUL -> true;
        default -> false;
      };
    }

    /** The chain node for {@code b}, or null when its left spine is shorter than {@link #MIN}. */
    public static Node of(dev.exp.syntax.Ast.Binary b, java.util.function.Function<dev.exp.syntax.Ast.Expr, Node> compile) {
      java.util.ArrayList<dev.exp.syntax.Ast.Binary> spine = new java.util.ArrayList<>();
      dev.exp.syntax.Ast.Expr e = b;
      while (e instanceof dev.exp.syntax.Ast.Binary x && chains(x.op())) {
        spine.add(x);
        e = x.left();
      }
      if (spine.size() < MIN) {
        return null;
      }
      int n = spine.size();
      Node first = compile.apply(e);
      BinaryOp[] ops = new BinaryOp[n];
      Node[] rights = new Node[n];
      Loc[] locs = new Loc[n];
      for (int i = 0; i < n; i++) {
        dev.exp.syntax.Ast.Binary x = spine.get(n - 1 - i);
        ops[i] = x.op();
        rights[i] = compile.apply(x.right());
        locs[i] = x.loc();
      }
      return new LeftChain(b.loc(), first, ops, rights, locs);
    }

    @Override
    public Object eval(Frame f) {
      Object v = first.eval(f);
      for (int i = 0; i < ops.length; i++) {
        v = Ops.binary(ops[i], v, rights[i].eval(f), locs[i]);
      }
      return v;
    }
  }

  /** Any other binary operator ({@code @}): always generic. */
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
    public Object eval(Frame f) {
      return Ops.binary(op, left.eval(f), right.eval(f), loc);
    }
  }

  public static final class Negate extends Node {
    final Node operand;
    boolean generic;

    public Negate(Loc loc, Node operand) {
      super(loc);
      this.operand = operand;
    }

    @Override
    public Object eval(Frame f) {
      if (!generic) {
        try {
          return -operand.evalDouble(f);
        } catch (UnexpectedType e) {
          generic = true;
          return Ops.negate(e.value, loc);
        }
      }
      return Ops.negate(operand.eval(f), loc);
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      if (!generic) {
        try {
          return -operand.evalDouble(f);
        } catch (UnexpectedType e) {
          generic = true;
          return Arithmetic.number(Ops.negate(e.value, loc));
        }
      }
      return Arithmetic.number(Ops.negate(operand.eval(f), loc));
    }
  }

  public static final class Plus extends Node {
    final Node operand;

    public Plus(Loc loc, Node operand) {
      super(loc);
      this.operand = operand;
    }

    @Override
    public Object eval(Frame f) {
      return check(operand.eval(f));
    }

    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      try {
        return operand.evalDouble(f);
      } catch (UnexpectedType e) {
        throw new UnexpectedType(check(e.value));
      }
    }

    private Object check(Object v) {
      if (!(v instanceof Double) && !(v instanceof Tensor)) {
        throw new ExpError("unary '+' needs a number or tensor, got " + Values.describe(v), loc);
      }
      return v;
    }
  }

  public static final class Not extends Node {
    final Node operand;

    public Not(Loc loc, Node operand) {
      super(loc);
      this.operand = operand;
    }

    @Override
    public Object eval(Frame f) {
      return not(operand.eval(f));
    }

    @Override
    boolean evalBoolean(Frame f) throws UnexpectedType {
      boolean b;
      try {
        b = operand.evalBoolean(f);
      } catch (UnexpectedType e) {
        Object r = not(e.value);
        if (r instanceof Boolean x) {
          return x;
        }
        throw new UnexpectedType(r);
      }
      return !b;
    }

    private Object not(Object v) {
      if (v instanceof Boolean b) {
        return !b;
      }
      if (v instanceof Tensor t) {
        return Ops.not(t);
      }
      throw new ExpError("'not' needs a bool, got " + Values.describe(v), loc);
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }

  public static final class And extends Node {
    final Node left;
    final Node right;

    public And(Loc loc, Node left, Node right) {
      super(loc);
      this.left = left;
      this.right = right;
    }

    @Override
    public Object eval(Frame f) {
      return logic(left.eval(f), "and", loc) ? logic(right.eval(f), "and", loc) : Boolean.FALSE;
    }

    @Override
    boolean evalBoolean(Frame f) {
      return side(left, f, "and", loc) && side(right, f, "and", loc);
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }

  public static final class Or extends Node {
    final Node left;
    final Node right;

    public Or(Loc loc, Node left, Node right) {
      super(loc);
      this.left = left;
      this.right = right;
    }

    @Override
    public Object eval(Frame f) {
      return logic(left.eval(f), "or", loc) ? Boolean.TRUE : logic(right.eval(f), "or", loc);
    }

    @Override
    boolean evalBoolean(Frame f) {
      return side(left, f, "or", loc) || side(right, f, "or", loc);
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }

  /** One operand of {@code and}/{@code or}, typed; anything but a bool is an error. */
  private static boolean side(Node n, Frame f, String op, Loc loc) {
    try {
      return n.evalBoolean(f);
    } catch (UnexpectedType e) {
      return logic(e.value, op, loc);
    }
  }

  static boolean logic(Object v, String op, Loc loc) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ExpError("'" + op + "' needs bools, got " + Values.describe(v)
        + (v instanceof Tensor ? " (for element-wise logic use * and maximum, or all/any)" : ""), loc);
  }

  public static final class Range extends Node {
    final Node from;
    final Node to;
    final boolean inclusive;

    public Range(Loc loc, Node from, Node to, boolean inclusive) {
      super(loc);
      this.from = from;
      this.to = to;
      this.inclusive = inclusive;
    }

    @Override
    public Object eval(Frame f) {
      long a = Values.integer(from.eval(f), "the start of a range", loc);
      long b = Values.integer(to.eval(f), "the end of a range", loc);
      return new RangeValue(a, inclusive ? b + 1 : b, 1, inclusive);
    }

    @Override
    boolean maybeNumber() {
      return false;
    }
  }
}
