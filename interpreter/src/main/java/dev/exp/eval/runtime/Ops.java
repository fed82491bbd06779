package dev.exp.eval.runtime;

import dev.exp.kernel.KernelException;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorOps;
import dev.exp.tensor.op.BinaryOp;
import dev.exp.tensor.op.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The operators of the language on values: arithmetic with broadcasting, comparison, equality. */
public final class Ops {
  private Ops() {}

  public static Object binary(BinaryOp op, Object a, Object b, Loc loc) {
    if (a instanceof Double x && b instanceof Double y) {
      if (op == BinaryOp.MATMUL) {
        throw new ExpError("operator '@' needs tensors, got two numbers (use * for numbers)", loc);
      }
      double r = op.apply(x, y);
      return op.isComparison() ? (Object) (r != 0) : (Object) r;
    }
    if (ComplexScalarOps.isComplex(a) || ComplexScalarOps.isComplex(b)) {   // complex scalars (tensors: below)
      Object r = ComplexScalarOps.binary(op, a, b, loc);
      if (r != null) {
        return r;
      }
    }
    switch (op) {
      case EQ:
        return equal(a, b, loc, true);
      case NE: {
        Object e = equal(a, b, loc, false);
        return e instanceof Boolean bool ? (Object) !bool : e;
      }
      default:
        break;
    }
    if (op == BinaryOp.ADD && a instanceof String s && b instanceof String t) {
      long n = (long) s.length() + t.length();
      if (n > Integer.MAX_VALUE - 8) {
        throw new ExpError("operator '+': a string of " + n + " characters is too long", loc);
      }
      Context.reserveHere(2 * n, "a string", n, "characters", loc);
      return s + t;
    }
    if (op == BinaryOp.MUL && (a instanceof String && b instanceof Double || a instanceof Double && b instanceof String)) {
      return repeat(a instanceof String s ? s : (String) b, a instanceof Double ? a : b, loc);
    }
    if (op == BinaryOp.ADD && (a instanceof List<?> || b instanceof List<?>) && joinable(a) && joinable(b)) {
      // a list joins with a list, or with the items of a tensor or range: acc + [x] appends to a list
      return join(items(a, loc), items(b, loc), loc);
    }
    if (op.isComparison() && (a instanceof Boolean || b instanceof Boolean)) {
      throw new ExpError("operator '" + op.symbol() + "' cannot order " + Values.describe(a) + " and " + Values.describe(b)
          + ": bools have no order", loc);
    }
    if (op.isComparison() && a instanceof String s && b instanceof String t) {
      int c = dev.exp.kernel.TextOrder.compare(s, t);   // code points, as Python
      return switch (op) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        default -> c >= 0;
      };
    }
    if (op == BinaryOp.MATMUL && a instanceof dev.exp.linalg.LinearOperator lo) {
      return OperatorCalls.apply(lo, b, loc);
    }
    if (a instanceof List<?> l && l.isEmpty() || b instanceof List<?> m && m.isEmpty()) {
      // [] + 1 would be an empty tensor: a list accumulator silently staying [] (acc += x for acc += [x])
      throw new ExpError("operator '" + op.symbol() + "' cannot combine " + Values.describe(a) + " and "
          + Values.describe(b) + (op == BinaryOp.ADD ? ": to append x to a list write acc += [x]" : ""), loc);
    }
    Tensor ta;
    Tensor tb;
    try {
      ta = Values.asTensorOperand(a);
      tb = Values.asTensorOperand(b);
    } catch (KernelException e) {   // a range too large to become a tensor
      throw Context.fromKernel("operator '" + op.symbol() + "': ", e, loc);
    }
    if (ta == null || tb == null) {
      throw new ExpError("operator '" + op.symbol() + "' cannot combine " + Values.describe(a) + " and "
          + Values.describe(b) + OperatorCalls.sparseHint(a, b)
          + (op == BinaryOp.MOD && a instanceof String ? ": strings are formatted by interpolation, \"{x:.2f} items\", or format(x, \".2f\")" : "")
          + (op == BinaryOp.ADD && (a instanceof String) != (b instanceof String) && (a instanceof Double || b instanceof Double)
              ? ": to put a number into a string, interpolate (\"n = {n}\") or convert it with str(n)" : ""), loc);
    }
    try {
      if (op == BinaryOp.MATMUL) {
        return Values.unwrapScalar(MatMulBridge.matmul(ta, tb, loc));
      }
      return TensorOps.binary(op, ta, tb);
    } catch (KernelException e) {
      throw Context.fromKernel("operator '" + op.symbol() + "': ", e, loc);
    } catch (ExpError e) {
      e.locateIfUnknown(loc);   // a limit hit between the blocks of a long element-wise loop
      throw e;
    }
  }

  /** {@code s * n}: s repeated n times, as in Python ({@code "-" * 40}); n a non-negative integer. */
  private static String repeat(String s, Object times, Loc loc) {
    long n = Values.integer(times, "operator '*': the repeat count of a string", loc);
    if (n < 0) {
      throw new ExpError("operator '*': the repeat count of a string must be at least 0, got " + n, loc);
    }
    long chars = n * s.length();
    if (s.length() > 0 && (n > Integer.MAX_VALUE || chars > Integer.MAX_VALUE - 8)) {
      throw new ExpError("operator '*': a string of " + n + " x " + s.length() + " characters is too long", loc);
    }
    Context.reserveHere(2 * chars, "a string", chars, "characters", loc);
    return s.repeat((int) Math.min(n, Integer.MAX_VALUE));
  }

  /** {@code l + m} for two lists: in place when {@code l} is the longest list made on its storage. */
  private static List<Object> join(List<?> l, List<?> m, Loc loc) {
    reserveList((long) l.size() + m.size(), loc);
    return AppendableList.concat(l, m);   // appending in a loop stays linear
  }

  /** Checks that a list {@code +} makes of {@code n} items is possible and fits the memory budget. */
  static void reserveList(long n, Loc loc) {
    if (n > Integer.MAX_VALUE - 8) {
      throw new ExpError("operator '+': a list of " + n + " items is too long", loc);
    }
    Context.reserveHere(Context.LIST_ITEM_BYTES * n, "a list", n, "items", loc);
  }

  /** {@code l + [x]} for an item {@code x} that the one-item literal holds as itself (a number, string, record). */
  public static List<Object> append(List<?> l, Object x, Loc loc) {
    return join(l, List.of(x), loc);
  }

  /** Whether {@code v} can be joined to a list by {@code +}: a list, or a tensor or range of items. */
  private static boolean joinable(Object v) {
    return v instanceof List<?> || v instanceof RangeValue || v instanceof Tensor t && t.rank() >= 1;
  }

  /** The items of a {@link #joinable} value. */
  private static List<?> items(Object v, Loc loc) {
    if (v instanceof List<?> l) {
      return l;
    }
    if (v instanceof Tensor t && t.rank() == 1 && !t.isComplex()) {
      if (t.size() == 1) {
        return List.of(t.at(0));   // acc + [x]: the common append
      }
      List<Object> out = new ArrayList<>(t.size());
      for (int i = 0; i < t.size(); i++) {
        out.add(t.at(i));
      }
      return out;
    }
    List<Object> out = new ArrayList<>();
    if (v instanceof Tensor t) {
      for (int i = 0; i < t.extent(0); i++) {
        out.add(Indexing.row(t, i));
      }
    } else {
      ((RangeValue) v).forEach(out::add);
    }
    return out;
  }

  /** Logical not of a tensor: 1 where x == 0, else 0 (the op table's NOT loop). */
  public static Object not(dev.exp.tensor.Tensor t) {
    return TensorOps.unary(UnaryOp.NOT, t);
  }

  public static Object negate(Object v, Loc loc) {
    if (v instanceof Double d) {
      return -d;
    }
    if (v instanceof dev.exp.tensor.Complex z) {
      return ComplexScalarOps.negate(z);
    }
    if (v instanceof Tensor t) {
      try {
        return TensorOps.unary(UnaryOp.NEG, t);
      } catch (KernelException e) {
        throw Context.fromKernel("unary '-': ", e, loc);
      }
    }
    throw new ExpError("unary '-' needs a number or tensor, got " + Values.describe(v), loc);
  }

  /** == : element-wise on tensors (a 0/1 tensor), structural equality on everything else. */
  static Object equal(Object a, Object b, Loc loc, boolean eq) {
    if ((a instanceof Tensor || b instanceof Tensor) && Values.asTensorOperand(a) != null
        && Values.asTensorOperand(b) != null) {
      Tensor ta = Values.asTensorOperand(a);
      Tensor tb = Values.asTensorOperand(b);
      try {
        return TensorOps.binary(eq ? BinaryOp.EQ : BinaryOp.NE, ta, tb);
      } catch (KernelException e) {
        throw Context.fromKernel("operator '" + (eq ? "==" : "!=") + "': ", e, loc);
      }
    }
    return deepEquals(a, b);
  }

  /**
   * Structural equality. A list or record is equal to itself without a look inside (as Python's
   * containers are), and a long comparison polls the evaluation's limits: a value that shares its
   * parts 2^40 times over would otherwise ignore --timeout.
   */
  public static boolean deepEquals(Object a, Object b) {
    return deepEquals(a, b, new int[1]);
  }

  private static boolean deepEquals(Object a, Object b, int[] visits) {
    if ((a instanceof List<?> || a instanceof Record) && a == b) {
      return true;
    }
    if ((a instanceof List<?> || a instanceof Record) && (++visits[0] & 4095) == 0) {
      dev.exp.kernel.KernelContext.current().poll();
    }
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof dev.exp.tensor.Complex || b instanceof dev.exp.tensor.Complex) {   // a real equals x+0i
      Object r = ComplexScalarOps.binary(BinaryOp.EQ, a, b, Loc.NONE);
      return r instanceof Boolean eq && eq;
    }
    if (a instanceof List<?> l && b instanceof List<?> m) {
      if (l.size() != m.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!deepEquals(l.get(i), m.get(i), visits)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Record r && b instanceof Record s) {
      if (r.size() != s.size()) {
        return false;
      }
      for (int i = 0; i < r.size(); i++) {   // the same fields with equal values, in any order
        int j = r.key(i).equals(s.key(i)) ? i : s.indexOf(r.key(i));
        if (j < 0 || !deepEquals(r.value(i), s.value(j), visits)) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }
}
