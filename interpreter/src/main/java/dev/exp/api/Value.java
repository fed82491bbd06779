package dev.exp.api;

import dev.exp.eval.Callable;
import dev.exp.eval.Printer;
import dev.exp.eval.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A value produced by a script, with typed accessors for Java hosts. */
public final class Value {
  private final Object value;

  Value(Object value) {
    this.value = value;
  }

  /** The raw runtime object: Double, Boolean, String, null, Tensor, List, Map (record), or an opaque object. */
  public Object raw() {
    return value;
  }

  public boolean isNone() {
    return value == null;
  }

  public boolean isNumber() {
    return value instanceof Double;
  }

  public boolean isTensor() {
    return value instanceof Tensor;
  }

  public boolean isFunction() {
    return value instanceof Callable;
  }

  public double asDouble() {
    if (value instanceof Double d) {
      return d;
    }
    if (value instanceof Tensor t && t.size() == 1) {
      return t.at(0);
    }
    throw new ClassCastException("expected a number, got " + Values.describe(value));
  }

  public long asLong() {
    double d = asDouble();
    if (d != Math.rint(d)) {
      throw new ClassCastException("expected an integer, got " + d);
    }
    return (long) d;
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

  public Tensor asTensor() {
    if (value instanceof Tensor t) {
      return t;
    }
    if (value instanceof Double d) {
      return Tensor.scalar(d);
    }
    throw new ClassCastException("expected a tensor, got " + Values.describe(value));
  }

  /** A copy of a 1-D tensor (or a number as a 1-element array). */
  public double[] asDoubleArray() {
    Tensor t = asTensor();
    if (t.rank() > 1) {
      throw new ClassCastException("expected a vector, got a tensor of shape " + Tensor.shapeString(t.shape()));
    }
    return t.toArray();
  }

  /** A copy of a 2-D tensor as rows. */
  public double[][] asMatrix() {
    return asTensor().toMatrix();
  }

  /** The items of a list (or the first axis of a tensor) as Values. */
  public List<Value> asList() {
    List<Value> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      for (Object o : l) {
        out.add(new Value(o));
      }
      return out;
    }
    if (value instanceof Tensor t && t.rank() >= 1) {
      for (double[] row : t.rank() == 1 ? new double[][] {t.toArray()} : t.reshape(t.dim(0), -1).toMatrix()) {
        if (t.rank() == 1) {
          for (double x : row) {
            out.add(new Value(x));
          }
        } else {
          out.add(new Value(Tensor.vector(row)));
        }
      }
      return out;
    }
    throw new ClassCastException("expected a list, got " + Values.describe(value));
  }

  /** The fields of a record, in order. */
  public Map<String, Value> asMap() {
    if (value instanceof Map<?, ?> m) {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), new Value(e.getValue()));
      }
      return out;
    }
    throw new ClassCastException("expected a record, got " + Values.describe(value));
  }

  /** The value as a script would print it. */
  @Override
  public String toString() {
    return Printer.str(value);
  }
}
