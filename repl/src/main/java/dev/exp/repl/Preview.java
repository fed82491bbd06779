package dev.exp.repl;

import dev.exp.eval.Printer;
import dev.exp.tensor.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * How the REPL shows a value: short values exactly as {@code print} would; a tensor that does not
 * fit on one line as its shape plus a preview (six significant digits, the first and last rows and
 * columns); lists and records cut at the line width with a count of what was left out.
 */
public final class Preview {
  private static final int EDGE = 3;
  private final int width;

  public Preview(int width) {
    this.width = Math.max(40, width);
  }

  /** The text shown for a value (may span several lines). */
  public String show(Object v) {
    if (v instanceof Tensor t) {
      return tensor(t);
    }
    String exact = Printer.repr(v);
    if (!exact.contains("\n") && exact.length() <= width) {
      return exact;
    }
    if (v instanceof List<?> l) {
      return list(l, width);
    }
    if (v instanceof Map<?, ?> m) {
      return record(m, width);
    }
    return exact;
  }

  private String tensor(Tensor t) {
    String exact = Printer.repr(t);
    if (!exact.contains("\n") && exact.length() <= width) {
      return exact;
    }
    StringBuilder sb = new StringBuilder("tensor ").append(Tensor.shapeString(t.shape()));
    if (t.size() == 0) {
      return sb.toString();
    }
    sb.append('\n');
    int[] shape = t.shape();
    boolean complex = t.isComplex();
    double[] values = complex ? t.complexRaw() : t.raw();
    if (t.rank() == 1) {
      sb.append(row(values, complex, shape[0]));
      return sb.toString();
    }
    int cols = shape[t.rank() - 1];
    int rows = t.size() / cols;
    int[] leading = java.util.Arrays.copyOf(shape, t.rank() - 1);
    int[] visibleCols = visible(cols);
    java.util.List<String[]> cells = new java.util.ArrayList<>();
    java.util.List<String> labels = new java.util.ArrayList<>();
    for (int r : visible(rows)) {
      if (r < 0) {
        cells.add(null);
        labels.add("");
        continue;
      }
      String[] row = new String[visibleCols.length];
      for (int j = 0; j < visibleCols.length; j++) {
        row[j] = visibleCols[j] < 0 ? "..." : cell(values, complex, r * cols + visibleCols[j]);
      }
      cells.add(row);
      labels.add(t.rank() > 2 ? index(r, leading) + " " : "");
    }
    int[] w = new int[visibleCols.length];
    for (String[] row : cells) {
      for (int j = 0; row != null && j < row.length; j++) {
        w[j] = Math.max(w[j], row[j].length());
      }
    }
    int labelWidth = labels.stream().mapToInt(String::length).max().orElse(0);
    for (int i = 0; i < cells.size(); i++) {
      String[] row = cells.get(i);
      if (row == null) {
        sb.append(" ...\n");
        continue;
      }
      sb.append(' ').append(String.format("%-" + Math.max(1, labelWidth) + "s", labels.get(i)).substring(labelWidth == 0 ? 1 : 0)).append('[');
      for (int j = 0; j < row.length; j++) {
        sb.append(" ".repeat(w[j] - row[j].length())).append(row[j]).append(j < row.length - 1 ? ", " : "]");
      }
      sb.append('\n');
    }
    sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  /** Indices shown along an axis of length n: all, or the first and last EDGE with -1 for the gap. */
  private static int[] visible(int n) {
    if (n <= 2 * EDGE + 1) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    int[] v = new int[2 * EDGE + 1];
    for (int i = 0; i < EDGE; i++) {
      v[i] = i;
      v[EDGE + 1 + i] = n - EDGE + i;
    }
    v[EDGE] = -1;
    return v;
  }

  private static String index(int r, int[] leading) {
    int[] idx = new int[leading.length];
    for (int a = leading.length - 1; a >= 0; a--) {
      idx[a] = r % leading[a];
      r /= leading[a];
    }
    StringBuilder sb = new StringBuilder("[");
    for (int a = 0; a < idx.length; a++) {
      sb.append(idx[a]).append(", ");
    }
    return sb.append(":]").toString();
  }

  private static String row(double[] d, boolean complex, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int j = 0; j < n; j++) {
      if (n > 2 * EDGE && j == EDGE) {
        sb.append("..., ");
        j = n - EDGE;
      }
      sb.append(cell(d, complex, j));
      if (j < n - 1) {
        sb.append(", ");
      }
    }
    return sb.append(']').toString();
  }

  /** Element k of row-major values (interleaved when complex), compacted. */
  private static String cell(double[] d, boolean complex, int k) {
    return complex ? compactComplex(d[2 * k], d[2 * k + 1]) : compact(d[k]);
  }

  /** A complex number with each part in {@link #compact} form: 0.5+1.25i, -2.5e-07i. */
  public static String compactComplex(double re, double im) {
    if (re == 0 && 1 / re > 0) {
      return compact(im) + "i";
    }
    boolean negative = im < 0 || (im == 0 && 1 / im < 0);
    return compact(re) + (negative ? "-" : "+") + compact(Math.abs(im)) + "i";
  }

  /** A number with at most six significant digits: 0.682602, -1.2e-07, 123457, 1.23457e+09. */
  public static String compact(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return Printer.repr(x);
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e6) {
      return Long.toString((long) x);
    }
    double a = Math.abs(x);
    if (a >= 1e-4 && a < 1e6) {
      return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
    BigDecimal b = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
    String m = b.unscaledValue().abs().toString();
    int exp = m.length() - 1 - b.scale();
    String mant = m.length() == 1 ? m : m.charAt(0) + "." + m.substring(1);
    return (x < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  private String item(Object v, int room) {
    if (v instanceof Tensor t) {
      String exact = Printer.repr(t);
      return !exact.contains("\n") && exact.length() <= room ? exact : "<tensor " + Tensor.shapeString(t.shape()) + ">";
    }
    if (v instanceof List<?> l) {
      String exact = Printer.repr(l);
      return exact.length() <= room ? exact : "<list of " + l.size() + ">";
    }
    if (v instanceof Map<?, ?> m) {
      String exact = Printer.repr(m);
      return !exact.contains("\n") && exact.length() <= room ? exact : "<record of " + m.size() + " fields>";
    }
    String exact = Printer.repr(v);
    return exact.length() <= room ? exact : exact.substring(0, Math.max(1, room - 4)) + "...\"";
  }

  private String list(List<?> l, int room) {
    StringBuilder sb = new StringBuilder("[");
    int shown = 0;
    for (Object o : l) {
      String s = item(o, room / 2);
      String tail = " ... (" + l.size() + " items)]";
      if (sb.length() + s.length() + 2 + tail.length() > room && shown > 0) {
        return sb.append(tail.substring(1)).toString();
      }
      if (shown > 0) {
        sb.append(", ");
      }
      sb.append(s);
      shown++;
    }
    return sb.append(']').toString();
  }

  private String record(Map<?, ?> m, int room) {
    StringBuilder sb = new StringBuilder("{");
    int shown = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String s = e.getKey() + ": " + item(e.getValue(), room / 2);
      String tail = " ... (" + (m.size() - shown) + " more fields)}";
      if (sb.length() + s.length() + 2 + tail.length() > room && shown > 0) {
        return sb.append(", ").append(tail.substring(1)).toString();
      }
      if (shown > 0) {
        sb.append(", ");
      }
      sb.append(s);
      shown++;
    }
    return sb.append('}').toString();
  }
}
