package dev.exp.binding;

/** Parses the Exp literals used as parameter defaults (kernels, host functions): numbers, true/false, none, "strings". */
public final class Literals {
  private Literals() {}

  /** The value of a default literal; throws IllegalArgumentException when it is not one. */
  public static Object parse(String s) {
    String t = s.trim();
    switch (t) {
      case "none":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        break;
    }
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      return t.substring(1, t.length() - 1);
    }
    if (t.startsWith("[") && t.endsWith("]")) {
      String inner = t.substring(1, t.length() - 1).trim();
      java.util.List<Object> items = new java.util.ArrayList<>();
      if (!inner.isEmpty()) {
        for (String part : inner.split(",")) {
          items.add(parse(part));
        }
      }
      return java.util.Collections.unmodifiableList(items);
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad default literal: " + s, e);
    }
  }
}
