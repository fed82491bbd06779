package dev.exp.api;

import dev.exp.eval.Callable;
import dev.exp.eval.Record;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Java values handed in by a host into script values, and script values into plain Java
 * values. The one place that decides what may cross into a script: anything else is refused with a
 * message, so scripts never hold arbitrary Java objects (and cannot reach their members).
 */
final class HostValues {
  private HostValues() {}

  static final String SUPPORTED = "supported: numbers, boolean, String, double[], double[][], int[], long[], "
      + "List, Map with String keys, a Tensor, a library ScriptObject or LinearOperator, a Value, a HostFunction, or null";

  /** A host value as a script value; {@code what} names it in errors ("global 'x'", "argument 1"). */
  static Object toExp(Object v, String what) {
    if (v == null || v instanceof Double || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Value val) {
      return val.raw();
    }
    if (v instanceof dev.exp.kernel.ScriptObject || v instanceof dev.exp.linalg.LinearOperator) {
      return v;   // library objects (models, sparse matrices, schedules) are immutable values
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Character c) {
      return String.valueOf(c);
    }
    if (v instanceof Tensor t) {
      return t.copy();   // the host may keep writing into its tensor
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
    if (v instanceof HostFunction f) {
      return HostCallable.adapt(what, f);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException(what + ": map keys must be strings to become record fields, got "
              + (e.getKey() == null ? "null" : e.getKey().getClass().getName()));
        }
        out.put(k, toExp(e.getValue(), what + "." + k));
      }
      return Record.of(out);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      boolean numbers = !c.isEmpty();
      int i = 0;
      for (Object o : c) {
        Object x = toExp(o, what + "[" + i++ + "]");
        numbers &= x instanceof Double;
        out.add(x);
      }
      if (numbers) {   // like the literal [1, 2, 3] in a script
        double[] d = new double[out.size()];
        for (int j = 0; j < d.length; j++) {
          d[j] = (Double) out.get(j);
        }
        return Tensor.wrap(new int[] {d.length}, d);
      }
      return java.util.Collections.unmodifiableList(out);
    }
    if (v instanceof Callable || isRuntimeValue(v)) {
      return v;   // a value that came out of a script (a table, a figure, a function) goes back in as is
    }
    throw new IllegalArgumentException(what + ": cannot pass a " + v.getClass().getName() + " to a script ("
        + SUPPORTED + ")");
  }

  /** Objects made by the interpreter or the standard library (tables, figures, models, ranges). */
  private static boolean isRuntimeValue(Object v) {
    Class<?> c = v.getClass();
    if (!c.getName().startsWith("dev.exp.") || c.getName().startsWith("dev.exp.api.")) {
      return false;
    }
    java.security.CodeSource src = c.getProtectionDomain().getCodeSource();
    return src != null && (sameCode(src, dev.exp.eval.Interpreter.class) || sameCode(src, dev.exp.Stdlib.class));
  }

  private static boolean sameCode(java.security.CodeSource src, Class<?> of) {
    java.security.CodeSource o = of.getProtectionDomain().getCodeSource();
    return o != null && java.util.Objects.equals(src.getLocation(), o.getLocation());
  }

  private static Tensor matrix(double[][] m, String what) {
    for (int i = 1; i < m.length; i++) {
      if (m[i].length != m[0].length) {
        throw new IllegalArgumentException(what + ": ragged double[][]: row 0 has " + m[0].length + " values, row "
            + i + " has " + m[i].length);
      }
    }
    return Tensor.matrix(m);
  }

  /**
   * A script value as a plain Java value: Double, Boolean, String, null, double[] (vector), double[][]
   * (matrix), Tensor (higher rank), List, Map (record, fields in order); anything else stays a
   * {@link Value} (functions, tables), which can be passed back into a script.
   */
  static Object toJava(Object v, Value.Caller caller) {
    if (v == null || v instanceof Double || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Tensor t) {
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
        out.add(toJava(o, caller));
      }
      return out;
    }
    if (v instanceof Record r) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : r.entrySet()) {
        out.put(e.getKey(), toJava(e.getValue(), caller));
      }
      return out;
    }
    return new Value(v, caller);
  }
}
