package dev.exp.kernel;

import dev.exp.tensor.Tensor;
import java.util.List;
import java.util.Map;

/** Small helpers for describing Java-side values in error messages. */
public final class Values {
  private Values() {}

  /** A short user-facing description: "a number", "a tensor of shape [2, 3]", "a list". */
  public static String describe(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof Double || v instanceof Integer || v instanceof Long) {
      return "a number";
    }
    if (v instanceof Boolean) {
      return "a bool";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Tensor t) {
      return "a tensor of shape " + Tensor.shapeString(t.shape());
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    if (v instanceof Map<?, ?>) {
      return "a record";
    }
    if (v instanceof dev.exp.tensor.Complex) {
      return "a complex number";
    }
    if (v instanceof Describable d) {
      return d.description();
    }
    if (v instanceof dev.exp.sparse.SparseMatrix m) {
      return "a sparse matrix of shape [" + m.rows() + ", " + m.cols() + "]";
    }
    if (v instanceof ScriptObject o) {
      return article(o.typeName()) + " " + o.typeName();
    }
    if (v instanceof Fn) {
      return "a function";
    }
    return "a value";   // never a Java class name
  }

  /** "a" or "an" before {@code word}. */
  public static String article(String word) {
    return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
  }
}
