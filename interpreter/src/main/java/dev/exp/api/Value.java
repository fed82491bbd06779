package dev.exp.api;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Printer;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.Values;
import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value produced by a script (or handed to a host function), with typed accessors for Java.
 *
 * <pre>{@code
 * double r   = s.eval("sum([1, 2, 3])").asDouble();
 * double[] v = s.eval("linspace(0, 1, 5)").asDoubleArray();
 * double[][] m = s.eval("[[1, 2], [3, 4]] @ [[1, 0], [0, 1]]").asMatrix();
 * Map<String, Value> rec = s.eval("{a: 1, b: \"x\"}").asMap();
 * double y = s.eval("x => x * 2").call(21).asDouble();
 * }</pre>
 *
 * <p>Script values: numbers are {@code double}; tensors (vectors, matrices, higher rank) are
 * row-major arrays of {@code double}; lists, records (ordered fields), strings, bools, {@code none}
 * and functions. Accessors copy: changing a returned array never changes the script's value. An
 * accessor applied to the wrong kind of value throws {@link ClassCastException} naming what the
 * value is.
 */
public final class Value {
  /** What a value is, for hosts that show or convert values of any kind ({@link #kind()}). */
  public enum Kind {
    /** {@code none} (Java null). */
    NONE,
    /** A real number. */
    NUMBER,
    /** A complex number such as {@code 1+2i}. */
    COMPLEX,
    BOOL,
    STRING,
    /** A vector, matrix or higher-rank tensor, real or complex ({@link #shape()}, {@link #isComplex()}). */
    TENSOR,
    /** A list of values of any kinds ({@link #asList()}). */
    LIST,
    /** A record: named fields in order ({@link #asMap()}). */
    RECORD,
    /** A script, builtin or host function ({@link #call}). */
    FUNCTION,
    /**
     * Anything else the runtime makes: ranges, namespaces, tables, fitted models, sparse matrices,
     * optimizers, ... ({@link #type()} names it; {@link #repr()} shows it).
     */
    OTHER
  }

  /** Runs a script function on behalf of a value (the session that made it, or a running call). */
  interface Caller {
    Object call(Callable fn, Object[] args);
  }

  private final Object value;
  private final Caller caller;

  Value(Object value, Caller caller) {
    this.value = value;
    this.caller = caller;
  }

  /**
   * The runtime object: Double, Boolean, String, null, {@link Tensor}, List, Map (a record), or an
   * object of the runtime (functions, tables). Prefer the typed accessors.
   */
  public Object raw() {
    return value;
  }

  /** Whether the value is {@code none} (Java null). */
  public boolean isNone() {
    return value == null;
  }

  /** Whether the value is a number. */
  public boolean isNumber() {
    return value instanceof Double;
  }

  public boolean isBoolean() {
    return value instanceof Boolean;
  }

  public boolean isString() {
    return value instanceof String;
  }

  /** Whether the value is a tensor (vector, matrix, ...). */
  public boolean isTensor() {
    return value instanceof Tensor;
  }

  public boolean isList() {
    return value instanceof List<?>;
  }

  /** Whether the value is a record ({@code {a: 1, b: 2}}). */
  public boolean isRecord() {
    return value instanceof Record;
  }

  /** Whether the value can be called with {@link #call}. */
  public boolean isFunction() {
    return value instanceof Callable;
  }

  /** What the value is; {@link #type()} gives the script's finer name (e.g. "range", "table"). */
  public Kind kind() {
    if (value == null) {
      return Kind.NONE;
    }
    if (value instanceof Double) {
      return Kind.NUMBER;
    }
    if (value instanceof Complex) {
      return Kind.COMPLEX;
    }
    if (value instanceof Boolean) {
      return Kind.BOOL;
    }
    if (value instanceof String) {
      return Kind.STRING;
    }
    if (value instanceof Tensor) {
      return Kind.TENSOR;
    }
    if (value instanceof List<?>) {
      return Kind.LIST;
    }
    if (value instanceof Record) {
      return Kind.RECORD;
    }
    if (value instanceof Callable) {
      return Kind.FUNCTION;
    }
    return Kind.OTHER;
  }

