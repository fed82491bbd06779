package dev.exp.eval.runtime;

import dev.exp.syntax.Loc;
import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import dev.exp.tensor.TensorArgs;
import java.util.ArrayList;
import java.util.List;

/** Facts about runtime values: descriptions for errors, conversions between kinds. */
public final class Values {
  private Values() {}

  /** An immutable list of the items of {@code items} (which may be none, null). */
  public static List<Object> list(List<Object> items) {
    return items.isEmpty() ? EMPTY_LIST : new FrozenList(items.toArray(), items.size());
  }

  private static final FrozenList EMPTY_LIST = new FrozenList(new Object[0], 0);

  /** An immutable list of the first {@code n} of {@code items}, which the caller hands over unchanged. */
  public static List<Object> listOf(Object[] items, int n) {
    return new FrozenList(items, n);
  }

  /** User-facing description of a value's kind: "a number", "a tensor of shape [2, 3]", ... */
  public static String describe(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Double) {
      return "a number";
    }
    if (v instanceof Complex z) {
      return "the complex number " + Printer.repr(z);
    }
    if (v instanceof Boolean) {
      return "a bool";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Tensor t) {
      return (t.isComplex() ? "a complex tensor of shape " : "a tensor of shape ") + Tensor.shapeString(t.shape());
    }
    if (v instanceof List<?> l) {
      return "a list of length " + l.size();
    }
    if (v instanceof Record) {
      return "a record";
    }
    if (v instanceof Callable) {
      return "a function";
    }
    if (v instanceof RangeValue) {
      return "a range";
    }
    if (v instanceof Namespace n) {
      return "the namespace " + n.name();
    }
    if (v instanceof dev.exp.kernel.Describable d) {
      return d.description();
    }
    return "a " + typeName(v);
  }

  /** The name {@code type(x)} returns. */
  public static String typeName(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Double) {
      return "number";
    }
    if (v instanceof Complex) {
      return "complex";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Tensor) {
      return "tensor";
    }
    if (v instanceof List<?>) {
      return "list";
    }
    if (v instanceof Record) {
      return "record";
    }
    if (v instanceof Callable) {
      return "function";
    }
    if (v instanceof RangeValue) {
      return "range";
    }
    if (v instanceof Namespace) {
      return "namespace";
    }
    if (v instanceof dev.exp.kernel.ScriptObject o) {
      return o.typeName();
    }
    String simple = v.getClass().getSimpleName();
    return simple.isEmpty() ? "object" : simple.toLowerCase(java.util.Locale.ROOT);
  }

  /** A tensor view of a numeric operand (number, bool, tensor, numeric list, range), or null. */
  public static Tensor asTensorOperand(Object v) {
    if (v instanceof Tensor t) {
      return t;
    }
    if (v instanceof Double d) {
      return Tensor.scalar(d);
    }
    if (v instanceof Complex z) {
      return Tensor.wrapComplex(new int[0], new double[] {z.re(), z.im()});
    }
    if (v instanceof Boolean b) {
      return Tensor.scalar(b ? 1 : 0);
    }
    if (v instanceof RangeValue r) {
      return rangeToTensor(r);
    }
    if (v instanceof List<?> l) {
      return tensorFromList(l);
    }
    return null;
  }

  /** The range's values as a tensor; a memory-limit error (naming the size) when it is too large for one. */
  static Tensor rangeToTensor(RangeValue r) {
    long n = r.length();
    String what = "a tensor of the " + n + " values of " + r;
    dev.exp.kernel.Budget.doubles(n, what);
    if (n > Integer.MAX_VALUE - 8) {
      throw new dev.exp.kernel.MemoryLimitException(what + " has more values than one tensor can hold (2^31 − 9)");
    }
    double[] d = new double[(int) n];
    for (int i = 0; i < d.length; i++) {
      d[i] = r.get(i);
    }
    return Tensor.wrap(new int[] {d.length}, d);
  }

  /** Converts a list of numbers (or of equally shaped tensors / numeric lists) to a tensor, or null. */
  static Tensor tensorFromList(List<?> l) {
    if (l.isEmpty()) {
      return Tensor.zeros(0);
    }
    Tensor v = TensorArgs.vectorOf(l);
    if (v != null) {
      return v;
    }
    List<Tensor> rows = new ArrayList<>(l.size());
    for (Object o : l) {
      Tensor t = o instanceof Double || o instanceof Complex ? null : asTensorOperand(o);
      if (t == null) {
        return null;
      }
      rows.add(t);
    }
    return stack(rows);
  }

  /**
   * Why {@code v} (for which {@link #asTensorOperand} gave null) is not a tensor, naming the first
   * item at fault: {@code "item [1] is a string (\"a\"); a tensor holds numbers"}, or rows of
   * different shapes.
   */
  public static String whyNotTensor(Object v) {
    return whyNotTensor(v, "");
  }

  private static String whyNotTensor(Object v, String path) {
    if (!(v instanceof List<?> l)) {
      if (asTensorOperand(v) != null || path.isEmpty()) {
        return null;
      }
      String shown = v instanceof String s && s.length() <= 20 ? " (" + Printer.quote(s) + ")" : "";
      return "item " + path + " is " + describe(v) + shown + "; a tensor holds numbers";
    }
    int[] first = null;
    for (int i = 0; i < l.size(); i++) {
      String inner = whyNotTensor(l.get(i), path + "[" + i + "]");
      if (inner != null) {
        return inner;
      }
      Tensor t = asTensorOperand(l.get(i));
      if (first == null) {
        first = t.shape();
      } else if (!java.util.Arrays.equals(first, t.shape())) {
        return "item " + path + "[" + i + "] has shape " + java.util.Arrays.toString(t.shape()) + " but item " + path
            + "[0] has shape " + java.util.Arrays.toString(first) + " (the rows of a tensor have one shape)";
      }
    }
    return null;
  }

  /** Stacks equally shaped tensors along a new first axis, or null if shapes differ. */
  public static Tensor stack(List<Tensor> rows) {
    return TensorArgs.stackRows(rows);
  }

  /** A 0-d tensor becomes a number (a {@link Complex} when complex); everything else is returned as is. */
  public static Object unwrapScalar(Tensor t) {
    if (t.rank() != 0) {
      return t;
    }
    return t.isComplex() ? (Object) new Complex(t.getRe(), t.getIm()) : (Object) t.at(0);
  }

  /** The truth of a condition: a bool, or a single-element tensor (nonzero = true). */
  public static boolean truth(Object v, Loc loc) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Tensor t && t.size() == 1) {
      return t.at(0) != 0;
    }
    throw new ExpError("condition must be a bool, got " + describe(v), loc);
  }

  /** A number from a value that must be numeric. */
  public static double number(Object v, String what, Loc loc) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw new ExpError(what + " must be a number, got " + describe(v), loc);
  }

  /** An integer from a value that must be an integral number. */
  public static long integer(Object v, String what, Loc loc) {
    double d = number(v, what, loc);
    if (d != Math.rint(d) || Double.isInfinite(d)) {
      throw new ExpError(what + " must be an integer, got " + dev.exp.text.Numbers.format(d), loc);
    }
    if (Math.abs(d) > MAX_EXACT) {
      throw new ExpError(what + " must be an integer of magnitude at most 2^53 (beyond it doubles skip "
          + "integers), got " + dev.exp.text.Numbers.format(d), loc);
    }
    return (long) d;
  }

  /** 2^53: every integer up to it is a double; past it a count or bound would be silently inexact. */
  public static final double MAX_EXACT = 9007199254740992.0;
}
