package dev.exp.eval.runtime;

import java.util.Map;

/** The text {@code help(x)} prints for a value: a function's signature and documentation, a namespace's members. */
public final class HelpText {
  private HelpText() {}

  /** Help text for a value: its signature and documentation. */
  public static String of(Object v) {
    if (v instanceof Callable c) {
      String doc = c.doc();
      return c.signature() + (doc == null || doc.isEmpty() ? "" : "\n\n" + doc);
    }
    if (v instanceof Namespace n) {
      StringBuilder sb = new StringBuilder("namespace " + n.name());
      if (!n.doc().isEmpty()) {
        sb.append(": ").append(n.doc());
      }
      for (Map.Entry<String, Object> e : n.members().entrySet()) {
        sb.append("\n  ");
        if (e.getValue() instanceof Callable c) {
          sb.append(c.signature()).append("  ").append(summary(c.doc()));
        } else {
          sb.append(e.getKey());
        }
      }
      return sb.toString();
    }
    return Values.describe(v) + ": " + Printer.repr(v);
  }

  /** The first sentence of a doc text. */
  public static String summary(String doc) {
    if (doc == null) {
      return "";
    }
    int dot = doc.indexOf(". ");
    int nl = doc.indexOf('\n');
    int end = doc.length();
    if (dot >= 0) {
      end = Math.min(end, dot + 1);
    }
    if (nl >= 0) {
      end = Math.min(end, nl);
    }
    return doc.substring(0, end).trim();
  }

}