  /** Whether the value is a complex number or a complex (complex128) tensor. */
  public boolean isComplex() {
    return value instanceof Complex || value instanceof Tensor t && t.isComplex();
  }

  /** The script's name for the kind of value: number, bool, string, none, tensor, list, record, function, ... */
  public String type() {
    return Values.typeName(value);
  }

  /** A number (or a one-element tensor). */
  public double asDouble() {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw new ClassCastException("expected a number, got " + Values.describe(value));
  }

  /** An integral number as {@code long}. */
  public long asLong() {
    double d = asDouble();
    if (d != Math.rint(d) || Double.isInfinite(d)) {
      throw new ClassCastException("expected an integer, got " + d);
    }
    if (d >= 0x1p63 || d < -0x1p63) {
      throw new ClassCastException("expected an integer in the range of long, got " + d);
    }
    return (long) d;
  }

  /** An integral number as {@code int}. */
  public int asInt() {
    long l = asLong();
    if (l != (int) l) {
      throw new ClassCastException("expected an int, got " + l);
    }
    return (int) l;
  }

  public boolean asBoolean() {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new ClassCastException("expected a bool, got " + Values.describe(value));
  }

  public String asString() {
    if (value instanceof String s) {
      return s;
    }
    throw new ClassCastException("expected a string, got " + Values.describe(value));
  }

  /**
   * The value as a tensor: a tensor itself, a number as a 0-d tensor, or a list of numbers (or of
   * equally shaped tensors) stacked. Tensors are immutable: never write into its {@code raw()} array.
   */
  public Tensor asTensor() {
    Tensor t = Values.asTensorOperand(value);
    if (t == null || value instanceof Boolean) {
      throw new ClassCastException("expected a tensor, got " + Values.describe(value));
    }
    return t;
  }

  /** A copy of a vector (or a number as a 1-element array). */
  public double[] asDoubleArray() {
    Tensor t = asTensor();
    if (t.rank() > 1) {
      throw new ClassCastException("expected a vector, got a tensor of shape " + Tensor.shapeString(t.shape()));
    }
    requireReal(t);
    return t.toArray();
  }

  /**
   * The shape of a tensor ({@code [3]} for a vector, {@code [2, 3]} for a 2×3 matrix); a number or a
   * complex number is 0-d: {@code []}. A copy.
   */
  public int[] shape() {
    if (value instanceof Tensor t) {
      return t.shape().clone();
    }
    if (value instanceof Double || value instanceof Complex) {
      return new int[0];
    }
    throw new ClassCastException("expected a tensor, got " + Values.describe(value));
  }

  /**
   * A copy of a real tensor's elements in row-major order, whatever its rank (a number gives one
   * element); the shape is {@link #shape()}. A complex value needs {@link #asComplexArray()}.
   */
  public double[] asFlatArray() {
    if (isComplex()) {
      throw new ClassCastException("expected a real tensor, got " + Values.describe(value)
          + " (use asComplexArray())");
    }
    return asTensor().toArray();
  }

  /**
   * A copy of a tensor's elements in row-major order as interleaved (re, im) pairs: element k is
   * {@code a[2k] + a[2k+1] i}. Works for complex and real tensors (imaginary parts 0) and for numbers.
   */
  public double[] asComplexArray() {
    if (value instanceof Complex z) {
      return new double[] {z.re(), z.im()};
    }
    if (value instanceof Double d) {
      return new double[] {d, 0};
    }
    Tensor t = asTensor();
    return t.isComplex() ? t.complexRaw().clone() : t.complexRaw();
  }

  /** The wrong-kind error of the real accessors for a complex tensor. */
  private static void requireReal(Tensor t) {
    if (t.isComplex()) {
      throw new ClassCastException("expected a real tensor, got a complex tensor of shape " + Tensor.shapeString(t.shape())
          + " (use asComplexArray())");
    }
  }

