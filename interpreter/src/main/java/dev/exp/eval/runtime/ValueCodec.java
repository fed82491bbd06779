package dev.exp.eval.runtime;

import dev.exp.tensor.Complex;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one conversion between Java and Exp values. Everything that hands Java values to a script goes
 * through {@link #toExp}: the embedding API and JSR-223 (host globals, arguments, host function
 * results), the binder (kernel results), host members, script callbacks made by kernels, and the
 * JavaScript bridge (which turns a JavaScript value into Java collections first, through {@link
 * #sequence} and {@link #record}). Values leave through {@link #toJava}.
 *
 * <p>The rules, one list for every caller:
 * <ul>
 *   <li>null, {@code Double}, {@code Boolean}, {@code String}, complex numbers, script values
 *       (functions, records, ranges, namespaces) stay as they are; other {@code Number}s become
 *       numbers, a {@code Character} a string;
 *   <li>a tensor stays a tensor (a checked codec copies it: the host may keep writing into it); a
 *       0-d tensor becomes a number;
 *   <li>{@code double[]}, {@code int[]}, {@code long[]} become vectors, a {@code double[][]} a matrix
 *       (ragged rows are an error);
 *   <li>a {@code Map} becomes a record, its keys the field names in order;
 *   <li>a collection becomes a list; from outside the library (a checked codec) it follows the
 *       literal rule instead: all numbers make a vector, as {@code [1, 2, 3]} does, and tensors of one
 *       shape are stacked, as {@code [[1, 2], [3, 4]]} is.
 * </ul>
 * A checked codec (values from a host) also refuses map keys that are not strings and any Java
 * object it does not know, with a message naming the value ({@code what}); the unchecked one
 * ({@link #LIBRARY}, for values the library made) passes unknown objects through.
 */
public final class ValueCodec {
  /**
   * Types a layer above the evaluator adds (the API's {@code Value}, {@code HostFunction}); it also
   * refuses that layer's other objects, which the codec would take for library values.
   */
  public interface Extension {
    /** {@code v} as a script value, or {@link #NOT_MINE} when {@code v} is not one of its types. */
    Object toExp(Object v, String what);
  }

  /** What an {@link Extension} returns for a value it does not convert. */
  public static final Object NOT_MINE = new Object();

  /** For values made by the library: kernel results, members of library objects. */
  public static final ValueCodec LIBRARY = new ValueCodec(false, null, "");

  private final boolean checked;
  private final Extension extension;
  private final String supported;

  /** A Java value the library made (a kernel's result, a library object's member) as a script value. */
  public static Object fromLibrary(Object v) {
    return LIBRARY.toExp(v, "value");
  }

  private ValueCodec(boolean checked, Extension extension, String supported) {
    this.checked = checked;
    this.extension = extension;
    this.supported = supported;
  }

  /**
   * A codec for values a host hands in: checked, with {@code extension} for the host layer's own
   * types; {@code supported} lists what may cross, for the refusal message.
   */
  public static ValueCodec checked(Extension extension, String supported) {
    return new ValueCodec(true, extension, supported);
  }

  /** A Java value as a script value; {@code what} names it in errors ("global 'x'", "argument 1"). */
  public Object toExp(Object v, String what) {
    if (v == null || v instanceof Double || v instanceof Boolean || v instanceof String || v instanceof Complex) {
      return v;
    }
    if (extension != null) {
      Object x = extension.toExp(v, what);
      if (x != NOT_MINE) {
        return x;
      }
    }
    if (v instanceof Tensor t) {
      Tensor own = checked ? t.copy() : t;
      return Values.unwrapScalar(own);
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Character c) {
      return String.valueOf(c);
    }
    if (v instanceof double[] a) {
      return Tensor.vector(a);
    }
    if (v instanceof double[][] m) {
      return matrix(m, what);
    }
    if (v instanceof int[] a) {
      double[] d = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        d[i] = a[i];
      }
      return Tensor.wrap(new int[] {d.length}, d);
    }
    if (v instanceof long[] a) {
      double[] d = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        d[i] = a[i];
      }
      return Tensor.wrap(new int[] {d.length}, d);
    }
    if (v instanceof Record || v instanceof Callable || v instanceof Namespace || v instanceof RangeValue) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k;
        if (e.getKey() instanceof String s) {
          k = s;
        } else if (checked) {
          throw new IllegalArgumentException(what + ": map keys must be strings to become record fields, got "
              + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
        } else {
          k = String.valueOf(e.getKey());
        }
        out.put(k, toExp(e.getValue(), what + "." + k));
      }
      return record(out);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      int i = 0;
      for (Object o : c) {
        out.add(toExp(o, what + "[" + i++ + "]"));
      }
      return checked ? sequence(out) : Values.list(out);
    }
    if (checked && !isLibraryValue(v)) {
      throw new IllegalArgumentException(what + ": cannot pass a " + v.getClass().getName() + " to a script ("
          + supported + ")");
    }
    return v;
  }

  /**
   * Script values from outside, in order, as the list literal would make them: all numbers give a
   * vector, tensors of one shape are stacked, anything else is an immutable list.
   */
  public static Object sequence(List<Object> items) {
    boolean numbers = !items.isEmpty();
    boolean tensors = !items.isEmpty();
    for (Object x : items) {
      numbers &= x instanceof Double;
      tensors &= x instanceof Tensor;
    }
    if (numbers || tensors) {
      Tensor t = Values.asTensorOperand(items);   // a vector, or equal rows stacked
      if (t != null) {
        return t;
      }
    }
    return Values.list(items);
  }

  /** Script values as the fields of a record, in order. */
  public static Record record(Map<String, Object> fields) {
    return Record.of(fields);
  }

  /**
   * A script value as a plain Java value: Double, Boolean, String, null, double[] (vector), double[][]
   * (matrix), Tensor (higher rank), List, Map (record, fields in order); any other value (functions,
   * tables, complex numbers) is handed to {@code opaque}, which wraps it for the host.
   */
  public static Object toJava(Object v, Function<Object, Object> opaque) {
    if (v == null || v instanceof Double || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Tensor t && !t.isComplex()) {
      return switch (t.rank()) {
        case 0 -> t.at(0);
        case 1 -> t.toArray();
        case 2 -> t.toMatrix();
        default -> t.copy();
      };
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(toJava(o, opaque));
      }
      return out;
    }
    if (v instanceof Record r) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : r.entrySet()) {
        out.put(e.getKey(), toJava(e.getValue(), opaque));
      }
      return out;
    }
    return opaque.apply(v);
  }

  private static Tensor matrix(double[][] m, String what) {
    for (int i = 0; i < m.length; i++) {
      if (m[i] == null) {
        throw new IllegalArgumentException(what + ": double[][] row " + i + " is null");
      }
    }
    for (int i = 1; i < m.length; i++) {
      if (m[i].length != m[0].length) {
        throw new IllegalArgumentException(what + ": ragged double[][]: row 0 has " + m[0].length + " values, row "
            + i + " has " + m[i].length);
      }
    }
    return Tensor.matrix(m);
  }

  /** Objects made by the interpreter or the standard library (tables, figures, models, sparse matrices). */
  private static boolean isLibraryValue(Object v) {
    if (v instanceof dev.exp.kernel.ScriptObject || v instanceof dev.exp.linalg.LinearOperator) {
      return true;   // library objects (models, sparse matrices, schedules) are immutable values
    }
    Class<?> c = v.getClass();
    if (!c.getName().startsWith("dev.exp.")) {
      return false;
    }
    java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
    return src != null && (sameCode(src, ValueCodec.class) || sameCode(src, dev.exp.Stdlib.class));
  }

  private static boolean sameCode(java.security.CodeSource src, Class<?> of) {
    java.security.CodeSource o = of.getProtectionDomain().getCodeSource();
    return o != null && java.util.Objects.equals(src.getLocation(), o.getLocation());
  }
}
