package dev.exp.jsr223;

import dev.exp.api.Value;

/** Converts a result (as {@link Value#toJava()} gives it) to the return type of an interface method. */
final class Results {
  private Results() {}

  static Object as(Class<?> type, Object result) {
    if (type == void.class) {
      return null;
    }
    if (type.isInstance(result)) {
      return result;
    }
    Value v = result instanceof Value val ? val : null;
    if (type == double.class || type == Double.class) {
      return result instanceof Double d ? d : number(result, type);
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      double d = number(result, type);
      if (d != Math.rint(d)) {
        throw new ClassCastException("expected an integer result, got " + d);
      }
      return type == int.class || type == Integer.class ? (Object) (int) d : (Object) (long) d;
    }
    if (type == boolean.class || type == Boolean.class) {
      if (result instanceof Boolean b) {
        return b;
      }
    }
    if (type == String.class && result != null) {
      return v != null ? v.toString() : String.valueOf(result);
    }
    if (type == double[].class && result instanceof Double d) {
      return new double[] {d};
    }
    if (result == null && !type.isPrimitive()) {
      return null;
    }
    throw new ClassCastException("the Exp function returned " + describe(result) + ", which is not a "
        + type.getSimpleName());
  }

  private static double number(Object result, Class<?> type) {
    if (result instanceof Double d) {
      return d;
    }
    throw new ClassCastException("the Exp function returned " + describe(result) + ", which is not a "
        + type.getSimpleName());
  }

  private static String describe(Object r) {
    if (r == null) {
      return "none";
    }
    if (r instanceof Value v) {
      return "a " + v.type();
    }
    return "a " + r.getClass().getSimpleName();
  }
}