  /** A copy of a matrix (a 2-D tensor) as rows. */
  public double[][] asMatrix() {
    Tensor t = asTensor();
    if (t.rank() != 2) {
      throw new ClassCastException("expected a matrix, got " + Values.describe(value));
    }
    requireReal(t);
    return t.toMatrix();
  }

  /**
   * The items of a list, or of a tensor along its first axis (numbers for a vector, rows for a
   * matrix), as values.
   */
  public List<Value> asList() {
    List<Value> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      for (Object o : l) {
        out.add(new Value(o, caller));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof Tensor t && t.rank() >= 1) {
      int n = t.dim(0);
      int each = n == 0 ? 0 : t.size() / n;
      int[] rowShape = java.util.Arrays.copyOfRange(t.shape(), 1, t.rank());
      for (int i = 0; i < n; i++) {
        out.add(new Value(t.rank() == 1 ? (Object) t.at(i)
            : Tensor.of(rowShape, java.util.Arrays.copyOfRange(t.raw(), i * each, (i + 1) * each)), caller));
      }
      return Collections.unmodifiableList(out);
    }
    throw new ClassCastException("expected a list, got " + Values.describe(value));
  }

  /** The fields of a record, in order. */
  public Map<String, Value> asMap() {
    if (value instanceof Map<?, ?> m) {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), new Value(e.getValue(), caller));
      }
      return Collections.unmodifiableMap(out);
    }
    throw new ClassCastException("expected a record, got " + Values.describe(value));
  }

  /** One field of a record. */
  public Value get(String field) {
    if (value instanceof Record r) {
      if (!r.containsKey(field)) {
        throw new IllegalArgumentException("the record has no field '" + field + "' (fields: "
            + String.join(", ", r.keySet()) + ")");
      }
      return new Value(r.get(field), caller);
    }
    throw new ClassCastException("expected a record, got " + Values.describe(value));
  }

  /**
   * The value as plain Java: Double, Boolean, String, null, {@code double[]} for a vector, {@code
   * double[][]} for a matrix, a {@link Tensor} for higher ranks, {@code List<Object>} for a list,
   * {@code Map<String, Object>} for a record; a function or other runtime object stays a {@code Value}.
   */
  public Object toJava() {
    return HostValues.toJava(value, caller);
  }

  /**
   * Calls this function with Java arguments (converted as by {@link Session#set}) in the session it
   * came from; limits apply as to any evaluation.
   *
   * @throws ExpRuntimeException when the function fails
   * @throws IllegalStateException when the value is not a function or its session is closed
   */
  public Value call(Object... args) {
    if (!(value instanceof Callable fn)) {
      throw new IllegalStateException("not a function: " + Values.describe(value));
    }
    if (caller == null) {
      throw new IllegalStateException("this function's session is gone; call it through Session.call(value, ...)");
    }
    Object[] converted = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      converted[i] = HostValues.toExp(args[i], "argument " + (i + 1));
    }
    return new Value(caller.call(fn, converted), caller);
  }

  /** Calls this function with one argument (a {@code double[][]} is one argument here, not the varargs array). */
  public Value call(Object arg) {
    return call(new Object[] {arg});
  }

  /** The value as a script would print it (strings without quotes). */
  @Override
  public String toString() {
    try {
      return Printer.str(value);
    } catch (dev.exp.kernel.MemoryLimitException e) {
      throw new ExpMemoryLimitException(e.getMessage(), java.util.List.of());
    }
  }

  /**
   * The value as the REPL and {@code exp -e} show a result: what {@code print} shows, except that a
   * string is quoted (as it is inside a list). Numbers are in shortest round-trip form: {@code
   * [1, 2.5]}, {@code {a: 1, b: "x"}}, {@code 1+2i}; a large tensor spans several lines with its
   * middle elided, as {@code print} shows it. Text longer than 64 Mi characters (a value that holds
   * the same parts many times over) is an {@link ExpMemoryLimitException}.
   */
  public String repr() {
    try {
      return Printer.repr(value);
    } catch (dev.exp.kernel.MemoryLimitException e) {
      throw new ExpMemoryLimitException(e.getMessage(), java.util.List.of());
    }
  }
}
